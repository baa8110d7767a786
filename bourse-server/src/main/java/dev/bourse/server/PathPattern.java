package dev.bourse.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A route's path: literal segments and {@code {name}} captures, each capture one non-empty segment. */
public final class PathPattern
{
    private final String pattern;
    private final List<String> segments;

    /** @param pattern for example {@code /v1/trade/orders/{orderID}}. */
    public PathPattern(final String pattern)
    {
        if (!pattern.startsWith("/"))
        {
            throw new IllegalArgumentException("a path starts with /: " + pattern);
        }
        this.pattern = pattern;
        this.segments = List.of(pattern.substring(1).split("/", -1));
    }

    /**
     * @param rawPath the request's raw path.
     * @return the percent-decoded captures by name, or null when the path does not match.
     * @throws ApiException 4000 when a captured segment is malformed.
     */
    public Map<String, String> match(final String rawPath)
    {
        if (rawPath == null || !rawPath.startsWith("/"))
        {
            return null;
        }
        final String[] parts = rawPath.substring(1).split("/", -1);
        if (parts.length != segments.size())
        {
            return null;
        }
        Map<String, String> captures = Map.of();
        for (int i = 0; i < parts.length; i++)
        {
            final String segment = segments.get(i);
            if (segment.startsWith("{"))
            {
                if (parts[i].isEmpty())
                {
                    return null;
                }
                if (captures.isEmpty())
                {
                    captures = new HashMap<>();
                }
                captures.put(segment.substring(1, segment.length() - 1), parts[i]);
            }
            else if (!segment.equals(parts[i]))
            {
                return null;
            }
        }
        if (!captures.isEmpty())
        {
            captures.replaceAll((name, raw) -> RequestParameters.percentDecode(raw));
        }
        return captures;
    }

    @Override
    public String toString()
    {
        return pattern;
    }
}
