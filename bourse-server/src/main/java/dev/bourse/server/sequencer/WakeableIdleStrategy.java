package dev.bourse.server.sequencer;

import org.agrona.concurrent.IdleStrategy;

import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The engine thread's idle strategy on a machine with few cores: a spin of at most {@code SPIN_NS} after the last
 * work (under load the next command arrives within it, and nobody pays for a wake-up), then a park that a producer
 * ends at once with {@link #wake()}, so that an idle engine neither burns a core the HTTP event loops need nor sleeps
 * through a request. A park lasts at most {@code MAX_PARK_NS} even if a wake-up were missed.
 */
final class WakeableIdleStrategy implements IdleStrategy
{
    private static final long SPIN_NS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long MAX_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private final BooleanSupplier hasWork;
    private volatile Thread parkedThread;
    private long idleSinceNs = Long.MIN_VALUE;

    /** @param hasWork whether work arrived; checked after announcing the park, so a wake-up cannot be lost. */
    WakeableIdleStrategy(final BooleanSupplier hasWork)
    {
        this.hasWork = hasWork;
    }

    /** Ends the park of the idle thread, if it is parked; any thread, after publishing its work. */
    void wake()
    {
        VarHandle.fullFence();
        final Thread parked = parkedThread;
        if (parked != null)
        {
            LockSupport.unpark(parked);
        }
    }

    @Override
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            reset();
            return;
        }
        idle();
    }

    @Override
    public void idle()
    {
        final long nowNs = System.nanoTime();
        if (idleSinceNs == Long.MIN_VALUE)
        {
            idleSinceNs = nowNs;
        }
        if (nowNs - idleSinceNs < SPIN_NS)
        {
            Thread.onSpinWait();
            return;
        }
        parkedThread = Thread.currentThread();
        if (!hasWork.getAsBoolean())
        {
            LockSupport.parkNanos(this, MAX_PARK_NS);
        }
        parkedThread = null;
    }

    @Override
    public void reset()
    {
        idleSinceNs = Long.MIN_VALUE;
    }

    @Override
    public String alias()
    {
        return "wakeable";
    }
}
