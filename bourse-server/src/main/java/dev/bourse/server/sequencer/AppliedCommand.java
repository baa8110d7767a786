package dev.bourse.server.sequencer;

import dev.bourse.engine.Status;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.event.Event;

import java.util.List;

/**
 * What the apply step made of one journaled command: the unit of the sequenced event stream that every
 * {@link Projection} follows. The stream has no gaps: sequences are 1, 2, 3... in journal order, and an event's
 * place in it is {@code (sequence, index in events)}, so a consumer that remembers the last place it saw can detect a
 * gap and resume after it.
 *
 * @param sequence    the command's journal sequence number; 0 only for a command that was never applied
 *                    ({@link #unapplied}).
 * @param timestampMs the time the command was applied with.
 * @param command     the command.
 * @param status      SUCCESS, or why the engine rejected it (then the state did not change).
 * @param events      the command's events, in order; a rejected command has one {@code CommandRejected}.
 */
public record AppliedCommand(long sequence, long timestampMs, Command command, Status status, List<Event> events)
{
    /**
     * @param command the command.
     * @param status  why it was not applied: 4002 (the journal cannot encode it), 5001 (queue full), 5000 (the server
     *                stopped; outcome unknown when it was already journaled).
     * @return the answer of a command that has no place in the stream.
     */
    public static AppliedCommand unapplied(final Command command, final Status status)
    {
        return new AppliedCommand(0, 0, command, status, List.of());
    }

    /** @return whether the command has a place in the sequenced stream. */
    public boolean isSequenced()
    {
        return sequence > 0;
    }

    /**
     * @param type an event class.
     * @return the first event of that class, or null.
     */
    public <E extends Event> E first(final Class<E> type)
    {
        for (final Event event : events)
        {
            if (type.isInstance(event))
            {
                return type.cast(event);
            }
        }
        return null;
    }
}
