package dev.bourse.server.readmodel;

import dev.bourse.engine.event.OrderView;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.agrona.collections.LongArrayQueue;

/**
 * Read model of orders: the latest view of every open order and of the most recently completed ones (which the
 * engine forgets), each account's open orders newest first, and each account's orders by client order ID (the newest
 * order placed with the ID, for as long as its view is in memory). At most {@code maxCompletedOrders} completed orders
 * are kept in memory; the oldest completions are let go first (the durable history keeps them, see
 * {@link HistoryWindow}). Written by the projection thread only, read by any (an account's open orders are an
 * {@link OpenOrders}).
 */
public final class OrderStore
{
    private final int maxCompletedOrders;
    private final HistoryWindow window;
    private final Map<Long, OrderView> views = new ConcurrentHashMap<>();
    private final Map<Long, OpenOrders> openByAccount = new ConcurrentHashMap<>();
    private final LongArrayQueue completedInOrder = new LongArrayQueue();
    private final LongArrayQueue completionSequences = new LongArrayQueue();
    private final Map<ClientOrderKey, Long> byClientOrderId = new ConcurrentHashMap<>();

    /** An account's client order ID. */
    private record ClientOrderKey(long accountId, String clientOrderId)
    {
    }

    /**
     * @param maxCompletedOrders how many completed orders are kept in memory.
     * @param window             told the completion sequence of every completed order let go.
     */
    public OrderStore(final int maxCompletedOrders, final HistoryWindow window)
    {
        if (maxCompletedOrders <= 0)
        {
            throw new IllegalArgumentException("maxCompletedOrders must be positive");
        }
        this.maxCompletedOrders = maxCompletedOrders;
        this.window = window;
    }

    /** Takes the view an order has after the command {@code sequence}. */
    void update(final OrderView view, final long sequence)
    {
        final OrderView previous = views.put(view.orderId(), view);
        if (previous == null && view.clientOrderId() != null)
        {
            byClientOrderId.merge(new ClientOrderKey(view.accountId(), view.clientOrderId()), view.orderId(), Math::max);
        }
        final OpenOrders open = openByAccount.computeIfAbsent(view.accountId(), id -> new OpenOrders());
        if (view.status().isOpen())
        {
            open.put(view);
            return;
        }
        open.remove(view.orderId());
        if (previous == null || previous.status().isOpen())
        {
            completedInOrder.addLong(view.orderId());
            completionSequences.addLong(sequence);
            while (completedInOrder.size() > maxCompletedOrders)
            {
                window.evicted(completionSequences.pollLong());
                final OrderView letGo = views.remove(completedInOrder.pollLong());
                if (letGo.clientOrderId() != null)
                {
                    byClientOrderId.remove(new ClientOrderKey(letGo.accountId(), letGo.clientOrderId()),
                        letGo.orderId());
                }
            }
        }
    }

    /**
     * Writes the completed orders in completion order, each with its completion sequence, then the open ones; the
     * writer thread only.
     */
    void writeSnapshot(final DataOutput out) throws IOException
    {
        out.writeInt(completedInOrder.size());
        for (int i = 0; i < completedInOrder.size(); i++)
        {
            final long orderId = completedInOrder.pollLong();
            final long sequence = completionSequences.pollLong();
            out.writeLong(sequence);
            SnapshotFields.writeOrderView(out, views.get(orderId));
            completedInOrder.addLong(orderId);
            completionSequences.addLong(sequence);
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

    /**
     * Restores an empty store from {@link #writeSnapshot}; completed orders beyond this store's bound are let go, the
     * open orders are taken in order ID order (the order they were placed in, which {@link OpenOrders} appends
     * cheaply), and the index by client order ID is rebuilt from the views.
     *
     * @param format           the read model snapshot's format; before 3, completions have no sequence and take
     *                         the snapshot's, and views have no client order ID.
     * @param snapshotSequence the sequence the snapshot was taken at.
     */
    void readSnapshot(final DataInput in, final int format, final long snapshotSequence) throws IOException
    {
        final boolean current = format >= ReadModel.SNAPSHOT_VERSION_WITH_SEQUENCES;
        final int completed = SnapshotFields.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < completed; i++)
        {
            final long sequence = current ? in.readLong() : snapshotSequence;
            update(SnapshotFields.readOrderView(in, current), sequence);
        }
        final int openCount = SnapshotFields.readCount(in, Integer.MAX_VALUE);
        final List<OrderView> open = new ArrayList<>(Math.min(openCount, 1 << 20));
        for (int i = 0; i < openCount; i++)
        {
            open.add(SnapshotFields.readOrderView(in, current));
        }
        open.sort(Comparator.comparingLong(OrderView::orderId));
        for (final OrderView view : open)
        {
            update(view, snapshotSequence);
        }
    }

    /** Gives every open order to the consumer; the writer thread only (or the owner of a store no thread writes). */
    public void forEachOpen(final Consumer<OrderView> consumer)
    {
        for (final OpenOrders open : openByAccount.values())
        {
            open.forEachNewestFirst(consumer);
        }
    }

    /** @return the latest view of the order, or null when it is unknown or no longer in memory. */
    public OrderView order(final long orderId)
    {
        return views.get(orderId);
    }

    /**
     * @param accountId     the owner.
     * @param clientOrderId the client order ID.
     * @return the latest view of the newest order the account placed with the ID, or null when there is none or it is
     * no longer in memory.
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
        final OpenOrders open = openByAccount.get(accountId);
        final List<OrderView> result = new ArrayList<>();
        if (open != null)
        {
            open.newestFirst(filter, max, result);
        }
        return result;
    }
}
