package dev.bourse.server.edge;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what is open per key (a client IP, an API key) and refuses more than {@code maxPerKey} at once. A key is
 * forgotten when its count drops to zero, so memory follows what is open now. Thread-safe.
 */
public final class KeyedLimiter
{
    private final int maxPerKey;
    private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();

    /** @param maxPerKey the most open at once per key, at least 1. */
    public KeyedLimiter(final int maxPerKey)
    {
        if (maxPerKey < 1)
        {
            throw new IllegalArgumentException("the limit per key must be at least 1: " + maxPerKey);
        }
        this.maxPerKey = maxPerKey;
    }

    /**
     * @param key the key.
     * @return true when one more is open for the key now (call {@link #release} when it closes); false, counted as
     * refused, when the key is at its limit.
     */
    public boolean tryAcquire(final String key)
    {
        final boolean[] acquired = new boolean[1];
        counts.compute(key, (k, count) ->
        {
            final int open = count == null ? 0 : count;
            acquired[0] = open < maxPerKey;
            return acquired[0] ? open + 1 : count;
        });
        if (!acquired[0])
        {
            refused.incrementAndGet();
        }
        return acquired[0];
    }

    /** @param key a key whose {@link #tryAcquire} succeeded. */
    public void release(final String key)
    {
        counts.computeIfPresent(key, (k, count) -> count > 1 ? count - 1 : null);
    }

    /** @return what is open for the key now. */
    public int open(final String key)
    {
        return counts.getOrDefault(key, 0);
    }

    /** @return the keys with something open now. */
    public int keys()
    {
        return counts.size();
    }

    /** @return the most open at once per key. */
    public int maxPerKey()
    {
        return maxPerKey;
    }

    /** @return how many {@link #tryAcquire} calls were refused since the start. */
    public long refused()
    {
        return refused.get();
    }
}
