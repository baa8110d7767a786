package dev.bourse.bench.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A parsed workload file: its commands and what its header promises (setup balance, expected outcome).
 *
 * @param commands        the commands in file order.
 * @param initialBalance  what every uid starts with in both currencies, from "with N of base and quote".
 * @param expectedTrades  "expected trades=N", or -1 when the header states none.
 * @param expectedVolume  "volume=N", or -1.
 * @param expectedResting "final resting orders=N", or -1.
 */
public record Workload(
    List<WorkloadCommand> commands,
    long initialBalance,
    long expectedTrades,
    long expectedVolume,
    long expectedResting)
{
    private static final Pattern BALANCE = Pattern.compile("with (\\d+) of base and quote");
    private static final Pattern TRADES = Pattern.compile("expected trades=(\\d+)");
    private static final Pattern VOLUME = Pattern.compile("volume=(\\d+)");
    private static final Pattern RESTING = Pattern.compile("final resting orders=(\\d+)");

    /** @return the workload in the file, gzip-compressed when its name ends in .gz. */
    public static Workload read(final Path file) throws IOException
    {
        try (InputStream raw = Files.newInputStream(file);
            InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)))
        {
            final List<WorkloadCommand> commands = new ArrayList<>();
            final StringBuilder header = new StringBuilder();
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine())
            {
                lineNumber++;
                if (line.startsWith("#"))
                {
                    header.append(line).append('\n');
                }
                else if (!line.isBlank())
                {
                    commands.add(parse(line, file, lineNumber));
                }
            }
            return new Workload(List.copyOf(commands), find(BALANCE, header), find(TRADES, header),
                find(VOLUME, header), find(RESTING, header));
        }
    }

    private static WorkloadCommand parse(final String line, final Path file, final int lineNumber)
    {
        final String[] fields = line.trim().split("\\s+");
        if (fields[0].equals("P") && fields.length == 7)
        {
            return new WorkloadCommand.Place(Long.parseLong(fields[1]), Long.parseLong(fields[2]),
                side(fields[3], file, lineNumber), Long.parseLong(fields[4]), Long.parseLong(fields[5]),
                timeInForce(fields[6], file, lineNumber));
        }
        if (fields[0].equals("C") && fields.length == 3)
        {
            return new WorkloadCommand.Cancel(Long.parseLong(fields[1]), Long.parseLong(fields[2]));
        }
        throw new IllegalArgumentException(file + ":" + lineNumber + ": not a workload command: " + line);
    }

    private static boolean side(final String field, final Path file, final int lineNumber)
    {
        return switch (field)
        {
            case "B" -> true;
            case "S" -> false;
            default -> throw new IllegalArgumentException(file + ":" + lineNumber + ": side " + field);
        };
    }

    private static boolean timeInForce(final String field, final Path file, final int lineNumber)
    {
        return switch (field)
        {
            case "IOC" -> true;
            case "GTC" -> false;
            default -> throw new IllegalArgumentException(file + ":" + lineNumber + ": time in force " + field);
        };
    }

    private static long find(final Pattern pattern, final CharSequence header)
    {
        final Matcher matcher = pattern.matcher(header);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    /** @return the highest uid any command names. */
    public long maxUid()
    {
        long max = 0;
        for (final WorkloadCommand command : commands)
        {
            max = Math.max(max, switch (command)
            {
                case WorkloadCommand.Place place -> place.uid();
                case WorkloadCommand.Cancel cancel -> cancel.uid();
            });
        }
        return max;
    }
}
