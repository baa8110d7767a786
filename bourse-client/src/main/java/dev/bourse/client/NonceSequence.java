package dev.bourse.client;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * X-API-NONCE values: 5-digit integers 10000..99999 taken in turn from a random start, so one client never repeats a
 * nonce within 90,000 consecutive requests (the server refuses a repeated (key, timestamp, nonce)), and two clients
 * of the same key are unlikely to collide.
 */
final class NonceSequence
{
    static final int MIN = 10_000;
    static final int COUNT = 90_000;

    private final AtomicInteger next;

    NonceSequence()
    {
        this(ThreadLocalRandom.current().nextInt(COUNT));
    }

    NonceSequence(final int start)
    {
        next = new AtomicInteger(Math.floorMod(start, COUNT));
    }

    /** @return the next nonce, 10000..99999. */
    int next()
    {
        return MIN + Math.floorMod(next.getAndIncrement(), COUNT);
    }
}
