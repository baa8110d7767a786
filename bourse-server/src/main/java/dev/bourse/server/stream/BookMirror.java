package dev.bourse.server.stream;

import dev.bourse.engine.Side;
import dev.bourse.server.readmodel.BookDepthStore;
import org.agrona.collections.Long2LongHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The publisher's copy of one pair's book per price level, as of the last book message it made: what tells which
 * levels a command really changed, and what a new subscriber's snapshot is taken from. Written by the projection
 * thread, read by the event loops; each command's changes and each snapshot hold the lock, so a snapshot is always the
 * book between two commands, labelled with the sequence of the last change in it.
 * <p>
 * The levels are kept unordered (a primitive map per side: the writer looks levels up by price on every command);
 * the best prices are kept beside them as the read model's depth gave them, and a snapshot sorts its copy.
 */
final class BookMirror
{
    /** A copy of the whole book: both sides best first, as of the book message of {@code sequence}. */
    record Snapshot(long sequence, List<BookDepthStore.Level> bids, List<BookDepthStore.Level> asks)
    {
    }

    private static final long EMPTY = 0;

    private final Long2LongHashMap bids = new Long2LongHashMap(EMPTY);
    private final Long2LongHashMap asks = new Long2LongHashMap(EMPTY);
    private long bestBid;
    private long bestAsk;
    private long sequence;

    /** @param sequence the sequence the (empty) book is as of. */
    BookMirror(final long sequence)
    {
        this.sequence = sequence;
    }

    private Long2LongHashMap side(final Side side)
    {
        return side == Side.BUY ? bids : asks;
    }

    /** Fills one side of the book before the stream starts, from its levels best first. */
    synchronized void load(final Side side, final List<BookDepthStore.Level> levels)
    {
        for (final BookDepthStore.Level level : levels)
        {
            side(side).put(level.price(), level.quantity());
        }
        final long best = levels.isEmpty() ? 0 : levels.getFirst().price();
        if (side == Side.BUY)
        {
            bestBid = best;
        }
        else
        {
            bestAsk = best;
        }
    }

    /** @return the quantity of the level, 0 when it is empty; the writer only. */
    long quantity(final Side side, final long price)
    {
        return side(side).get(price);
    }

    /** @return the best price of the side, 0 when it is empty; the writer only. */
    long bestPrice(final Side side)
    {
        return side == Side.BUY ? bestBid : bestAsk;
    }

    /**
     * Applies the changed levels of one command; the writer only.
     *
     * @param sequence   the command.
     * @param bidChanges changed bid levels (quantity 0: gone).
     * @param askChanges changed ask levels.
     * @param bestBid    the best bid once they are applied, 0 when none.
     * @param bestAsk    the best ask once they are applied, 0 when none.
     * @return the sequence of the previous change.
     */
    synchronized long apply(
        final long sequence, final List<BookDepthStore.Level> bidChanges, final List<BookDepthStore.Level> askChanges,
        final long bestBid, final long bestAsk)
    {
        apply(bids, bidChanges);
        apply(asks, askChanges);
        this.bestBid = bestBid;
        this.bestAsk = bestAsk;
        final long previous = this.sequence;
        this.sequence = sequence;
        return previous;
    }

    private static void apply(final Long2LongHashMap levels, final List<BookDepthStore.Level> changes)
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

    /** @return a copy of the whole book, best first; any thread. */
    synchronized Snapshot snapshot()
    {
        return new Snapshot(sequence, copy(bids, true), copy(asks, false));
    }

    private static List<BookDepthStore.Level> copy(final Long2LongHashMap levels, final boolean highestFirst)
    {
        final long[] prices = new long[levels.size()];
        int count = 0;
        final Long2LongHashMap.KeyIterator keys = levels.keySet().iterator();
        while (keys.hasNext())
        {
            prices[count++] = keys.nextValue();
        }
        Arrays.sort(prices);
        final List<BookDepthStore.Level> copy = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            final long price = prices[highestFirst ? count - 1 - i : i];
            copy.add(new BookDepthStore.Level(price, levels.get(price)));
        }
        return copy;
    }
}
