package dev.bourse.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link View} of a JSON array as a table: one row per element, one column per named field, columns padded to
 * their widest cell and separated by two spaces. Money is written in plain notation, times (milliseconds since the
 * epoch) as ISO-8601 UTC instants; trailing blanks are trimmed. An empty array prints {@code (none)}.
 */
public final class Table implements View
{
    /** A column of a table: its header and how to get its text from a row. */
    public record Column(String header, Function<JsonNode, String> text)
    {
    }

    private static final String SEPARATOR = "  ";
    private static final int MAX_ROWS = 1_000_000;

    private final List<Column> columns;

    private Table(final List<Column> columns)
    {
        this.columns = List.copyOf(columns);
    }

    /**
     * @param columns the columns, in order.
     * @return a table of these columns.
     */
    public static Table of(final Column... columns)
    {
        return new Table(List.of(columns));
    }

    /**
     * @param header the column's header.
     * @param field  the field of each row it shows.
     * @return a column of the field's value as text.
     */
    public static Column column(final String header, final String field)
    {
        return new Column(header, row -> text(row.get(field)));
    }

    /**
     * @param header the column's header.
     * @param field  the field of each row, milliseconds since the epoch.
     * @return a column of the field's value as an ISO-8601 UTC instant.
     */
    public static Column time(final String header, final String field)
    {
        return new Column(header, row -> time(row.get(field)));
    }

    /**
     * @param value a JSON value, or null.
     * @return its text: numbers in plain notation, null and missing values empty.
     */
    public static String text(final JsonNode value)
    {
        if (value == null || value.isNull() || value.isMissingNode())
        {
            return "";
        }
        if (value.isBigDecimal())
        {
            return value.decimalValue().toPlainString();
        }
        if (value.isContainerNode())
        {
            return value.toString();
        }
        return value.asText();
    }

    /**
     * @param value a JSON number of milliseconds since the epoch, or null.
     * @return the instant in ISO-8601 UTC, empty for a missing value or 0, the value itself when not a number.
     */
    public static String time(final JsonNode value)
    {
        if (value == null || !value.canConvertToLong())
        {
            return text(value);
        }
        final long epochMs = value.asLong();
        return epochMs == 0 ? "" : Instant.ofEpochMilli(epochMs).toString();
    }

    @Override
    public void render(final JsonNode data, final PrintWriter out)
    {
        final List<String[]> rows = new ArrayList<>();
        final String[] headers = new String[columns.size()];
        for (int i = 0; i < headers.length; i++)
        {
            headers[i] = columns.get(i).header();
        }
        rows.add(headers);
        if (data.isArray() && data.isEmpty())
        {
            out.println("(none)");
            return;
        }
        final Iterable<JsonNode> elements = data.isArray() ? data : List.of(data);
        int count = 0;
        for (final JsonNode element : elements)
        {
            if (++count > MAX_ROWS)
            {
                throw new IllegalStateException("more than " + MAX_ROWS + " rows");
            }
            final String[] cells = new String[columns.size()];
            for (int i = 0; i < cells.length; i++)
            {
                cells[i] = columns.get(i).text().apply(element);
            }
            rows.add(cells);
        }
        print(rows, out);
    }

    private static void print(final List<String[]> rows, final PrintWriter out)
    {
        final int[] widths = new int[rows.get(0).length];
        for (final String[] row : rows)
        {
            for (int i = 0; i < row.length; i++)
            {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        final StringBuilder line = new StringBuilder();
        for (final String[] row : rows)
        {
            line.setLength(0);
            for (int i = 0; i < row.length; i++)
            {
                line.append(row[i]);
                if (i < row.length - 1)
                {
                    line.append(" ".repeat(widths[i] - row[i].length())).append(SEPARATOR);
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
