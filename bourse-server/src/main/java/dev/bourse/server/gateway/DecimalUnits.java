package dev.bourse.server.gateway;

import dev.bourse.engine.Status;

import java.math.BigDecimal;

/**
 * Converts between decimals as the API writes them and counts of base units as the engine keeps them. Parsing is
 * strict: digits with an optional fraction, nothing else (no sign, exponent, spaces, NaN or Infinity).
 */
public final class DecimalUnits
{
    /** The longest decimal text accepted. */
    public static final int MAX_TEXT_LENGTH = 48;

    private DecimalUnits()
    {
    }

    /**
     * The rules for one parameter: which status each kind of bad value gets.
     *
     * @param invalid    not a plain non-negative decimal, too long, or zero when zero is not allowed.
     * @param outOfScale more decimals than the scale allows.
     * @param tooLarge   more base units than a long holds.
     * @param allowZero  whether 0 is a valid value.
     */
    public record Rule(Status invalid, Status outOfScale, Status tooLarge, boolean allowZero)
    {
    }

    /** A quantity (4007, 3213, 3212). */
    public static final Rule QUANTITY =
        new Rule(Status.INVALID_QUANTITY, Status.AMOUNT_OUT_OF_SCALE, Status.AMOUNT_TOO_HIGH, false);
    /** A price or stop price (4008, 3204). */
    public static final Rule PRICE =
        new Rule(Status.INVALID_PRICE, Status.PRICE_OUT_OF_SCALE, Status.INVALID_PRICE, false);
    /** A positive amount of an admin request (4002). */
    public static final Rule POSITIVE_AMOUNT =
        new Rule(Status.INVALID_PARAMETER, Status.INVALID_PARAMETER, Status.INVALID_PARAMETER, false);
    /** An amount that may be zero (4002). */
    public static final Rule AMOUNT_OR_ZERO =
        new Rule(Status.INVALID_PARAMETER, Status.INVALID_PARAMETER, Status.INVALID_PARAMETER, true);

    /**
     * @param text  the decimal text.
     * @param scale decimals of one base unit.
     * @param rule  the statuses of bad values.
     * @return the value in base units.
     * @throws ApiException with the rule's status when the text is not acceptable.
     */
    public static long parse(final String text, final int scale, final Rule rule)
    {
        if (!isPlainDecimal(text))
        {
            throw new ApiException(rule.invalid());
        }
        final BigDecimal value = new BigDecimal(text).stripTrailingZeros();
        if (value.signum() == 0)
        {
            if (!rule.allowZero())
            {
                throw new ApiException(rule.invalid());
            }
            return 0;
        }
        if (value.scale() > scale)
        {
            throw new ApiException(rule.outOfScale());
        }
        final BigDecimal units = value.movePointRight(scale);
        if (units.precision() - units.scale() > 19)
        {
            throw new ApiException(rule.tooLarge());
        }
        try
        {
            return units.longValueExact();
        }
        catch (final ArithmeticException ex)
        {
            throw new ApiException(rule.tooLarge());
        }
    }

    /** @return true for {@code digits} or {@code digits.digits}, at most {@link #MAX_TEXT_LENGTH} characters. */
    static boolean isPlainDecimal(final String text)
    {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT_LENGTH)
        {
            return false;
        }
        int digitsBefore = 0;
        int digitsAfter = 0;
        boolean point = false;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c >= '0' && c <= '9')
            {
                if (point)
                {
                    digitsAfter++;
                }
                else
                {
                    digitsBefore++;
                }
            }
            else if (c == '.' && !point)
            {
                point = true;
            }
            else
            {
                return false;
            }
        }
        return digitsBefore > 0 && (!point || digitsAfter > 0);
    }

    /**
     * @param units a count of base units.
     * @param scale decimals of one base unit.
     * @return the exact decimal, without trailing zeros.
     */
    public static BigDecimal toDecimal(final long units, final int scale)
    {
        return BigDecimal.valueOf(units, scale).stripTrailingZeros();
    }

    /** @return the decimal in plain notation, as JSON numbers are written ("0.00100915", "100", "0"). */
    public static String toPlainString(final long units, final int scale)
    {
        return toDecimal(units, scale).toPlainString();
    }
}
