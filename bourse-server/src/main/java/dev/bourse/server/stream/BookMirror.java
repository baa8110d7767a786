package dev.bourse.server.stream;

import dev.bourse.engine.Side;
import dev.bourse.server.readmodel.BookDepthStore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The publisher's copy of one pair's book per price level, as of the last book message it made: what tells which
 * levels a command really changed, and what a new subscriber's snapshot is taken from. Written by the projection
 * thread, read by the event loops; each command's changes and each snapshot hold the lock, so a snapshot is always the
 * book between two commands, labelled with the sequence of the last change in it.
 */
final class BookMirror
{
    /** A copy of the whole book: both sides best first, as of the book message of {@code sequence}. */
    record Snapshot(long sequence, List<BookDepthStore.Level> bids, List<BookDepthStore.Level> asks)
    {
    }

    private final TreeMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
    private final TreeMap<Long, Long> asks = new TreeMap<>();
    private long sequence;

    /** @param sequence the sequence the (empty) book is as of. */
    BookMirror(final long sequence)
    {
        this.sequence = sequence;
    }

    private TreeMap<Long, Long> side(final Side side)
    {
        return side == Side.BUY ? bids : asks;
    }

    /** Fills the book before the stream starts. */
    synchronized void load(final Side side, final List<BookDepthStore.Level> levels)
    {
        for (final BookDepthStore.Level level : levels)
        {
            side(side).put(level.price(), level.quantity());
        }
    }

    /** @return the quantity of the level, 0 when it is empty; the writer only. */
    long quantity(final Side side, final long price)
    {
        return side(side).getOrDefault(price, 0L);
    }

    /** @return the best price of the side, 0 when it is empty; the writer only. */
    long bestPrice(final Side side)
    {
        final TreeMap<Long, Long> levels = side(side);
        return levels.isEmpty() ? 0 : levels.firstKey();
    }

    /**
     * Applies the changed levels of one command; the writer only.
     *
     * @param sequence the command.
     * @param bidChanges changed bid levels (quantity 0: gone).
     * @param askChanges changed ask levels.
     * @return the sequence of the previous change.
     */
    synchronized long apply(
        final long sequence, final List<BookDepthStore.Level> bidChanges, final List<BookDepthStore.Level> askChanges)
    {
        apply(bids, bidChanges);
        apply(asks, askChanges);
        final long previous = this.sequence;
        this.sequence = sequence;
        return previous;
    }

    private static void apply(final TreeMap<Long, Long> levels, final List<BookDepthStore.Level> changes)
    {
        for (final BookDepthStore.Level level : changes)
        {
            if (level.quantity() == 0)
            {
                levels.remove(level.price());
            }
            else
            {
                levels.put(level.price(), level.quantity());
            }
        }
    }

    /** @return a copy of the whole book; any thread. */
    synchronized Snapshot snapshot()
    {
        return new Snapshot(sequence, copy(bids), copy(asks));
    }

    private static List<BookDepthStore.Level> copy(final TreeMap<Long, Long> levels)
    {
        final List<BookDepthStore.Level> copy = new ArrayList<>(levels.size());
        for (final Map.Entry<Long, Long> level : levels.entrySet())
        {
            copy.add(new BookDepthStore.Level(level.getKey(), level.getValue()));
        }
        return copy;
    }
}
