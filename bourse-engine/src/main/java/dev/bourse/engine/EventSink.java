package dev.bourse.engine;

import dev.bourse.engine.event.Event;

/** Receives the events of a command, in order, on the engine's thread. */
@FunctionalInterface
public interface EventSink
{
    /** A sink that drops every event. */
    EventSink NONE = event -> {};

    /** @param event the next event of the command being applied. */
    void onEvent(Event event);
}
