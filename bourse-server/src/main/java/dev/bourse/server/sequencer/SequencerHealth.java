package dev.bourse.server.sequencer;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the exchange accepts writes, why not once it stopped, and how far the durable stream and its projections
 * have come. Written by the engine and projection threads, read by any (the health endpoint, metrics).
 */
public final class SequencerHealth
{
    private final AtomicReference<String> stopCause = new AtomicReference<>();
    private volatile long committedSequence;
    private volatile long projectedSequence;

    /** @param recoveredSequence the last sequence recovered at start: committed and projected already. */
    public SequencerHealth(final long recoveredSequence)
    {
        this.committedSequence = recoveredSequence;
        this.projectedSequence = recoveredSequence;
    }

    /** @return true until the server stopped accepting writes (a failure, or shutdown). */
    public boolean acceptingWrites()
    {
        return stopCause.get() == null;
    }

    /** @return why the server stopped accepting writes, or null while it accepts them. */
    public String stopCause()
    {
        return stopCause.get();
    }

    /**
     * Stops accepting writes; the first cause is kept.
     *
     * @param cause what happened, for operators.
     * @return whether this call stopped it (false when it had stopped already).
     */
    public boolean stop(final String cause)
    {
        return stopCause.compareAndSet(null, cause);
    }

    /** @return the sequence of the last command known durable. */
    public long committedSequence()
    {
        return committedSequence;
    }

    /** @return the sequence of the last command every synchronous projection has followed. */
    public long projectedSequence()
    {
        return projectedSequence;
    }

    /** @param sequence the sequence of the last command known durable now. */
    public void committed(final long sequence)
    {
        committedSequence = sequence;
    }

    /** @param sequence the sequence of the last command every synchronous projection has followed now. */
    public void projected(final long sequence)
    {
        projectedSequence = sequence;
    }
}
