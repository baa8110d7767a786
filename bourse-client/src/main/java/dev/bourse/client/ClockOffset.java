package dev.bourse.client;

import java.time.InstantSource;

/**
 * The difference between the server's clock and this client's, measured from {@code GET /v1/public/time} with the
 * round-trip midpoint: {@code offset = serverTime - (sentAt + receivedAt) / 2}. Signed requests carry
 * {@code localTime + offset}.
 */
final class ClockOffset
{
    private final InstantSource clock;
    private volatile long offsetMs;
    private volatile boolean measured;

    ClockOffset(final InstantSource clock)
    {
        this.clock = clock;
    }

    /** @return local time in ms. */
    long localTimeMs()
    {
        return clock.millis();
    }

    /** @return the estimated server time in ms. */
    long serverTimeMs()
    {
        return clock.millis() + offsetMs;
    }

    long offsetMs()
    {
        return offsetMs;
    }

    boolean measured()
    {
        return measured;
    }

    /** Records a measured offset. */
    void update(final long offsetMs)
    {
        this.offsetMs = offsetMs;
        measured = true;
    }

    /** @return the offset of the server's clock from the round trip's midpoint. */
    static long offsetOf(final long sentAtMs, final long serverTimeMs, final long receivedAtMs)
    {
        if (receivedAtMs < sentAtMs)
        {
            throw new IllegalArgumentException("received before sent: " + sentAtMs + " > " + receivedAtMs);
        }
        return serverTimeMs - (sentAtMs + (receivedAtMs - sentAtMs) / 2);
    }
}
