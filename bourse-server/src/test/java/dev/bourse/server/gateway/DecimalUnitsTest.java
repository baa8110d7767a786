package dev.bourse.server.gateway;

import dev.bourse.engine.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecimalUnitsTest
{
    @Test
    void shouldConvertToBaseUnits()
    {
        assertThat(DecimalUnits.parse("0.00100915", 8, DecimalUnits.PRICE)).isEqualTo(100_915L);
        assertThat(DecimalUnits.parse("1", 8, DecimalUnits.QUANTITY)).isEqualTo(100_000_000L);
        assertThat(DecimalUnits.parse("12.5000000000", 8, DecimalUnits.QUANTITY)).isEqualTo(1_250_000_000L);
        assertThat(DecimalUnits.parse("007", 0, DecimalUnits.QUANTITY)).isEqualTo(7L);
        assertThat(DecimalUnits.parse("0", 8, DecimalUnits.AMOUNT_OR_ZERO)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "+1", "1e3", "1E-8", "NaN", "Infinity", " 1", "1 ", "1.", ".5", "0x10", "1,5",
        "1.2.3", "٣", "0.0", "0", "00000000000000000000000000000000000000000000000000001"})
    void shouldRefuseWhatIsNotAPositivePlainDecimal(final String text)
    {
        assertThatThrownBy(() -> DecimalUnits.parse(text, 8, DecimalUnits.QUANTITY))
            .isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.status()).isEqualTo(Status.INVALID_QUANTITY));
    }

    @Test
    void shouldRefuseTooManyDecimalsWithTheOutOfScaleCode()
    {
        assertThatThrownBy(() -> DecimalUnits.parse("0.000000001", 8, DecimalUnits.QUANTITY))
            .isInstanceOfSatisfying(ApiException.class,
                ex -> assertThat(ex.status()).isEqualTo(Status.AMOUNT_OUT_OF_SCALE));
        assertThatThrownBy(() -> DecimalUnits.parse("0.000000001", 8, DecimalUnits.PRICE))
            .isInstanceOfSatisfying(ApiException.class,
                ex -> assertThat(ex.status()).isEqualTo(Status.PRICE_OUT_OF_SCALE));
    }

    @Test
    void shouldRefuseValuesBeyondALong()
    {
        assertThatThrownBy(() -> DecimalUnits.parse("92233720368.54775808", 8, DecimalUnits.QUANTITY))
            .isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.status()).isEqualTo(Status.AMOUNT_TOO_HIGH));
        assertThat(DecimalUnits.parse("92233720368.54775807", 8, DecimalUnits.QUANTITY)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> DecimalUnits.parse("99999999999999999999999999", 8, DecimalUnits.PRICE))
            .isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.status()).isEqualTo(Status.INVALID_PRICE));
    }

    @Test
    void shouldWriteExactPlainDecimals()
    {
        assertThat(DecimalUnits.toPlainString(100_915L, 8)).isEqualTo("0.00100915");
        assertThat(DecimalUnits.toPlainString(1L, 8)).isEqualTo("0.00000001");
        assertThat(DecimalUnits.toPlainString(10_000_000_000L, 8)).isEqualTo("100");
        assertThat(DecimalUnits.toPlainString(0L, 8)).isEqualTo("0");
        assertThat(DecimalUnits.toPlainString(150_000_000L, 8)).isEqualTo("1.5");
    }
}
