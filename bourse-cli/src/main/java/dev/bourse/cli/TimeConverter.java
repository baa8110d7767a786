package dev.bourse.cli;

import picocli.CommandLine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads a time option as milliseconds since the epoch: a number of milliseconds ({@code 1700000000000}), an
 * ISO-8601 instant ({@code 2026-11-24T05:00:00Z}) or a date ({@code 2026-11-24}, midnight UTC).
 */
public final class TimeConverter implements CommandLine.ITypeConverter<Long>
{
    @Override
    public Long convert(final String value)
    {
        final String text = value.trim();
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit))
        {
            try
            {
                return Long.parseLong(text);
            }
            catch (final NumberFormatException ex)
            {
                throw new CommandLine.TypeConversionException("too large for a time in ms: " + value);
            }
        }
        try
        {
            return text.contains("T") ?
                Instant.parse(text).toEpochMilli() :
                LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        catch (final DateTimeParseException ex)
        {
            throw new CommandLine.TypeConversionException(
                "not a time (ms since the epoch, 2026-11-24T05:00:00Z or 2026-11-24): " + value);
        }
    }
}
