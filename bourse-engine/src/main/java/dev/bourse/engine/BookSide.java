package dev.bourse.engine;

import org.agrona.collections.Long2ObjectHashMap;

import java.util.Comparator;
import java.util.TreeMap;

/**
 * One side of a book, or the stop orders of one side: price levels in priority order. A level is found by price in a
 * hash map (no tree walk to join an existing level) and ordered in a tree; the best level is cached.
 */
final class BookSide
{
    private final TreeMap<Long, PriceLevel> levels;
    private final Long2ObjectHashMap<PriceLevel> levelsByPrice = new Long2ObjectHashMap<>();
    private PriceLevel best;
    private int orderCount;

    private BookSide(final Comparator<Long> priority)
    {
        this.levels = new TreeMap<>(priority);
    }

    /** @return a side whose best price is the highest (bids; SELL stops, which trigger highest first). */
    static BookSide highestFirst()
    {
        return new BookSide(Comparator.reverseOrder());
    }

    /** @return a side whose best price is the lowest (asks; BUY stops, which trigger lowest first). */
    static BookSide lowestFirst()
    {
        return new BookSide(Comparator.naturalOrder());
    }

    void add(final Order order, final long price)
    {
        PriceLevel level = levelsByPrice.get(price);
        if (level == null)
        {
            level = new PriceLevel(price);
            levelsByPrice.put(price, level);
            levels.put(price, level);
            best = levels.firstEntry().getValue();
        }
        level.append(order);
        orderCount++;
    }

    void remove(final Order order)
    {
        final PriceLevel level = order.level;
        level.remove(order);
        orderCount--;
        if (level.isEmpty())
        {
            levelsByPrice.remove(level.price);
            levels.remove(level.price);
            if (level == best)
            {
                best = levels.isEmpty() ? null : levels.firstEntry().getValue();
            }
        }
    }

    /** Lowers the quantity of a level after a partial fill of one of its orders. */
    void reduce(final Order order, final long quantity)
    {
        order.level.quantity -= quantity;
    }

    /** @return the best level, or null when the side is empty. */
    PriceLevel best()
    {
        return best;
    }

    /** @return levels in priority order (best first). */
    Iterable<PriceLevel> levels()
    {
        return levels.values();
    }

    int orderCount()
    {
        return orderCount;
    }

    int levelCount()
    {
        return levels.size();
    }
}
