package dev.bourse.server.gateway;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the number parsing of every decimal parameter against a reference model of the documented rules
 * (docs/API.md, Decimals): the parser answers exactly what the model answers, a value or the rule's status, and
 * nothing else escapes it; a value written back as the API writes it parses to itself.
 */
class DecimalUnitsFuzzTest
{
    private static final DecimalUnits.Rule[] RULES = {DecimalUnits.QUANTITY, DecimalUnits.PRICE,
        DecimalUnits.POSITIVE_AMOUNT, DecimalUnits.AMOUNT_OR_ZERO};
    private static final Pattern PLAIN = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)");
    private static final Pattern WITH_EXPONENT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(?:[eE]([+-]?)([0-9]+))?");
    private static final BigInteger MAX_EXPONENT = BigInteger.valueOf(1_000);
    private static final BigDecimal MAX_UNITS = BigDecimal.valueOf(Long.MAX_VALUE);

    @FuzzTest(maxDuration = "20s")
    void parsesExactlyAsTheDocumentedRulesSay(final FuzzedDataProvider data)
    {
        final int scale = data.consumeInt(0, 18);
        final DecimalUnits.Rule rule = data.pickValue(RULES);
        final String text = data.consumeRemainingAsString();
        final Object expected = reference(text, scale, rule);
        Object actual;
        try
        {
            actual = DecimalUnits.parse(text, scale, rule);
        }
        catch (final ApiException ex)
        {
            actual = ex.status();
        }
        assertThat(actual).as("%s at scale %d by %s", text, scale, rule).isEqualTo(expected);
        if (actual instanceof Long units)
        {
            assertThat(DecimalUnits.parse(DecimalUnits.toPlainString(units, scale), scale, rule)).isEqualTo(units);
        }
    }

    /** @return the units the text denotes, or the status it is refused with, as docs/API.md says. */
    private static Object reference(final String text, final int scale, final DecimalUnits.Rule rule)
    {
        final Matcher matcher = (rule.exponent() ? WITH_EXPONENT : PLAIN).matcher(text);
        if (text.length() > DecimalUnits.MAX_TEXT_LENGTH || !matcher.matches())
        {
            return rule.invalid();
        }
        BigDecimal value = new BigDecimal(matcher.group(1));
        if (rule.exponent() && matcher.group(3) != null)
        {
            final int magnitude = new BigInteger(matcher.group(3)).min(MAX_EXPONENT).intValueExact();
            value = value.scaleByPowerOfTen("-".equals(matcher.group(2)) ? -magnitude : magnitude);
        }
        value = value.stripTrailingZeros();
        if (value.signum() == 0)
        {
            return rule.allowZero() ? (Object)0L : rule.invalid();
        }
        if (value.scale() > scale)
        {
            return rule.outOfScale();
        }
        final BigDecimal units = value.movePointRight(scale);
        return units.compareTo(MAX_UNITS) > 0 ? (Object)rule.tooLarge() : (Object)units.longValueExact();
    }
}
