package dev.bourse.server.gateway;

import dev.bourse.engine.Status;

import java.math.BigDecimal;

/**
 * Converts between decimals as the API writes them and counts of base units as the engine keeps them. Parsing is
 * strict: digits with an optional fraction, nothing else (no sign, spaces, NaN or Infinity); where the rule allows
 * it, an exponent as languages print doubles ({@code 1e-05}, {@code 1.0E-4}, {@code 5E+2}), taken as exactly the
 * decimal it denotes.
 */
public final class DecimalUnits
{
    /** The longest decimal text accepted. */
    public static final int MAX_TEXT_LENGTH = 48;

    /**
     * Exponents beyond this magnitude are taken as this magnitude. A mantissa has at most 47 digits, so a non-zero
     * value times 10^1000 is still too large for any scale and times 10^-1000 still has too many decimals: the outcome
     * is the same, and the work stays bounded.
     */
    private static final int MAX_EXPONENT = 1000;

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
     * @param exponent   whether an exponent may follow the decimal ({@code 1e-05}, {@code 1.0E-4}, {@code 5E+2}).
     */
    public record Rule(Status invalid, Status outOfScale, Status tooLarge, boolean allowZero, boolean exponent)
    {
    }

    /** A quantity (4007, 3213, 3212); exponents allowed, as the original types it Double. */
    public static final Rule QUANTITY =
        new Rule(Status.INVALID_QUANTITY, Status.AMOUNT_OUT_OF_SCALE, Status.AMOUNT_TOO_HIGH, false, true);
    /** A price or stop price (4008, 3204); exponents allowed, as the original types it Double. */
    public static final Rule PRICE =
        new Rule(Status.INVALID_PRICE, Status.PRICE_OUT_OF_SCALE, Status.INVALID_PRICE, false, true);
    /** A positive amount of an admin request (4002). */
    public static final Rule POSITIVE_AMOUNT =
        new Rule(Status.INVALID_PARAMETER, Status.INVALID_PARAMETER, Status.INVALID_PARAMETER, false, false);
    /** An amount that may be zero (4002). */
    public static final Rule AMOUNT_OR_ZERO =
        new Rule(Status.INVALID_PARAMETER, Status.INVALID_PARAMETER, Status.INVALID_PARAMETER, true, false);

    /**
     * @param text  the decimal text.
     * @param scale decimals of one base unit.
     * @param rule  the statuses of bad values.
     * @return the value in base units.
     * @throws ApiException with the rule's status when the text is not acceptable.
     */
    public static long parse(final String text, final int scale, final Rule rule)
    {
        final BigDecimal decimal = decimal(text, rule.exponent());
        if (decimal == null)
        {
            throw new ApiException(rule.invalid());
        }
        final BigDecimal value = decimal.stripTrailingZeros();
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

    /**
     * @param text     at most {@link #MAX_TEXT_LENGTH} characters: {@code digits} or {@code digits.digits}, and with
     *                 {@code exponent} optionally {@code e} or {@code E}, an optional sign and digits.
     * @param exponent whether an exponent may follow.
     * @return the decimal the text denotes (exponents clamped to {@link #MAX_EXPONENT}), or null when malformed.
     */
    private static BigDecimal decimal(final String text, final boolean exponent)
    {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT_LENGTH)
        {
            return null;
        }
        final int mark = exponent ? Math.max(text.indexOf('e'), text.indexOf('E')) : -1;
        final String mantissa = mark < 0 ? text : text.substring(0, mark);
        if (!isPlainDecimal(mantissa))
        {
            return null;
        }
        final BigDecimal value = new BigDecimal(mantissa);
        if (mark < 0)
        {
            return value;
        }
        int i = mark + 1;
        final boolean negative = i < text.length() && text.charAt(i) == '-';
        if (i < text.length() && (negative || text.charAt(i) == '+'))
        {
            i++;
        }
        if (i == text.length())
        {
            return null;
        }
        int magnitude = 0;
        for (; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return null;
            }
            magnitude = Math.min(MAX_EXPONENT, magnitude * 10 + (c - '0'));
        }
        return value.scaleByPowerOfTen(negative ? -magnitude : magnitude);
    }

    /** @return true for {@code digits} or {@code digits.digits}. */
    private static boolean isPlainDecimal(final String text)
    {
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
