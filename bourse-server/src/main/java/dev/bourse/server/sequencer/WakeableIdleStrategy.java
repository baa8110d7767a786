package dev.bourse.server.sequencer;

import org.agrona.concurrent.IdleStrategy;

import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The engine and projection threads' idle strategy on a machine with few cores: a spin of at most {@code SPIN_NS}
 * after the last work (under load the next command arrives within it, and nobody pays for a wake-up), then a park that
 * a producer ends at once with {@link #wake()}, so that an idle thread neither burns a core the HTTP event loops need
 * nor sleeps through a request. A park lasts at most {@code MAX_PARK_NS} even if a wake-up were missed.
 * <p>
 * The spin is skipped while it does not pay: when the last idle spell, parked or not, lasted longer than a spin, the
 * next one parks at once. The projection thread, whose batches come one journal sync apart, thus parks at once; a
 * thread whose work comes back to back keeps spinning.
 */
final class WakeableIdleStrategy implements IdleStrategy
{
    static final long SPIN_NS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long MAX_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private final BooleanSupplier hasWork;
    private final LongSupplier nanoClock;
    private volatile Thread parkedThread;
    private long idleSinceNs = Long.MIN_VALUE;
    private boolean spinPays = true;

    /** @param hasWork whether work arrived; checked after announcing the park, so a wake-up cannot be lost. */
    WakeableIdleStrategy(final BooleanSupplier hasWork)
    {
        this(hasWork, System::nanoTime);
    }

    /**
     * @param hasWork   whether work arrived; checked after announcing the park, so a wake-up cannot be lost.
     * @param nanoClock the monotonic clock the spin is timed with.
     */
    WakeableIdleStrategy(final BooleanSupplier hasWork, final LongSupplier nanoClock)
    {
        this.hasWork = hasWork;
        this.nanoClock = nanoClock;
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
            if (idleSinceNs != Long.MIN_VALUE)
            {
                spinPays = nanoClock.getAsLong() - idleSinceNs < SPIN_NS;
                idleSinceNs = Long.MIN_VALUE;
            }
            return;
        }
        idle();
    }

    @Override
    public void idle()
    {
        final long nowNs = nanoClock.getAsLong();
        if (idleSinceNs == Long.MIN_VALUE)
        {
            idleSinceNs = nowNs;
        }
        if (spinPays && nowNs - idleSinceNs < SPIN_NS)
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
