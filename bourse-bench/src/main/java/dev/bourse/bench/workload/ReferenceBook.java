package dev.bourse.bench.workload;

import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plain price-time order book for the workload format, independent of the engine: the reference a generated
 * workload's expected outcome comes from. GTC orders rest what they do not fill, IOC orders take what they can
 * within their limit and cancel the rest, trades happen at the resting order's price, one per resting order filled. It also knows which orders are live, so that a generator can cancel only those.
 */
public final class ReferenceBook
{
    private final TreeMap<Long, ArrayDeque<RestingOrder>> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, ArrayDeque<RestingOrder>> asks = new TreeMap<>();
    private final Long2LongHashMap livePosition = new Long2LongHashMap(-1);
    private final Long2ObjectHashMap<RestingOrder> liveOrders = new Long2ObjectHashMap<>();
    private long[] liveIds = new long[1024];
    private int liveCount;
    private long trades;
    private long volume;

    /** Applies a placement: matches it, then rests a GTC remainder. */
    public void place(final WorkloadCommand.Place place)
    {
        long remain = place.size();
        final TreeMap<Long, ArrayDeque<RestingOrder>> opposite = place.buy() ? asks : bids;
        while (remain > 0 && !opposite.isEmpty())
        {
            final Map.Entry<Long, ArrayDeque<RestingOrder>> best = opposite.firstEntry();
            final long price = best.getKey();
            if (place.buy() ? price > place.price() : price < place.price())
            {
                break;
            }
            final RestingOrder maker = best.getValue().peekFirst();
            final long fill = Math.min(remain, maker.remain);
            trades++;
            volume += fill;
            remain -= fill;
            maker.remain -= fill;
            if (maker.remain == 0)
            {
                best.getValue().pollFirst();
                if (best.getValue().isEmpty())
                {
                    opposite.pollFirstEntry();
                }
                forget(maker.id);
            }
        }
        if (remain > 0 && !place.immediateOrCancel())
        {
            final RestingOrder order = new RestingOrder(place.orderId(), place.buy(), place.price(), remain);
            (place.buy() ? bids : asks).computeIfAbsent(place.price(), ignore -> new ArrayDeque<>()).addLast(order);
            remember(order);
        }
    }

    /** Applies a cancel; @return false when the order is not live (nothing changes). */
    public boolean cancel(final WorkloadCommand.Cancel cancel)
    {
        final RestingOrder order = liveOrders.get(cancel.orderId());
        if (order == null)
        {
            return false;
        }
        final TreeMap<Long, ArrayDeque<RestingOrder>> side = order.buy ? bids : asks;
        final ArrayDeque<RestingOrder> level = side.get(order.price);
        level.remove(order);
        if (level.isEmpty())
        {
            side.remove(order.price);
        }
        forget(order.id);
        return true;
    }

    /** @return the live order at an index in 0..resting()-1 (the order of this list is arbitrary but seeded). */
    public long liveOrderId(final int index)
    {
        return liveIds[index];
    }

    /** @return orders resting now. */
    public int resting()
    {
        return liveCount;
    }

    public long trades()
    {
        return trades;
    }

    public long volume()
    {
        return volume;
    }

    /** @return the best bid, or 0. */
    public long bestBid()
    {
        return bids.isEmpty() ? 0 : bids.firstKey();
    }

    /** @return the best ask, or 0. */
    public long bestAsk()
    {
        return asks.isEmpty() ? 0 : asks.firstKey();
    }

    private void remember(final RestingOrder order)
    {
        if (liveCount == liveIds.length)
        {
            liveIds = Arrays.copyOf(liveIds, liveIds.length * 2);
        }
        livePosition.put(order.id, liveCount);
        liveIds[liveCount++] = order.id;
        liveOrders.put(order.id, order);
    }

    private void forget(final long orderId)
    {
        final int position = (int)livePosition.remove(orderId);
        final long moved = liveIds[--liveCount];
        liveIds[position] = moved;
        if (moved != orderId)
        {
            livePosition.put(moved, position);
        }
        liveOrders.remove(orderId);
    }

    private static final class RestingOrder
    {
        final long id;
        final boolean buy;
        final long price;
        long remain;

        RestingOrder(final long id, final boolean buy, final long price, final long remain)
        {
            this.id = id;
            this.buy = buy;
            this.price = price;
            this.remain = remain;
        }
    }
}
