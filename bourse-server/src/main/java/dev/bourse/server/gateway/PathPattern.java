package dev.bourse.server.gateway;

import java.util.HashMap;
import java.util.Map;

/** A route's path: literal segments and {@code {name}} captures, each capture one non-empty segment. */
public final class PathPattern
{
    private final String pattern;
    private final String[] segments;
    private final String[] captureNames;

    /** @param pattern for example {@code /v1/trade/orders/{orderID}}. */
    public PathPattern(final String pattern)
    {
        if (!pattern.startsWith("/"))
        {
            throw new IllegalArgumentException("a path starts with /: " + pattern);
        }
        this.pattern = pattern;
        this.segments = pattern.substring(1).split("/", -1);
        this.captureNames = new String[segments.length];
        for (int i = 0; i < segments.length; i++)
        {
            if (segments[i].startsWith("{"))
            {
                captureNames[i] = segments[i].substring(1, segments[i].length() - 1);
            }
        }
    }

    /**
     * @param rawPath the request's raw path.
     * @return the percent-decoded captures by name, or null when the path does not match.
     * @throws ApiException 4000 when a captured segment is malformed.
     */
    public Map<String, String> match(final String rawPath)
    {
        if (rawPath == null || !rawPath.startsWith("/") || !matches(rawPath))
        {
            return null;
        }
        Map<String, String> captures = Map.of();
        int start = 1;
        for (int i = 0; i < segments.length; i++)
        {
            final int end = segmentEnd(rawPath, start);
            if (captureNames[i] != null)
            {
                if (captures.isEmpty())
                {
                    captures = new HashMap<>();
                }
                captures.put(captureNames[i], RequestParameters.percentDecode(rawPath.substring(start, end)));
            }
            start = end + 1;
        }
        return captures;
    }

    /** Compares segment by segment in place: routes that do not match allocate nothing. */
    private boolean matches(final String rawPath)
    {
        int start = 1;
        for (int i = 0; i < segments.length; i++)
        {
            final int end = segmentEnd(rawPath, start);
            final boolean last = i == segments.length - 1;
            if (last != (end == rawPath.length()))
            {
                return false;
            }
            final boolean segmentMatches = captureNames[i] != null ? end > start :
                end - start == segments[i].length() && rawPath.startsWith(segments[i], start);
            if (!segmentMatches)
            {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    private static int segmentEnd(final String rawPath, final int start)
    {
        final int slash = rawPath.indexOf('/', start);
        return slash < 0 ? rawPath.length() : slash;
    }

    @Override
    public String toString()
    {
        return pattern;
    }
}
