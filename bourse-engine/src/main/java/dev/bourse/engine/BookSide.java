package dev.bourse.engine;

import org.agrona.collections.Long2ObjectHashMap;

import java.util.Comparator;
import java.util.TreeMap;

/**
 * One side of a book, or the stop orders of one side: price levels in priority order. A level is found by price in a
 * hash map (no tree walk to join an existing level); the levels are linked to each other in priority order from the
 * best, so that the next best is at hand when the best empties and walking the side follows links; a tree is
 * consulted only to find where a new level goes.
 */
final class BookSide
{
    private final boolean highestFirst;
    private final TreeMap<Long, PriceLevel> levels;
    private final Long2ObjectHashMap<PriceLevel> levelsByPrice = new Long2ObjectHashMap<>();
    private PriceLevel best;
    private int orderCount;

    private BookSide(final boolean highestFirst)
    {
        this.highestFirst = highestFirst;
        this.levels = new TreeMap<>(highestFirst ? Comparator.<Long>reverseOrder() : Comparator.<Long>naturalOrder());
    }

    /** @return a side whose best price is the highest (bids; SELL stops, which trigger highest first). */
    static BookSide highestFirst()
    {
        return new BookSide(true);
    }

    /** @return a side whose best price is the lowest (asks; BUY stops, which trigger lowest first). */
    static BookSide lowestFirst()
    {
        return new BookSide(false);
    }

    void add(final Order order, final long price)
    {
        PriceLevel level = levelsByPrice.get(price);
        if (level == null)
        {
            level = new PriceLevel(price);
            levelsByPrice.put(price, level);
            levels.put(price, level);
            link(level);
        }
        level.append(order);
        orderCount++;
    }

    /** Takes an open order out of its level, which is dropped when it empties. */
    void remove(final Order order)
    {
        final PriceLevel level = order.level;
        level.remove(order);
        dropIfEmpty(level);
    }

    /** Takes an open order out of its level without touching its neighbours (a cancel-all; see {@link PriceLevel}). */
    void removeLazily(final Order order)
    {
        final PriceLevel level = order.level;
        level.removeLazily(order);
        dropIfEmpty(level);
    }

    /** @return the best level, or null when the side is empty; {@link PriceLevel#worse} leads to the others. */
    PriceLevel best()
    {
        return best;
    }

    int orderCount()
    {
        return orderCount;
    }

    private void dropIfEmpty(final PriceLevel level)
    {
        orderCount--;
        if (level.isEmpty())
        {
            levelsByPrice.remove(level.price);
            levels.remove(level.price);
            unlink(level);
        }
    }

    private void link(final PriceLevel level)
    {
        final PriceLevel better;
        if (best == null || (highestFirst ? level.price > best.price : level.price < best.price))
        {
            better = null;
        }
        else
        {
            better = levelsByPrice.get(levels.lowerKey(level.price));
        }
        final PriceLevel worse = better == null ? best : better.worse;
        level.better = better;
        level.worse = worse;
        if (better == null)
        {
            best = level;
        }
        else
        {
            better.worse = level;
        }
        if (worse != null)
        {
            worse.better = level;
        }
    }

    private void unlink(final PriceLevel level)
    {
        if (level.better == null)
        {
            best = level.worse;
        }
        else
        {
            level.better.worse = level.worse;
        }
        if (level.worse != null)
        {
            level.worse.better = level.better;
        }
        level.better = null;
        level.worse = null;
    }
}
