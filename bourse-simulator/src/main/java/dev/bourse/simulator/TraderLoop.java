package dev.bourse.simulator;

import dev.bourse.client.BourseException;
import dev.bourse.client.BourseTransportException;
import dev.bourse.client.RateLimitTimeoutException;
import dev.bourse.client.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs one simulated trader on a thread of its own: its step, then a wait for as long as the step asked, until
 * stopped. A refusal by the exchange is logged (once per status code and trader) and the trader goes on; a server that
 * cannot be reached, or any other failure, is retried with a growing pause (up to {@link #MAX_BACKOFF_MS}); a revoked
 * key stops the trader; a wait is cut short by {@link #stop()}.
 */
final class TraderLoop implements Runnable
{
    /** One step of a trader. */
    @FunctionalInterface
    interface Step
    {
        /**
         * @param elapsedMs milliseconds since the simulation started.
         * @return milliseconds to wait before the next step, 0 or more.
         */
        long step(long elapsedMs);
    }

    static final long MAX_BACKOFF_MS = 5_000;
    private static final long FIRST_BACKOFF_MS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(TraderLoop.class);

    private final String name;
    private final Step step;
    private final LongSupplier elapsedMs;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Set<Integer> refusalsLogged = new HashSet<>();
    private final Thread thread;
    private long backoffMs = FIRST_BACKOFF_MS;
    private boolean unreachable;

    /**
     * @param name      the trader's name (and its thread's).
     * @param step      what it does.
     * @param elapsedMs the simulation's clock.
     */
    TraderLoop(final String name, final Step step, final LongSupplier elapsedMs)
    {
        this.name = name;
        this.step = step;
        this.elapsedMs = elapsedMs;
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    void start()
    {
        thread.start();
    }

    /** Asks the trader to stop; its current request finishes. */
    void stop()
    {
        stopped.countDown();
    }

    /** @return whether the thread ended within {@code timeoutMs}. */
    boolean join(final long timeoutMs) throws InterruptedException
    {
        thread.join(timeoutMs);
        return !thread.isAlive();
    }

    @Override
    public void run()
    {
        try
        {
            long waitMs = 0;
            while (!stopped.await(waitMs, TimeUnit.MILLISECONDS))
            {
                waitMs = stepOnce();
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private long stepOnce()
    {
        try
        {
            final long waitMs = step.step(elapsedMs.getAsLong());
            backoffMs = FIRST_BACKOFF_MS;
            if (unreachable)
            {
                unreachable = false;
                LOG.info("{}: the exchange answers again", name);
            }
            return waitMs;
        }
        catch (final BourseException ex)
        {
            if (ex.statusCode() == StatusCode.INVALID_API_KEY || ex.statusCode() == StatusCode.UNREGISTERED_API_KEY)
            {
                LOG.warn("{}: its API key was revoked ({} {}), perhaps by another simulator with the same label " +
                    "taking over its accounts; this trader stops", name, ex.code(), ex.statusMessage());
                stop();
                return 0;
            }
            if (refusalsLogged.add(ex.code()))
            {
                LOG.warn("{}: the exchange refused {} {} with {} {} (logged once per code; the trader goes on)",
                    name, ex.method(), ex.path(), ex.code(), ex.statusMessage());
            }
            return backoff();
        }
        catch (final RateLimitTimeoutException ex)
        {
            LOG.debug("{}: no rate-limit permit in time", name);
            return backoff();
        }
        catch (final BourseTransportException ex)
        {
            if (!unreachable && stopped.getCount() > 0)
            {
                LOG.warn("{}: {} (retrying with pauses up to {} ms; logged once until it answers)", name,
                    ex.getMessage(), MAX_BACKOFF_MS);
            }
            unreachable = true;
            return backoff();
        }
        catch (final RuntimeException ex)
        {
            // a long-running trader outlives a failure it does not expect: it logs it and tries again
            LOG.error("{}: unexpected failure (retrying in {} ms)", name, backoffMs, ex);
            return backoff();
        }
    }

    private long backoff()
    {
        final long waitMs = backoffMs;
        backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        return waitMs;
    }
}
