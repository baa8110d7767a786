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
 * Read model of orders: the latest view of every order (completed ones too, which the engine forgets), each
 * account's open orders newest first, and each account's orders by client order ID (the newest order placed with
 * the ID, for as long as its view is kept). At most {@code maxCompletedOrders} completed orders are kept; the oldest
 * completions are forgotten first. Written by the projection thread only.
 */
public final class OrderStore
{
    private final int maxCompletedOrders;
    private final Map<Long, OrderView> views = new ConcurrentHashMap<>();
    private final Map<Long, NavigableMap<Long, OrderView>> openByAccount = new ConcurrentHashMap<>();
    private final ArrayDeque<Long> completedInOrder = new ArrayDeque<>();
    private final Map<ClientOrderKey, Long> byClientOrderId = new ConcurrentHashMap<>();

    /** An account's client order ID. */
    private record ClientOrderKey(long accountId, String clientOrderId)
    {
    }

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
        if (previous == null)
        {
            indexClientOrderId(view);
        }
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
                final OrderView forgotten = views.remove(completedInOrder.pollFirst());
                if (forgotten.clientOrderId() != null)
                {
                    byClientOrderId.remove(new ClientOrderKey(forgotten.accountId(), forgotten.clientOrderId()),
                        forgotten.orderId());
                }
            }
        }
    }

    private void indexClientOrderId(final OrderView view)
    {
        if (view.clientOrderId() != null)
        {
            byClientOrderId.put(new ClientOrderKey(view.accountId(), view.clientOrderId()), view.orderId());
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
        out.writeInt(byClientOrderId.size());
        for (final Map.Entry<ClientOrderKey, Long> entry : byClientOrderId.entrySet())
        {
            out.writeLong(entry.getKey().accountId());
            out.writeUTF(entry.getKey().clientOrderId());
            out.writeLong(entry.getValue());
        }
    }

    /** Restores an empty store from {@link #writeSnapshot} (of format 3, or of an older one without client IDs). */
    void readSnapshot(final DataInput in, final boolean withClientOrderIds) throws IOException
    {
        final int completed = SnapshotFields.readCount(in, maxCompletedOrders);
        for (int i = 0; i < completed; i++)
        {
            final OrderView view = SnapshotFields.readOrderView(in, withClientOrderIds);
            views.put(view.orderId(), view);
            completedInOrder.addLast(view.orderId());
        }
        final int open = SnapshotFields.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < open; i++)
        {
            update(SnapshotFields.readOrderView(in, withClientOrderIds));
        }
        byClientOrderId.clear();
        final int indexed = withClientOrderIds ? SnapshotFields.readCount(in, views.size()) : 0;
        for (int i = 0; i < indexed; i++)
        {
            final ClientOrderKey key = new ClientOrderKey(in.readLong(), in.readUTF());
            final long orderId = in.readLong();
            final OrderView view = views.get(orderId);
            if (view == null || view.accountId() != key.accountId() || !key.clientOrderId().equals(view.clientOrderId()))
            {
                throw new IOException("the read model snapshot indexes client order ID of an order it does not hold");
            }
            byClientOrderId.put(key, orderId);
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
     * @param accountId     the owner.
     * @param clientOrderId the client order ID.
     * @return the latest view of the newest order the account placed with the ID, or null when there is none or it
     * was forgotten.
     */
    public OrderView orderByClientOrderId(final long accountId, final String clientOrderId)
    {
        final Long orderId = byClientOrderId.get(new ClientOrderKey(accountId, clientOrderId));
        return orderId == null ? null : views.get(orderId);
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
