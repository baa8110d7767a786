package dev.bourse.engine;

import java.util.ArrayDeque;

/**
 * Orders a cancel-all has cancelled but not yet withdrawn from the open-order index. A cancel-all takes its orders out
 * of the account's list and releases their reserve at once, in its own command, without reading them (so it costs a
 * copy of their IDs, however scattered the orders are in memory); from then on they are retired: cancelled in every
 * respect that can be observed, since every reader of the book and the index passes over them. Each is withdrawn by
 * whatever reaches it first: matching or a read that finds it at the top of a side (which takes it out of its level
 * there and then), or the sweep that every command starts with, which withdraws at most
 * {@link #WITHDRAWALS_PER_COMMAND} of them in the order they were retired. The sweep reads nothing of an order: it
 * takes it out of the index and clears its level, and the order's level, side and pair keep counting it until an
 * operation on the level meets it (see {@link PriceLevel}): a withdrawal costs the order's index slot and one write
 * to the order, not the order's level in no cache. Withdrawing changes nothing that can be observed (no event, no
 * balance, no answer), so when it happens does not matter to determinism.
 */
final class RetiredOrders
{
    /** Retired orders the sweep at the start of each command withdraws at most. */
    static final int WITHDRAWALS_PER_COMMAND = 32;

    private final OrderIndex index;
    /** The ID arrays of the cancel-alls with orders still to sweep, oldest first. */
    private final ArrayDeque<Batch> batches = new ArrayDeque<>();
    /** How far the sweep is into the oldest batch. */
    private int position;
    /** Retired orders not yet withdrawn. */
    private int count;

    RetiredOrders(final OrderIndex index)
    {
        this.index = index;
    }

    /**
     * Retires the orders a cancel-all has just taken out of their accounts' lists (the array is the answer's and is
     * only read).
     */
    void retire(final long[] ids, final int size)
    {
        if (size > 0)
        {
            batches.addLast(new Batch(ids, size));
            count += size;
        }
    }

    /** @return whether the order is retired: still in the book and the index, but out of its account's list. */
    boolean isRetired(final Order order)
    {
        if (count == 0 || order.accountSlot < 0)
        {
            return false;
        }
        final AccountOrders orders = order.account.openOrders(order.pair());
        return orders == null || !orders.holds(order);
    }

    /** Takes a retired order the reader has met at the top of a side out of the index and its level. */
    void withdraw(final Order order)
    {
        index.remove(order);
        final Pair pair = order.pair();
        pair.sideOf(order).remove(order);
        order.accountSlot = -1;
        pair.retiredOrders--;
        count--;
    }

    /**
     * Withdraws up to {@code limit} retired orders, oldest first: each leaves the index and its level is cleared; the
     * level settles it later (see {@link PriceLevel}).
     */
    void sweep(final int limit)
    {
        int left = limit;
        while (left > 0 && !batches.isEmpty())
        {
            final Batch batch = batches.peekFirst();
            while (left > 0 && position < batch.size)
            {
                final Order order = index.remove(batch.ids[position++]);
                if (order != null)
                {
                    order.level = null;
                    count--;
                    left--;
                }
            }
            if (position == batch.size)
            {
                batches.removeFirst();
                position = 0;
            }
        }
    }

    /** @return the retired orders not yet withdrawn. */
    int count()
    {
        return count;
    }

    private record Batch(long[] ids, int size)
    {
    }
}
