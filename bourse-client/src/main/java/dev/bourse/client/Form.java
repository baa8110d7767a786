package dev.bourse.client;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request parameters in the order they are added, encoded as {@code application/x-www-form-urlencoded}. A null
 * value is left out (the server treats absent and empty alike). Money is written as a plain decimal.
 */
final class Form
{
    private final Map<String, String> values = new LinkedHashMap<>();

    Form put(final String name, final String value)
    {
        if (value != null)
        {
            values.put(name, value);
        }
        return this;
    }

    Form put(final String name, final BigDecimal value)
    {
        return put(name, value == null ? null : plain(value));
    }

    Form put(final String name, final Number value)
    {
        return put(name, value == null ? null : value.toString());
    }

    Form put(final String name, final Enum<?> value)
    {
        return put(name, value == null ? null : value.name());
    }

    Form putAll(final Form other)
    {
        values.putAll(other.values);
        return this;
    }

    boolean isEmpty()
    {
        return values.isEmpty();
    }

    /** @return the encoded parameters, empty when there are none. */
    String encoded()
    {
        final StringBuilder text = new StringBuilder();
        for (final Map.Entry<String, String> entry : values.entrySet())
        {
            if (!text.isEmpty())
            {
                text.append('&');
            }
            text.append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    /** @return the decimal in plain notation without trailing zeros: {@code 100}, {@code 0.001}. */
    static String plain(final BigDecimal value)
    {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** @return the path segment encoded for a URL. */
    static String segment(final String value)
    {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
