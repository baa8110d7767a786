package dev.bourse.server.gateway;

import dev.bourse.engine.Status;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a request: the query string and an {@code application/x-www-form-urlencoded} body together.
 * Decoding is strict: a malformed percent-escape, bytes that are not UTF-8, a control character, or a name given
 * twice (also once in the query and once in the body) make the request malformed (4000).
 */
public final class RequestParameters
{
    /** The most parameters a request may carry. */
    public static final int MAX_PARAMETERS = 64;

    /** No parameters. */
    public static final RequestParameters EMPTY = new RequestParameters(Map.of());

    private final Map<String, String> values;

    private RequestParameters(final Map<String, String> values)
    {
        this.values = values;
    }

    /**
     * @param encoded raw {@code name=value&...} texts (a query string, a form body), null or empty for none.
     * @return the parameters of all of them.
     * @throws ApiException 4000 when any is malformed or a name repeats.
     */
    public static RequestParameters decode(final String... encoded)
    {
        final Map<String, String> values = new LinkedHashMap<>();
        for (final String text : encoded)
        {
            decodeInto(text, values);
        }
        return values.isEmpty() ? EMPTY : new RequestParameters(Collections.unmodifiableMap(values));
    }

    private static void decodeInto(final String text, final Map<String, String> values)
    {
        if (text == null || text.isEmpty())
        {
            return;
        }
        int start = 0;
        while (start <= text.length())
        {
            int end = text.indexOf('&', start);
            if (end < 0)
            {
                end = text.length();
            }
            if (end > start)
            {
                final String pair = text.substring(start, end);
                final int equals = pair.indexOf('=');
                final String name = percentDecode(equals < 0 ? pair : pair.substring(0, equals));
                final String value = equals < 0 ? "" : percentDecode(pair.substring(equals + 1));
                if (name.isEmpty() || values.containsKey(name) || values.size() >= MAX_PARAMETERS)
                {
                    throw new ApiException(Status.BAD_REQUEST);
                }
                values.put(name, value);
            }
            start = end + 1;
        }
    }

    /**
     * @param text percent-encoded text; {@code +} stands for a space.
     * @return the decoded text.
     * @throws ApiException 4000 when an escape is malformed, the bytes are not UTF-8 or a control character appears.
     */
    public static String percentDecode(final String text)
    {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0)
        {
            for (int i = 0; i < text.length(); i++)
            {
                if (text.charAt(i) < 0x20 || text.charAt(i) > 0x7e)
                {
                    throw new ApiException(Status.BAD_REQUEST);
                }
            }
            return text;
        }
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '%')
            {
                if (i + 2 >= text.length())
                {
                    throw new ApiException(Status.BAD_REQUEST);
                }
                final int high = Character.digit(text.charAt(i + 1), 16);
                final int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0)
                {
                    throw new ApiException(Status.BAD_REQUEST);
                }
                bytes.write((high << 4) | low);
                i += 2;
            }
            else if (c == '+')
            {
                bytes.write(' ');
            }
            else if (c < 0x20 || c > 0x7e)
            {
                throw new ApiException(Status.BAD_REQUEST);
            }
            else
            {
                bytes.write(c);
            }
        }
        final String decoded;
        try
        {
            decoded = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes.toByteArray()))
                .toString();
        }
        catch (final CharacterCodingException ex)
        {
            throw new ApiException(Status.BAD_REQUEST);
        }
        for (int i = 0; i < decoded.length(); i++)
        {
            if (Character.isISOControl(decoded.charAt(i)))
            {
                throw new ApiException(Status.BAD_REQUEST);
            }
        }
        return decoded;
    }

    /** @return the value, or null when the parameter is absent or empty. */
    public String optional(final String name)
    {
        final String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * @return the value.
     * @throws ApiException 4012 when the parameter is absent or empty.
     */
    public String required(final String name)
    {
        final String value = optional(name);
        if (value == null)
        {
            throw new ApiException(Status.MANDATORY_PARAMETER_MISSING);
        }
        return value;
    }

    /**
     * @param name         the parameter.
     * @param defaultValue the value when it is absent.
     * @param min          the smallest valid value.
     * @param max          the largest valid value.
     * @param invalid      the status of a value that is not an integer in [min, max].
     * @return the value.
     */
    public long integer(final String name, final long defaultValue, final long min, final long max, final Status invalid)
    {
        final String text = optional(name);
        if (text == null)
        {
            return defaultValue;
        }
        final long value = parseLong(text, invalid);
        if (value < min || value > max)
        {
            throw new ApiException(invalid);
        }
        return value;
    }

    /**
     * @return the decimal digits as a non-negative long.
     * @throws ApiException with {@code invalid} for anything else (signs, spaces, more than 18 digits).
     */
    public static long parseLong(final String text, final Status invalid)
    {
        if (text.isEmpty() || text.length() > 18)
        {
            throw new ApiException(invalid);
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                throw new ApiException(invalid);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** @return the number of parameters. */
    public int size()
    {
        return values.size();
    }
}
