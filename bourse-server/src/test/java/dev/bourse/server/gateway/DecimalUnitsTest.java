package dev.bourse.server.gateway;

import dev.bourse.engine.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecimalUnitsTest
{
    private static void assertRefused(final String text, final DecimalUnits.Rule rule, final Status status)
    {
        assertThatThrownBy(() -> DecimalUnits.parse(text, 8, rule))
            .isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.status()).isEqualTo(status));
    }

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
    @ValueSource(strings = {"", "-1", "+1", "NaN", "Infinity", " 1", "1 ", "1.", ".5", "0x10", "1,5",
        "1.2.3", "٣", "0.0", "0", "00000000000000000000000000000000000000000000000000001", "1e", "e5", "E5", "1e+",
        "1e-", "-1e-8", "+1e5", "1e5e5", "1E5e5", "1e+-5", "1e--5", "1e5.5", "1.e5", ".5e1", "1e 5", "1 e5", "1e5 ",
        "1e٣", "0x1p3", "0x1.8p1", "1p3", "1d5", "1f", "1e0x10", "NaNe5", "Infinitye1", "0e5", "0.0E-400",
        "1e00000000000000000000000000000000000000000000005"})
    void shouldRefuseWhatIsNotAPositiveDecimal(final String text)
    {
        assertRefused(text, DecimalUnits.QUANTITY, Status.INVALID_QUANTITY);
    }

    @ParameterizedTest
    @CsvSource({"1e-05, 1000", "1E-05, 1000", "1.0E-4, 10000", "5E+2, 50000000000", "1E+2, 10000000000",
        "1e2, 10000000000", "1.5e1, 1500000000", "0.000123e3, 12300000", "12345.678e-3, 1234567800", "1e-8, 1",
        "100000000e-16, 1", "1e+000000000000000000000000000000000000000000005, 10000000000000",
        "9.2233720368547758E+10, 9223372036854775800"})
    void shouldTakeAnExponentFormAsExactlyTheDecimalItDenotes(final String text, final long units)
    {
        assertThat(DecimalUnits.parse(text, 8, DecimalUnits.QUANTITY)).isEqualTo(units);
        assertThat(DecimalUnits.parse(text, 8, DecimalUnits.PRICE)).isEqualTo(units);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-9", "1E-400", "1e-1000", "1e-2147483648", "1e-99999999999999999999999999999999999999",
        "100000000000000000000000000000000000000000e-1000", "1.5e-8", "123456789e-17"})
    void shouldRefuseExponentFormsWithTooManyDecimalsWithTheOutOfScaleCode(final String text)
    {
        assertRefused(text, DecimalUnits.QUANTITY, Status.AMOUNT_OUT_OF_SCALE);
        assertRefused(text, DecimalUnits.PRICE, Status.PRICE_OUT_OF_SCALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "1E+19", "1e11", "9.2233720368547759E+10", "1e1000", "1e2147483648",
        "1e99999999999999999999999999999999999999999999", "0.00000000000000000000000000000000000000001e1000"})
    void shouldRefuseExponentFormsBeyondALongWithTheTooLargeCode(final String text)
    {
        assertRefused(text, DecimalUnits.QUANTITY, Status.AMOUNT_TOO_HIGH);
        assertRefused(text, DecimalUnits.PRICE, Status.INVALID_PRICE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "1E-8", "5E+2"})
    void shouldRefuseExponentsWhereTheRuleDoesNotAllowThem(final String text)
    {
        assertRefused(text, DecimalUnits.POSITIVE_AMOUNT, Status.INVALID_PARAMETER);
        assertRefused(text, DecimalUnits.AMOUNT_OR_ZERO, Status.INVALID_PARAMETER);
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
