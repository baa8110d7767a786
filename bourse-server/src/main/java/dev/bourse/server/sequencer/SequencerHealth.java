package dev.bourse.server.sequencer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Whether the exchange accepts writes, why not once it stopped, and how far the durable stream and its projections
 * have come. Written by the engine and projection threads, read by any (the health endpoint, metrics).
 * <p>
 * The read model is followed on the projection thread itself ({@link #projectedSequence()}); a projection that
 * follows the stream on a thread of its own (a history writer, a stream publisher) tells how far it is with
 * {@link #trackProjection}, and the health endpoint and the metrics show its lag behind the committed sequence.
 */
public final class SequencerHealth
{
    /** The name the read model's progress goes by in {@link #projections()}. */
    public static final String READ_MODEL = "readModel";

    private final AtomicReference<String> stopCause = new AtomicReference<>();
    private final Map<String, LongSupplier> tracked = new ConcurrentHashMap<>();
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

    /**
     * The hook of projections that run on threads of their own.
     *
     * @param name              the projection's name in the health endpoint and the metrics
     *                          ({@code bourse_projection_lag{projection="name"}}).
     * @param projectedSequence the sequence of the last command the projection has followed; any thread may call it.
     */
    public void trackProjection(final String name, final LongSupplier projectedSequence)
    {
        if (READ_MODEL.equals(name) || tracked.putIfAbsent(name, projectedSequence) != null)
        {
            throw new IllegalArgumentException("a projection named " + name + " is tracked already");
        }
    }

    /** @return the sequence every projection has followed up to, the read model first, then by name. */
    public Map<String, Long> projections()
    {
        final Map<String, Long> sequences = new LinkedHashMap<>();
        sequences.put(READ_MODEL, projectedSequence);
        tracked.keySet().stream().sorted().forEach(name -> sequences.put(name, tracked.get(name).getAsLong()));
        return sequences;
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
