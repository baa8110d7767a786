package dev.bourse.simulator;

import dev.bourse.client.OrderSide;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The recorded trade file: CSV in UTF-8, one trade a line, in time order (docs/SIMULATOR.md).
 *
 * <pre>
 * # comments and blank lines are ignored
 * time,price,amount,side
 * 2025-01-06T09:30:00.000Z,65000.12,0.0150,BUY
 * 1736156400250,64999.80,0.2,SELL
 * </pre>
 *
 * The first line that is not a comment is the header {@code time,price,amount,side}. {@code time} is an ISO-8601
 * instant or milliseconds since the epoch, never earlier than the line before; {@code price} and {@code amount} are
 * positive plain decimals (digits, an optional fraction, at most 32 characters); {@code side} is the taker's, BUY
 * or SELL (any case). At most {@link #MAX_TRADES} trades and {@link #MAX_LINE_LENGTH} characters a line. Anything
 * else is refused with a {@link TradeFileException} naming the line.
 */
public final class TradeFile
{
    /** The header line. */
    public static final String HEADER = "time,price,amount,side";
    /** The most trades a file may hold (the replay keeps them in memory). */
    public static final int MAX_TRADES = 1_000_000;
    /** The longest line. */
    public static final int MAX_LINE_LENGTH = 256;

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,32}(\\.[0-9]{1,32})?");
    private static final Pattern MILLIS = Pattern.compile("[0-9]{1,18}");
    private static final int MAX_DECIMAL_LENGTH = 32;

    private TradeFile()
    {
    }

    /**
     * @param file a trade file.
     * @return its trades, in order, at least one.
     * @throws TradeFileException   when the file is not a valid trade file (the message names the line).
     * @throws UncheckedIOException when it cannot be read.
     */
    public static List<RecordedTrade> read(final Path file)
    {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            return read(reader, file.toString());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the trade file " + file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * @param reader the file's text.
     * @param name   what to call it in messages.
     * @return its trades, in order, at least one.
     * @throws TradeFileException when the text is not a valid trade file.
     * @throws IOException        when reading fails.
     */
    public static List<RecordedTrade> read(final Reader reader, final String name) throws IOException
    {
        final BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        final List<RecordedTrade> trades = new ArrayList<>();
        boolean headerSeen = false;
        long lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine())
        {
            lineNumber++;
            final String where = name + " line " + lineNumber + ": ";
            if (line.length() > MAX_LINE_LENGTH)
            {
                throw new TradeFileException(where + "longer than " + MAX_LINE_LENGTH + " characters");
            }
            final String text = lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1).strip() : line.strip();
            if (text.isEmpty() || text.startsWith("#"))
            {
                continue;
            }
            if (!headerSeen)
            {
                if (!text.equalsIgnoreCase(HEADER))
                {
                    throw new TradeFileException(where + "the header must be '" + HEADER + "', not '" + text + "'");
                }
                headerSeen = true;
                continue;
            }
            if (trades.size() == MAX_TRADES)
            {
                throw new TradeFileException(where + "more than " + MAX_TRADES + " trades");
            }
            final RecordedTrade trade = parse(text, where);
            if (!trades.isEmpty() && trade.timeMs() < trades.getLast().timeMs())
            {
                throw new TradeFileException(where + "time " + Instant.ofEpochMilli(trade.timeMs()) +
                    " is earlier than the line before (" + Instant.ofEpochMilli(trades.getLast().timeMs()) +
                    "): trades must be in time order");
            }
            trades.add(trade);
        }
        if (trades.isEmpty())
        {
            throw new TradeFileException(name + ": no trades" + (headerSeen ? "" : " (and no header '" + HEADER +
                "')"));
        }
        return List.copyOf(trades);
    }

    private static RecordedTrade parse(final String text, final String where)
    {
        final String[] fields = text.split(",", -1);
        if (fields.length != 4)
        {
            throw new TradeFileException(where + "expected 4 fields (" + HEADER + "), found " + fields.length);
        }
        return new RecordedTrade(time(fields[0].strip(), where), decimal(fields[1].strip(), "price", where),
            decimal(fields[2].strip(), "amount", where), side(fields[3].strip(), where));
    }

    private static long time(final String text, final String where)
    {
        if (MILLIS.matcher(text).matches())
        {
            return Long.parseLong(text);
        }
        try
        {
            final long ms = Instant.parse(text).toEpochMilli();
            if (ms < 0)
            {
                throw new TradeFileException(where + "time '" + text + "' is before 1970");
            }
            return ms;
        }
        catch (final DateTimeParseException | ArithmeticException ex)
        {
            throw new TradeFileException(where + "time '" + text + "' is neither milliseconds since the epoch " +
                "nor an ISO-8601 instant such as 2025-01-06T09:30:00Z");
        }
    }

    private static BigDecimal decimal(final String text, final String field, final String where)
    {
        if (text.length() > MAX_DECIMAL_LENGTH || !DECIMAL.matcher(text).matches())
        {
            throw new TradeFileException(where + field + " '" + text + "' is not a plain positive decimal " +
                "(digits with an optional fraction, at most " + MAX_DECIMAL_LENGTH + " characters)");
        }
        final BigDecimal value = new BigDecimal(text);
        if (value.signum() <= 0)
        {
            throw new TradeFileException(where + field + " must be positive, not " + text);
        }
        return value;
    }

    private static OrderSide side(final String text, final String where)
    {
        return switch (text.toUpperCase(Locale.ROOT))
        {
            case "BUY" -> OrderSide.BUY;
            case "SELL" -> OrderSide.SELL;
            default -> throw new TradeFileException(where + "side '" + text + "' is neither BUY nor SELL");
        };
    }

    /**
     * Writes trades in this format: the header, then one line a trade with ISO-8601 times.
     *
     * @param trades the trades, in time order.
     * @param out    where to write.
     * @throws IOException when writing fails.
     */
    public static void write(final List<RecordedTrade> trades, final Appendable out) throws IOException
    {
        out.append(HEADER).append('\n');
        for (final RecordedTrade trade : trades)
        {
            out.append(Instant.ofEpochMilli(trade.timeMs()).toString()).append(',')
                .append(trade.price().toPlainString()).append(',')
                .append(trade.amount().toPlainString()).append(',')
                .append(trade.side().name()).append('\n');
        }
    }
}
