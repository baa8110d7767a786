package dev.bourse.server.readmodel;

import dev.bourse.engine.event.OrderView;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Read model of orders: the latest view of every order (completed ones too, which the engine forgets), and each
 * account's open orders newest first. At most {@code maxCompletedOrders} completed orders are kept; the oldest
 * completions are forgotten first. Written by the engine thread only.
 */
public final class OrderStore
{
    private final int maxCompletedOrders;
    private final Map<Long, OrderView> views = new ConcurrentHashMap<>();
    private final Map<Long, NavigableMap<Long, OrderView>> openByAccount = new ConcurrentHashMap<>();
    private final ArrayDeque<Long> completedInOrder = new ArrayDeque<>();

    /** @param maxCompletedOrders how many completed orders order info can still show. */
    public OrderStore(final int maxCompletedOrders)
    {
        if (maxCompletedOrders <= 0)
        {
            throw new IllegalArgumentException("maxCompletedOrders must be positive");
        }
        this.maxCompletedOrders = maxCompletedOrders;
    }

    void update(final OrderView view)
    {
        final OrderView previous = views.put(view.orderId(), view);
        final NavigableMap<Long, OrderView> open = openByAccount.computeIfAbsent(
            view.accountId(), id -> new ConcurrentSkipListMap<>(Comparator.reverseOrder()));
        if (view.status().isOpen())
        {
            open.put(view.orderId(), view);
            return;
        }
        open.remove(view.orderId());
        if (previous == null || previous.status().isOpen())
        {
            completedInOrder.addLast(view.orderId());
            while (completedInOrder.size() > maxCompletedOrders)
            {
                views.remove(completedInOrder.pollFirst());
            }
        }
    }

    /** Writes the completed orders in completion order, then the open ones; the writer thread only. */
    void writeSnapshot(final DataOutput out) throws IOException
    {
        out.writeInt(completedInOrder.size());
        for (final long orderId : completedInOrder)
        {
            SnapshotFields.writeOrderView(out, views.get(orderId));
        }
        final List<OrderView> open = new ArrayList<>();
        forEachOpen(open::add);
        if (completedInOrder.size() + open.size() != views.size())
        {
            throw new IllegalStateException("the order store holds " + views.size() + " views but " +
                completedInOrder.size() + " completed and " + open.size() + " open");
        }
        out.writeInt(open.size());
        for (final OrderView view : open)
        {
            SnapshotFields.writeOrderView(out, view);
        }
    }

    /** Restores an empty store from {@link #writeSnapshot}. */
    void readSnapshot(final DataInput in) throws IOException
    {
        final int completed = SnapshotFields.readCount(in, maxCompletedOrders);
        for (int i = 0; i < completed; i++)
        {
            final OrderView view = SnapshotFields.readOrderView(in);
            views.put(view.orderId(), view);
            completedInOrder.addLast(view.orderId());
        }
        final int open = SnapshotFields.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < open; i++)
        {
            update(SnapshotFields.readOrderView(in));
        }
    }

    /** Gives every open order to the consumer; the writer thread only. */
    void forEachOpen(final Consumer<OrderView> consumer)
    {
        for (final NavigableMap<Long, OrderView> open : openByAccount.values())
        {
            open.values().forEach(consumer);
        }
    }

    /** @return the latest view of the order, or null when it is unknown or forgotten. */
    public OrderView order(final long orderId)
    {
        return views.get(orderId);
    }

    /**
     * @param accountId the owner.
     * @param filter    which orders to list.
     * @param max       the most to list.
     * @return the account's open orders that pass the filter, newest first.
     */
    public List<OrderView> openOrders(final long accountId, final Predicate<OrderView> filter, final int max)
    {
        final NavigableMap<Long, OrderView> open = openByAccount.get(accountId);
        final List<OrderView> result = new ArrayList<>();
        if (open == null)
        {
            return result;
        }
        for (final OrderView view : open.values())
        {
            if (result.size() >= max)
            {
                break;
            }
            if (filter.test(view))
            {
                result.add(view);
            }
        }
        return result;
    }
}
