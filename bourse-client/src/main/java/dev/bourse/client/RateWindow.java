package dev.bourse.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A client-side sliding-window limit of {@code perSecond} requests in any 1000 ms and {@code perMinute} in any
 * 60000 ms. Each granted permit occupies a slot until its request has completed, and then for a window after its
 * completion: the server counts a request when it arrives, which is before the answer is received, so a request
 * sent one window after the previous answer always arrives at least one window after the previous request did.
 * {@code marginMs} widens each window to absorb clock granularity. Not thread-safe; {@link RateLimits} locks it.
 */
final class RateWindow
{
    static final long SECOND_MS = 1_000L;
    static final long MINUTE_MS = 60_000L;
    static final long IN_FLIGHT = Long.MAX_VALUE;

    /** One granted request: in flight until released, then counted until it leaves the windows. */
    static final class Slot
    {
        private long releasedAtMs = IN_FLIGHT;

        long releasedAtMs()
        {
            return releasedAtMs;
        }
    }

    private final int perSecond;
    private final int perMinute;
    private final long marginMs;
    private final List<Slot> slots = new ArrayList<>();

    RateWindow(final int perSecond, final int perMinute, final long marginMs)
    {
        if (perSecond <= 0 || perMinute <= 0 || marginMs < 0)
        {
            throw new IllegalArgumentException("rate limits must be positive: " + perSecond + "/s " + perMinute +
                "/min, margin " + marginMs + " ms");
        }
        this.perSecond = Math.min(perSecond, perMinute);
        this.perMinute = perMinute;
        this.marginMs = marginMs;
    }

    /** @return whether a request may start now. */
    boolean allows(final long nowMs)
    {
        forget(nowMs);
        return counted(nowMs, SECOND_MS) < perSecond && counted(nowMs, MINUTE_MS) < perMinute;
    }

    /** @return a new slot, in flight; call only after {@link #allows} answered true. */
    Slot take()
    {
        final Slot slot = new Slot();
        slots.add(slot);
        return slot;
    }

    /** Marks a slot's request as completed at this time. */
    static void release(final Slot slot, final long nowMs)
    {
        if (slot.releasedAtMs == IN_FLIGHT)
        {
            slot.releasedAtMs = nowMs;
        }
    }

    /**
     * @return the earliest time a request may start, judged from completed requests only; {@link #IN_FLIGHT} when
     * that depends on a request still in flight.
     */
    long nextAllowedMs(final long nowMs)
    {
        forget(nowMs);
        return Math.max(nextAllowedMs(nowMs, SECOND_MS, perSecond), nextAllowedMs(nowMs, MINUTE_MS, perMinute));
    }

    /** @return the number of slots held (in flight or within the minute window). */
    int size()
    {
        return slots.size();
    }

    private long nextAllowedMs(final long nowMs, final long windowMs, final int limit)
    {
        final int counted = counted(nowMs, windowMs);
        if (counted < limit)
        {
            return nowMs;
        }
        final long[] released = slots.stream()
            .mapToLong(Slot::releasedAtMs)
            .filter(releasedAtMs -> releasedAtMs != IN_FLIGHT && countsAt(releasedAtMs, nowMs, windowMs))
            .toArray();
        final int mustLeave = counted - limit + 1;
        if (released.length < mustLeave)
        {
            return IN_FLIGHT;
        }
        Arrays.sort(released);
        return released[mustLeave - 1] + windowMs + marginMs;
    }

    private int counted(final long nowMs, final long windowMs)
    {
        int count = 0;
        for (final Slot slot : slots)
        {
            if (countsAt(slot.releasedAtMs, nowMs, windowMs))
            {
                count++;
            }
        }
        return count;
    }

    private boolean countsAt(final long releasedAtMs, final long nowMs, final long windowMs)
    {
        return releasedAtMs == IN_FLIGHT || releasedAtMs + windowMs + marginMs > nowMs;
    }

    private void forget(final long nowMs)
    {
        slots.removeIf(slot -> !countsAt(slot.releasedAtMs, nowMs, MINUTE_MS));
    }
}
