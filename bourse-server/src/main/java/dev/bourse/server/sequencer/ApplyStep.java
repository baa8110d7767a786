package dev.bourse.server.sequencer;

import dev.bourse.engine.Engine;
import dev.bourse.engine.Status;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.event.Event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one step that turns a journaled command into state: {@code (sequence, timestampMs, command) -> engine.apply ->
 * events}, then every {@link Projection}, in the order they were given. The live engine thread, recovery, the snapshot
 * shadow and a cluster node all use it, so they cannot disagree.
 * <p>
 * It has two halves because a live server must not show anything of a command before it is durable: {@link #apply}
 * (the engine, on the engine thread, before the journal batch is forced) and {@link #project} (the projections, once
 * it is). Replaying what is durable already uses {@link #applyDurable}, both at once. Sequences must follow each
 * other without a gap; an engine failure is a bug and propagates (the caller stops).
 */
public final class ApplyStep
{
    private final Engine engine;
    private final List<Projection> projections;
    private long lastSequence;

    /**
     * @param engine       the engine, from now on used only through this step (and by one thread).
     * @param lastSequence the sequence of the last command already in the engine's state (0 for a new exchange).
     * @param projections  told every applied command, in this order.
     */
    public ApplyStep(final Engine engine, final long lastSequence, final List<Projection> projections)
    {
        this.engine = engine;
        this.lastSequence = lastSequence;
        this.projections = List.copyOf(projections);
    }

    /**
     * The first half: applies the command to the engine.
     *
     * @param sequence    its journal sequence, the one after the last applied.
     * @param timestampMs its time.
     * @param command     the command.
     * @return what it did.
     * @throws IllegalStateException when the sequence does not follow the last one.
     * @throws RuntimeException      whatever the engine throws: a bug, after which the engine's state may be half
     *                               changed and must not be used again.
     */
    public AppliedCommand apply(final long sequence, final long timestampMs, final Command command)
    {
        if (sequence != lastSequence + 1)
        {
            throw new IllegalStateException("command " + sequence + " does not follow command " + lastSequence);
        }
        final List<Event> events = new ArrayList<>(4);
        final Status status = engine.apply(command, timestampMs, events::add);
        lastSequence = sequence;
        return new AppliedCommand(sequence, timestampMs, command, status, Collections.unmodifiableList(events));
    }

    /**
     * The second half: tells every projection about a command that is durable now.
     *
     * @param applied what {@link #apply} returned, in sequence order.
     */
    public void project(final AppliedCommand applied)
    {
        for (final Projection projection : projections)
        {
            projection.onApplied(applied);
        }
    }

    /**
     * Both halves, for a command that is durable already (recovery, the snapshot shadow, a cluster's committed log).
     *
     * @return what it did.
     */
    public AppliedCommand applyDurable(final long sequence, final long timestampMs, final Command command)
    {
        final AppliedCommand applied = apply(sequence, timestampMs, command);
        project(applied);
        return applied;
    }

    /** @return the sequence of the last command applied to the engine. */
    public long lastSequence()
    {
        return lastSequence;
    }

    /** @return the engine (for snapshots taken while no command is being applied). */
    public Engine engine()
    {
        return engine;
    }
}
