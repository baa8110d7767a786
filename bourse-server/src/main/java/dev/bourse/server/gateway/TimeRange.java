package dev.bourse.server.gateway;

import dev.bourse.engine.Status;

/**
 * The {@code startTime}/{@code endTime} range of a history request, inclusive, ms since the epoch.
 *
 * @param fromMs the earliest time.
 * @param toMs   the latest time.
 */
public record TimeRange(long fromMs, long toMs)
{
    private static final long DAY_MS = 24L * 3600 * 1000;

    /**
     * @param params        the request's parameters.
     * @param defaultFromMs start when startTime is absent.
     * @param defaultToMs   end when endTime is absent.
     * @param maxWindowMs   the widest range allowed (4002 beyond).
     * @return the range.
     * @throws ApiException 4013 for a time that is not a number or an end before the start.
     */
    public static TimeRange of(
        final RequestParameters params, final long defaultFromMs, final long defaultToMs, final long maxWindowMs)
    {
        final long fromMs = time(params, "startTime", defaultFromMs);
        final long toMs = time(params, "endTime", defaultToMs);
        return checked(fromMs, toMs, maxWindowMs);
    }

    /**
     * A range of one day by default: endTime defaults to startTime + 24 h, startTime to endTime - 24 h, and with
     * neither the range is the last 24 h.
     */
    public static TimeRange ofDay(final RequestParameters params, final long nowMs, final long maxWindowMs)
    {
        final String start = params.optional("startTime");
        final String end = params.optional("endTime");
        final long toMs = end != null ? time(params, "endTime", nowMs) :
            start != null ? time(params, "startTime", nowMs) + DAY_MS : nowMs;
        final long fromMs = start != null ? time(params, "startTime", nowMs) : toMs - DAY_MS;
        return checked(fromMs, toMs, maxWindowMs);
    }

    private static TimeRange checked(final long fromMs, final long toMs, final long maxWindowMs)
    {
        if (toMs < fromMs)
        {
            throw new ApiException(Status.INVALID_TIMESTAMP);
        }
        if (toMs - fromMs > maxWindowMs)
        {
            throw new ApiException(Status.INVALID_PARAMETER);
        }
        return new TimeRange(fromMs, toMs);
    }

    private static long time(final RequestParameters params, final String name, final long defaultMs)
    {
        final String text = params.optional(name);
        return text == null ? defaultMs : RequestParameters.parseLong(text, Status.INVALID_TIMESTAMP);
    }
}
