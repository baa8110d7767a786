package dev.bourse.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * One measured figure, printed as one line {@code name value unit}.
 *
 * @param name  dot-separated lowercase words, e.g. {@code engine.w2.throughput}.
 * @param value the value, printed as {@link #format(double)} says.
 * @param unit  the unit, one word without spaces, e.g. {@code Mcmd/s}.
 */
public record Figure(String name, double value, String unit)
{
    /** What a figure's name looks like. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)+");
    /** What a printed figure line looks like. */
    public static final Pattern LINE = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)+ -?[0-9]+(\\.[0-9]+)? \\S+");

    public Figure
    {
        if (!NAME.matcher(name).matches())
        {
            throw new IllegalArgumentException("not a figure name: " + name);
        }
        if (unit.isEmpty() || unit.chars().anyMatch(Character::isWhitespace))
        {
            throw new IllegalArgumentException("not a unit: '" + unit + "'");
        }
        if (!Double.isFinite(value))
        {
            throw new IllegalArgumentException(name + " is not finite: " + value);
        }
    }

    /** @return {@code name value unit}. */
    public String line()
    {
        return name + " " + format(value) + " " + unit;
    }

    /** Whole numbers exactly, other values of 100 or more to the unit, smaller ones to 3 significant digits. */
    static String format(final double value)
    {
        if (value == Math.rint(value) && Math.abs(value) < 1e15)
        {
            return Long.toString((long)value);
        }
        if (Math.abs(value) >= 100)
        {
            return Long.toString(Math.round(value));
        }
        return new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_EVEN)).stripTrailingZeros()
            .toPlainString();
    }
}
