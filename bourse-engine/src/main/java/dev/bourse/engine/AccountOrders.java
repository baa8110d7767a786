package dev.bourse.engine;

import java.util.Arrays;

/**
 * The open orders of one account on one pair, ascending by ID: the index that makes cancel-all cost the caller's
 * orders and nothing else. They are kept in an array with holes, each order knowing its slot: an order leaves by
 * emptying its slot, without touching any other order, and a cancel-all walks one array (the loads of its orders do
 * not wait on each other as they would along a linked list). Holes are squeezed out, in order, when the array is full
 * or when they outnumber the orders by far.
 */
final class AccountOrders
{
    private static final int INITIAL_CAPACITY = 8;
    /** Holes allowed beyond as many as there are orders. */
    private static final int SLACK = 32;
    /** The array halves when it is this many times the orders it holds (rarely: each halving copies it). */
    private static final int SHRINK_FACTOR = 8;

    private Order[] slots = new Order[INITIAL_CAPACITY];
    private int end;
    /** The orders in the list. */
    int count;

    void append(final Order order)
    {
        if (end == slots.length)
        {
            makeRoom();
        }
        order.accountSlot = end;
        slots[end++] = order;
        count++;
    }

    void remove(final Order order)
    {
        vacate(order.accountSlot);
        order.accountSlot = -1;
        squeezeIfSparse();
    }

    /** @return the slots in use, holes included: the orders are at slots 0 to end - 1. */
    int end()
    {
        return end;
    }

    /** @return the order in the slot, or null for a hole. */
    Order at(final int slot)
    {
        return slots[slot];
    }

    /**
     * Empties an order's slot (the order keeps its last slot number: a cancel-all takes it out for good); the caller
     * squeezes when it is done removing ({@link #squeezeIfSparse()}).
     */
    void vacate(final int slot)
    {
        slots[slot] = null;
        count--;
    }

    /** Squeezes the holes out when they outnumber the orders by far. */
    void squeezeIfSparse()
    {
        if (count == 0)
        {
            end = 0;
        }
        else if (end - count > count + SLACK)
        {
            squeeze();
        }
    }

    /** Drops every order from the list at once (a cancel-all of them all). */
    void clear()
    {
        Arrays.fill(slots, 0, end, null);
        end = 0;
        count = 0;
    }

    private void makeRoom()
    {
        if (count <= end / 2)
        {
            squeeze();
        }
        else
        {
            slots = Arrays.copyOf(slots, slots.length * 2);
        }
    }

    private void squeeze()
    {
        int to = 0;
        for (int from = 0; from < end; from++)
        {
            final Order order = slots[from];
            if (order != null)
            {
                order.accountSlot = to;
                slots[to++] = order;
            }
        }
        Arrays.fill(slots, to, end, null);
        end = to;
        if (slots.length >= SHRINK_FACTOR * Math.max(INITIAL_CAPACITY, end))
        {
            slots = Arrays.copyOf(slots, slots.length / 2);
        }
    }
}
