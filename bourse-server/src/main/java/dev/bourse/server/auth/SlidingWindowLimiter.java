package dev.bourse.server.auth;

/**
 * A rate limit of at most {@code perSecond} requests in any 1000 ms and {@code perMinute} in any 60000 ms, kept as
 * the times of the last accepted requests. Not thread-safe.
 */
final class SlidingWindowLimiter
{
    private static final long SECOND_MS = 1_000L;
    private static final long MINUTE_MS = 60_000L;

    private final int perSecond;
    private final int perMinute;
    private final long[] acceptedAtMs;
    private int count;
    private int next;

    SlidingWindowLimiter(final int perSecond, final int perMinute)
    {
        if (perSecond <= 0 || perMinute <= 0)
        {
            throw new IllegalArgumentException("rate limits must be positive");
        }
        this.perSecond = Math.min(perSecond, perMinute);
        this.perMinute = perMinute;
        this.acceptedAtMs = new long[perMinute];
    }

    /** @return whether a request at this time is within both limits; records nothing. */
    boolean allows(final long nowMs)
    {
        return !(count >= perMinute && acceptedAt(perMinute) > nowMs - MINUTE_MS) &&
            !(count >= perSecond && acceptedAt(perSecond) > nowMs - SECOND_MS);
    }

    /** Records an accepted request. */
    void record(final long nowMs)
    {
        acceptedAtMs[next] = nowMs;
        next = (next + 1) % acceptedAtMs.length;
        count = Math.min(count + 1, acceptedAtMs.length);
    }

    /** @return the time of the n-th most recent accepted request (1 = the latest). */
    private long acceptedAt(final int n)
    {
        return acceptedAtMs[Math.floorMod(next - n, acceptedAtMs.length)];
    }
}
