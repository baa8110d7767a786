package dev.bourse.client;

/**
 * Receives what a {@link BourseStream} delivers, one event at a time and in the stream's order, on the stream's own
 * thread. While it runs, the next message is not read, so a listener that is too slow makes the server close the
 * connection (the stream then reconnects and resumes). An exception it throws goes to the thread's uncaught-exception
 * handler; the stream goes on.
 */
@FunctionalInterface
public interface StreamListener
{
    /** @param event the next event. */
    void onEvent(StreamEvent event);
}
