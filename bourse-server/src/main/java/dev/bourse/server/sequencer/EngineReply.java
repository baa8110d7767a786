package dev.bourse.server.sequencer;

import dev.bourse.engine.Status;
import dev.bourse.engine.event.Event;

import java.util.List;

/**
 * What the engine answered to one command.
 *
 * @param status      SUCCESS or the reason of the rejection.
 * @param events      the command's events, in order (empty when it was not applied).
 * @param timestampMs the time the command was applied with.
 */
public record EngineReply(Status status, List<Event> events, long timestampMs)
{
    public EngineReply
    {
        events = List.copyOf(events);
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
