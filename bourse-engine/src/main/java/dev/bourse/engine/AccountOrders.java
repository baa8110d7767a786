package dev.bourse.engine;

import java.util.Arrays;

/**
 * The open orders of one account on one pair, ascending by ID, and the reserve they hold per side: the index that
 * makes cancel-all cost the caller's orders and nothing else. Each order is an entry of one {@code long} (its ID and
 * side) in an array with holes, and knows its slot: an order leaves by emptying its slot, and a cancel-all copies the
 * IDs out of the array and takes the reserve sums, reading nothing of the orders themselves. An order is in the list
 * exactly when its slot holds its entry. The entries in use run from a start to an end: an order leaving from the start
 * moves the start past it and the holes after it, so that orders cancelled oldest first leave no holes behind. Other
 * holes are squeezed out, in order, when the array is full or when they outnumber the orders by far; squeezing finds
 * the orders it moves through the open-order index, to tell them their new slots.
 */
final class AccountOrders
{
    private static final int INITIAL_CAPACITY = 8;
    /** Holes allowed beyond as many as there are orders. */
    private static final int SLACK = 32;
    /** The array halves when it is this many times the orders it holds (rarely: each halving copies it). */
    private static final int SHRINK_FACTOR = 8;
    private static final long HOLE = 0;

    private long[] entries = new long[INITIAL_CAPACITY];
    private int start;
    private int end;
    private long buyReserve;
    private long sellReserve;
    /** The orders in the list. */
    int count;

    /** Appends an order (its ID above every ID in the list) with its reserve; the index must hold it already. */
    void append(final Order order, final OrderIndex index)
    {
        if (end == entries.length)
        {
            makeRoom(index);
        }
        order.accountSlot = end;
        entries[end++] = entry(order.id, order.side());
        count++;
        reserveChanged(order.side(), order.reserveRemaining);
    }

    /** Takes an order of the list out, with what remains of its reserve. */
    void remove(final Order order, final OrderIndex index)
    {
        if (!holds(order))
        {
            throw new IllegalStateException("order " + order.id + " is not in its account's list");
        }
        final int slot = order.accountSlot;
        entries[slot] = HOLE;
        count--;
        reserveChanged(order.side(), -order.reserveRemaining);
        order.accountSlot = -1;
        if (slot == start)
        {
            while (start < end && entries[start] == HOLE)
            {
                start++;
            }
        }
        squeezeIfSparse(index);
    }

    /** @return whether the order is in the list: a cancel-all has not taken it out. */
    boolean holds(final Order order)
    {
        final int slot = order.accountSlot;
        return slot >= start && slot < end && entries[slot] == entry(order.id, order.side());
    }

    /** Adds to (or, negative, takes from) the reserve the list's orders of the side hold. */
    void reserveChanged(final Side side, final long amount)
    {
        if (side == Side.BUY)
        {
            buyReserve = Math.addExact(buyReserve, amount);
        }
        else
        {
            sellReserve = Math.addExact(sellReserve, amount);
        }
    }

    /** @return the reserve the list's orders of the side hold (BUY: in the pair's market, SELL: in its currency). */
    long reserve(final Side side)
    {
        return side == Side.BUY ? buyReserve : sellReserve;
    }

    /**
     * Takes every order of the side (null: both) out of the list at once, with their reserve, without reading the
     * orders: their IDs go into {@code ids} ascending from {@code filled}.
     *
     * @return the IDs filled in so far.
     */
    int takeAll(final Side side, final long[] ids, final int filled, final OrderIndex index)
    {
        int taken = filled;
        if (side == null)
        {
            for (int slot = start; slot < end; slot++)
            {
                final long entry = entries[slot];
                if (entry != HOLE)
                {
                    ids[taken++] = entry >>> 1;
                }
            }
            Arrays.fill(entries, start, end, HOLE);
            start = 0;
            end = 0;
            count = 0;
            buyReserve = 0;
            sellReserve = 0;
            return taken;
        }
        final long sideBit = sideBit(side);
        for (int slot = start; slot < end; slot++)
        {
            final long entry = entries[slot];
            if (entry != HOLE && (entry & 1) == sideBit)
            {
                ids[taken++] = entry >>> 1;
                entries[slot] = HOLE;
            }
        }
        count -= taken - filled;
        reserveChanged(side, -reserve(side));
        squeezeIfSparse(index);
        return taken;
    }

    /** @return the first slot in use: the orders are at slots start to end - 1, with holes between them. */
    int start()
    {
        return start;
    }

    /** @return the slot after the last one in use. */
    int end()
    {
        return end;
    }

    /** @return the ID of the order in the slot, or 0 for a hole. */
    long idAt(final int slot)
    {
        return entries[slot] >>> 1;
    }

    private void squeezeIfSparse(final OrderIndex index)
    {
        if (count == 0)
        {
            start = 0;
            end = 0;
        }
        else if (end - start - count > count + SLACK)
        {
            squeeze(index);
        }
    }

    private void makeRoom(final OrderIndex index)
    {
        if (count <= end / 2)
        {
            squeeze(index);
        }
        else
        {
            entries = Arrays.copyOf(entries, entries.length * 2);
        }
    }

    private void squeeze(final OrderIndex index)
    {
        int to = 0;
        for (int from = start; from < end; from++)
        {
            final long entry = entries[from];
            if (entry != HOLE)
            {
                if (from != to)
                {
                    index.get(entry >>> 1).accountSlot = to;
                }
                entries[to++] = entry;
            }
        }
        Arrays.fill(entries, to, end, HOLE);
        start = 0;
        end = to;
        if (entries.length >= SHRINK_FACTOR * Math.max(INITIAL_CAPACITY, end))
        {
            entries = Arrays.copyOf(entries, entries.length / 2);
        }
    }

    private static long entry(final long orderId, final Side side)
    {
        return orderId << 1 | sideBit(side);
    }

    private static long sideBit(final Side side)
    {
        return side == Side.SELL ? 1 : 0;
    }
}
