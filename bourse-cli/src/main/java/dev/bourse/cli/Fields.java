package dev.bourse.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;

/**
 * A {@link View} of a JSON object as one {@code name  value} line per field, in the answer's order, names padded to
 * the longest. Fields whose name ends in {@code At} or {@code Time}, and {@code date} (milliseconds since the
 * epoch) are shown as ISO-8601 UTC instants. Nested arrays and objects are written as compact JSON.
 */
public final class Fields implements View
{
    /** The instance. */
    public static final Fields INSTANCE = new Fields();

    private Fields()
    {
    }

    @Override
    public void render(final JsonNode data, final PrintWriter out)
    {
        if (!data.isObject())
        {
            out.println(Table.text(data));
            return;
        }
        int width = 0;
        for (final Iterator<String> names = data.fieldNames(); names.hasNext(); )
        {
            width = Math.max(width, names.next().length());
        }
        for (final Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext(); )
        {
            final Map.Entry<String, JsonNode> field = fields.next();
            final String name = field.getKey();
            final String value = isTime(name) ? Table.time(field.getValue()) : Table.text(field.getValue());
            out.println(name + " ".repeat(width - name.length()) + "  " + value);
        }
    }

    private static boolean isTime(final String name)
    {
        return name.endsWith("At") || name.endsWith("Time") || "date".equals(name);
    }
}
