package dev.bourse.server.readmodel;

import dev.bourse.engine.OrderStatus;
import dev.bourse.engine.OrderType;
import dev.bourse.engine.Side;
import dev.bourse.engine.event.OrderView;
import org.agrona.collections.Long2LongHashMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Read model of the order books aggregated per price level, best price first on both sides. Each order's resting
 * quantity is tracked so that every order event moves its level by the difference (an order's pair, side and price
 * never change). Written by the projection thread, read by any thread.
 * <p>
 * Both sides are sorted maps in natural key order, which compare without a comparator: the asks keyed by price, the
 * bids by the negated price, so that either side's first key is its best.
 */
public final class BookDepthStore
{
    /** One price level: price in Market base units, quantity in Currency base units. */
    public record Level(long price, long quantity)
    {
    }

    private static final long NOT_RESTING = 0;

    private static final class Book
    {
        final ConcurrentNavigableMap<Long, Long> bidsByNegatedPrice = new ConcurrentSkipListMap<>();
        final ConcurrentNavigableMap<Long, Long> asksByPrice = new ConcurrentSkipListMap<>();

        ConcurrentNavigableMap<Long, Long> side(final Side side)
        {
            return side == Side.BUY ? bidsByNegatedPrice : asksByPrice;
        }
    }

    private final Map<String, Book> books = new ConcurrentHashMap<>();
    private final Long2LongHashMap restingByOrderId = new Long2LongHashMap(NOT_RESTING);

    void update(final OrderView view)
    {
        final long quantity = restingQuantity(view);
        final long previous = quantity > 0 ?
            restingByOrderId.put(view.orderId(), quantity) : restingByOrderId.remove(view.orderId());
        if (quantity != previous)
        {
            move(view.coinPair(), view.side(), view.price(), quantity - previous);
        }
    }

    private static long restingQuantity(final OrderView view)
    {
        final boolean inBook = view.type() != OrderType.MARKET &&
            (view.status() == OrderStatus.REQUEST || view.status() == OrderStatus.PROCESS);
        return inBook ? view.remainQuantity() : 0;
    }

    private void move(final String coinPair, final Side side, final long price, final long delta)
    {
        final ConcurrentNavigableMap<Long, Long> levels =
            books.computeIfAbsent(coinPair, pair -> new Book()).side(side);
        final long key = key(side, price);
        final long quantity = levels.getOrDefault(key, 0L) + delta;
        if (quantity < 0)
        {
            throw new IllegalStateException("negative depth at " + coinPair + " " + side + " " + price);
        }
        if (quantity == 0)
        {
            levels.remove(key);
        }
        else
        {
            levels.put(key, quantity);
        }
    }

    private static long key(final Side side, final long price)
    {
        return side == Side.BUY ? -price : price;
    }

    /** @return up to {@code depth} levels of the side, best first. */
    public List<Level> levels(final String coinPair, final Side side, final int depth)
    {
        final List<Level> result = new ArrayList<>(Math.min(depth, 128));
        final Book book = books.get(coinPair);
        if (book == null)
        {
            return result;
        }
        for (final Map.Entry<Long, Long> level : book.side(side).entrySet())
        {
            if (result.size() >= depth)
            {
                break;
            }
            result.add(new Level(key(side, level.getKey()), level.getValue()));
        }
        return result;
    }

    /** @return the quantity resting at the price on the side, 0 when the level is empty. */
    public long quantity(final String coinPair, final Side side, final long price)
    {
        final Book book = books.get(coinPair);
        return book == null ? 0 : book.side(side).getOrDefault(key(side, price), 0L);
    }

    /** @return the best price of the side, or 0 when it is empty. */
    public long bestPrice(final String coinPair, final Side side)
    {
        final Book book = books.get(coinPair);
        if (book == null)
        {
            return 0;
        }
        final Map.Entry<Long, Long> best = book.side(side).firstEntry();
        return best == null ? 0 : key(side, best.getKey());
    }
}
