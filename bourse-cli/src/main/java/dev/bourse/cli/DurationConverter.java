package dev.bourse.cli;

import picocli.CommandLine;

import java.time.Duration;

/** Reads a duration option: a whole number with a unit, {@code 500ms}, {@code 30s}, {@code 5m} or {@code 1h}. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration>
{
    @Override
    public Duration convert(final String value)
    {
        final String text = value.trim();
        final int digits = (int)text.chars().takeWhile(Character::isDigit).count();
        final String unit = text.substring(digits);
        if (digits == 0 || digits > 12)
        {
            throw invalid(value);
        }
        final long amount = Long.parseLong(text.substring(0, digits));
        return switch (unit)
        {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> throw invalid(value);
        };
    }

    private static CommandLine.TypeConversionException invalid(final String value)
    {
        return new CommandLine.TypeConversionException("not a duration (500ms, 30s, 5m or 1h): " + value);
    }
}
