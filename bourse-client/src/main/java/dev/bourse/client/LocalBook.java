package dev.bourse.client;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/**
 * A stream's copy of one pair's book: a snapshot, then each change that follows the last one applied (the change's
 * {@code prevSeq} is the book's sequence). Written by the stream's thread, read by any.
 */
final class LocalBook
{
    private final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
    private final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private long sequence = -1;
    private boolean awaitingSnapshot = true;

    synchronized void reset(final long sequence, final List<BookLevel> bidLevels, final List<BookLevel> askLevels)
    {
        bids.clear();
        asks.clear();
        apply(sequence, bidLevels, askLevels);
        awaitingSnapshot = false;
    }

    synchronized void apply(final long sequence, final List<BookLevel> bidLevels, final List<BookLevel> askLevels)
    {
        put(bids, bidLevels);
        put(asks, askLevels);
        this.sequence = sequence;
    }

    private static void put(final TreeMap<BigDecimal, BigDecimal> side, final List<BookLevel> levels)
    {
        for (final BookLevel level : levels)
        {
            if (level.amount().signum() == 0)
            {
                side.remove(level.price());
            }
            else
            {
                side.put(level.price(), level.amount());
            }
        }
    }

    /** A change did not follow: the book is wrong until the next snapshot. */
    synchronized void lost()
    {
        awaitingSnapshot = true;
    }

    synchronized boolean awaitingSnapshot()
    {
        return awaitingSnapshot;
    }

    synchronized long sequence()
    {
        return sequence;
    }

    synchronized OrderBook toOrderBook()
    {
        return new OrderBook(levels(bids), levels(asks));
    }

    private static List<BookLevel> levels(final TreeMap<BigDecimal, BigDecimal> side)
    {
        final List<BookLevel> levels = new ArrayList<>(side.size());
        side.forEach((price, amount) -> levels.add(new BookLevel(price, amount)));
        return List.copyOf(levels);
    }
}
