package dev.bourse.engine;

import java.util.ArrayDeque;
import java.util.HashMap;

/**
 * The client order IDs one account remembers, oldest first: each with the order first placed with it, for the
 * window after that order was accepted, and never more than a set count (the oldest is forgotten first). Only an
 * accepted order adds an ID and drops what has expired, so that a lookup, and a rejected command, change nothing.
 */
final class ClientOrderIds
{
    /** A remembered ID. */
    record Entry(String clientOrderId, long orderId, long acceptedAtMs)
    {
    }

    private final ArrayDeque<Entry> oldestFirst = new ArrayDeque<>();
    private final HashMap<String, Entry> byClientOrderId = new HashMap<>();

    /** @return the entry of the ID if it is remembered at {@code nowMs}, else null. */
    Entry find(final String clientOrderId, final long nowMs, final long windowMs)
    {
        final Entry entry = byClientOrderId.get(clientOrderId);
        return entry != null && nowMs - entry.acceptedAtMs() < windowMs ? entry : null;
    }

    /** Forgets what has expired at {@code nowMs}, then the oldest while there are {@code max} or more, then adds. */
    void remember(final Entry entry, final long windowMs, final int max)
    {
        while (!oldestFirst.isEmpty() &&
            (entry.acceptedAtMs() - oldestFirst.peekFirst().acceptedAtMs() >= windowMs || oldestFirst.size() >= max))
        {
            final Entry forgotten = oldestFirst.pollFirst();
            byClientOrderId.remove(forgotten.clientOrderId(), forgotten);
        }
        oldestFirst.addLast(entry);
        byClientOrderId.put(entry.clientOrderId(), entry);
    }

    /** Adds an entry read from a snapshot, after the ones added before it. */
    void restore(final Entry entry)
    {
        oldestFirst.addLast(entry);
        byClientOrderId.put(entry.clientOrderId(), entry);
    }

    int size()
    {
        return oldestFirst.size();
    }

    /** @return the entries, oldest first. */
    Iterable<Entry> oldestFirst()
    {
        return oldestFirst;
    }
}
