package dev.bourse.server.stream;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last {@code capacity} stream messages in memory, in order: the hand-off from the projection thread (its one
 * writer) to the event loops (readers), and what a reconnected client resumes from. A ring of immutable messages;
 * a reader that finds a slot overwritten (the message at a position is no longer there) knows the position left the
 * window. Also keeps the stream's head: the last command the publisher took, with or without messages.
 */
final class StreamWindow
{
    /** The last command the publisher took, and the window's end just after its messages. */
    record Head(long sequence, long position)
    {
    }

    private final int capacity;
    private final AtomicReferenceArray<StreamMessage> slots;
    private final long[] slotSequences;
    private final int[] slotIndexes;
    private volatile long published;
    private volatile StreamPlace evicted;
    private volatile Head head;

    /**
     * @param capacity     messages kept.
     * @param baseSequence the last command of the state the server started from: nothing of it or before it can be
     *                     resumed from (the window starts empty).
     */
    StreamWindow(final int capacity, final long baseSequence)
    {
        this.capacity = capacity;
        this.slots = new AtomicReferenceArray<>(capacity);
        this.slotSequences = new long[capacity];
        this.slotIndexes = new int[capacity];
        this.evicted = StreamPlace.endOf(baseSequence);
        this.head = new Head(baseSequence, 0);
    }

    /** @return the position the next message takes; the writer only. */
    long nextPosition()
    {
        return published;
    }

    /**
     * Appends a message whose header holds {@link #nextPosition()}; the writer only. The place of the message it
     * evicts comes from the writer's own arrays, read in position order, not from the old message (long gone from the
     * caches).
     */
    void append(final StreamMessage message)
    {
        final long position = published;
        final StreamMessage.Header header = message.header();
        if (header.position() != position)
        {
            throw new IllegalStateException("message at " + header.position() + " appended at " + position);
        }
        final int slot = (int)(position % capacity);
        if (position >= capacity)
        {
            evicted = new StreamPlace(slotSequences[slot], slotIndexes[slot]);
        }
        slotSequences[slot] = header.sequence();
        slotIndexes[slot] = header.index();
        slots.setRelease(slot, message);
        published = position + 1;
    }

    /** Marks the command as taken, after its messages; the writer only. */
    void advanceHead(final long sequence)
    {
        head = new Head(sequence, published);
    }

    /** @return the end of the window: messages are at positions below it. */
    long published()
    {
        return published;
    }

    /** @return the lowest position still in the window. */
    long oldest()
    {
        return Math.max(0, published - capacity);
    }

    /** @return the last command taken. */
    Head head()
    {
        return head;
    }

    /** @return the message at the position, or null when it left the window (or is not there yet). */
    StreamMessage get(final long position)
    {
        if (position < 0)
        {
            return null;
        }
        final StreamMessage message = slots.get((int)(position % capacity));
        return message != null && message.header().position() == position ? message : null;
    }

    /**
     * @param after a place a client received last.
     * @param end   the position up to which to look (exclusive).
     * @return the first position below {@code end} whose message comes after the place ({@code end} when none does),
     * or -1 when messages after the place have left the window (or the place is ahead of the stream's head), so the
     * client cannot resume from it.
     */
    long firstAfter(final StreamPlace after, final long end)
    {
        final long start = oldest();
        if (start > end || evicted.isAfter(after) || after.sequence() > head.sequence())
        {
            return -1;
        }
        long low = start;
        long high = end;
        while (low < high)
        {
            final long middle = (low + high) >>> 1;
            final StreamMessage message = get(middle);
            if (message == null)
            {
                return -1;
            }
            if (message.header().place().isAfter(after))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }
        return low;
    }
}
