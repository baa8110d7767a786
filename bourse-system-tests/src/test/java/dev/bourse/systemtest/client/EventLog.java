package dev.bourse.systemtest.client;

import dev.bourse.client.StreamEvent;
import dev.bourse.client.StreamListener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A listener that keeps every event a stream delivered, and lets a test wait for one with a deadline. */
final class EventLog implements StreamListener
{
    static final long DEADLINE_MS = 30_000;

    private final List<StreamEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(final StreamEvent event)
    {
        events.add(event);
        notifyAll();
    }

    /** @return the first event since {@code from} that matches, waiting for it. */
    synchronized <E extends StreamEvent> E await(final Class<E> type, final Predicate<E> wanted)
        throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
        while (true)
        {
            for (final StreamEvent event : events)
            {
                if (type.isInstance(event) && wanted.test(type.cast(event)))
                {
                    return type.cast(event);
                }
            }
            final long leftNs = deadlineNs - System.nanoTime();
            if (leftNs <= 0)
            {
                throw new AssertionError("no such " + type.getSimpleName() + " within " + DEADLINE_MS + " ms; last " +
                    "events: " + events.subList(Math.max(0, events.size() - 5), events.size()));
            }
            TimeUnit.NANOSECONDS.timedWait(this, leftNs);
        }
    }

    /** @return a copy of the events of the type so far. */
    synchronized <E extends StreamEvent> List<E> all(final Class<E> type)
    {
        final List<E> matching = new ArrayList<>();
        events.stream().filter(type::isInstance).map(type::cast).forEach(matching::add);
        return matching;
    }
}
