package dev.bourse.client;

import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Grants {@link RateLimits} permits in FIFO order to requests that wait for them. A waiter is served when a window
 * has room (a drain is scheduled for that time) or when a request in flight completes; one that waits longer than
 * its bound fails with {@link RateLimitTimeoutException} and is not sent. The queue holds at most
 * {@code capacity} waiters; beyond that a request fails at once.
 */
final class PermitQueue
{
    private record Waiter(
        boolean tradeHistory,
        long enqueuedAtMs,
        long deadlineMs,
        String method,
        String path,
        CompletableFuture<RateLimits.Permit> permit)
    {
    }

    private final RateLimits limits;
    private final InstantSource clock;
    private final ScheduledExecutorService scheduler;
    private final int capacity;
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private long drainScheduledAtMs = Long.MAX_VALUE;

    PermitQueue(
        final RateLimits limits,
        final InstantSource clock,
        final ScheduledExecutorService scheduler,
        final int capacity)
    {
        this.limits = limits;
        this.clock = clock;
        this.scheduler = scheduler;
        this.capacity = capacity;
    }

    /**
     * @param tradeHistory whether the request is account tradeHistory.
     * @param maxWaitMs    how long it may wait for a permit.
     * @param method       the HTTP method, for the exception.
     * @param path         the path, for the exception.
     * @return the permit, when granted.
     */
    CompletableFuture<RateLimits.Permit> acquire(
        final boolean tradeHistory, final long maxWaitMs, final String method, final String path)
    {
        final long nowMs = clock.millis();
        final CompletableFuture<RateLimits.Permit> permit = new CompletableFuture<>();
        synchronized (this)
        {
            if (waiters.size() >= capacity)
            {
                return CompletableFuture.failedFuture(new RateLimitTimeoutException(0, method, path));
            }
            final long deadlineMs = maxWaitMs > Long.MAX_VALUE - nowMs ? Long.MAX_VALUE : nowMs + maxWaitMs;
            waiters.addLast(new Waiter(tradeHistory, nowMs, deadlineMs, method, path, permit));
        }
        drain();
        return permit;
    }

    /** Releases a permit at the current time and serves the waiters it lets through. */
    void release(final RateLimits.Permit permit)
    {
        permit.release(clock.millis());
        drain();
    }

    /** Fails every waiting request: the client is closing. */
    void close()
    {
        final List<Waiter> failed;
        synchronized (this)
        {
            failed = List.copyOf(waiters);
            waiters.clear();
        }
        for (final Waiter waiter : failed)
        {
            waiter.permit().completeExceptionally(
                new BourseTransportException("the client is closed", waiter.method(), waiter.path(), null));
        }
    }

    /** @return the number of requests waiting. */
    synchronized int waiting()
    {
        return waiters.size();
    }

    private void drain()
    {
        final List<Runnable> completions = new ArrayList<>();
        synchronized (this)
        {
            final long nowMs = clock.millis();
            grantInOrder(nowMs, completions);
            failExpired(nowMs, completions);
            if (!waiters.isEmpty())
            {
                final long nextAllowedMs = limits.nextAllowedMs(nowMs, waiters.peekFirst().tradeHistory());
                schedule(Math.min(nextAllowedMs, earliestDeadlineMs()), nowMs);
            }
        }
        completions.forEach(Runnable::run);
    }

    private void grantInOrder(final long nowMs, final List<Runnable> completions)
    {
        while (!waiters.isEmpty())
        {
            final Waiter head = waiters.peekFirst();
            final RateLimits.Permit permit = limits.tryAcquire(nowMs, head.tradeHistory());
            if (permit == null)
            {
                return;
            }
            waiters.pollFirst();
            completions.add(() -> grant(head, permit));
        }
    }

    private void grant(final Waiter waiter, final RateLimits.Permit permit)
    {
        if (!waiter.permit().complete(permit))
        {
            release(permit);
        }
    }

    private void failExpired(final long nowMs, final List<Runnable> completions)
    {
        final Iterator<Waiter> iterator = waiters.iterator();
        while (iterator.hasNext())
        {
            final Waiter waiter = iterator.next();
            if (waiter.deadlineMs() <= nowMs)
            {
                iterator.remove();
                final RateLimitTimeoutException timeout =
                    new RateLimitTimeoutException(nowMs - waiter.enqueuedAtMs(), waiter.method(), waiter.path());
                completions.add(() -> waiter.permit().completeExceptionally(timeout));
            }
        }
    }

    private long earliestDeadlineMs()
    {
        long earliest = Long.MAX_VALUE;
        for (final Waiter waiter : waiters)
        {
            earliest = Math.min(earliest, waiter.deadlineMs());
        }
        return earliest;
    }

    private void schedule(final long wakeAtMs, final long nowMs)
    {
        if (wakeAtMs == Long.MAX_VALUE || (drainScheduledAtMs > nowMs && drainScheduledAtMs <= wakeAtMs))
        {
            return;
        }
        drainScheduledAtMs = wakeAtMs;
        try
        {
            scheduler.schedule(this::scheduledDrain, Math.max(0, wakeAtMs - nowMs), TimeUnit.MILLISECONDS);
        }
        catch (final RejectedExecutionException ex)
        {
            drainScheduledAtMs = Long.MAX_VALUE;
        }
    }

    private void scheduledDrain()
    {
        synchronized (this)
        {
            drainScheduledAtMs = Long.MAX_VALUE;
        }
        drain();
    }
}
