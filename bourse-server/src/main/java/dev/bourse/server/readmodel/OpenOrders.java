package dev.bourse.server.readmodel;

import dev.bourse.engine.event.OrderView;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One account's open orders by order ID, written by one thread and read by any without a lock: parallel arrays of
 * order IDs (ascending) and views. Order IDs grow, so a new order is appended; a changed order's view is replaced in
 * its slot; a completed order leaves a hole (a null view) until an append finds the arrays full, when a compacted
 * copy (twice the orders left, at least {@link #FIRST_CAPACITY}) replaces them, as it does once fewer than a quarter
 * of the slots in use hold an order. An order ID below the newest goes in its place in a copy too. The arrays a
 * reader holds are only ever appended to past the size it read, or have a slot replaced or emptied: it sees each
 * order's view as it was at some moment while it read.
 */
final class OpenOrders
{
    private static final int FIRST_CAPACITY = 4;
    private static final VarHandle SIZE;

    static
    {
        try
        {
            SIZE = MethodHandles.lookup().findVarHandle(Slots.class, "size", int.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private static final class Slots
    {
        private final long[] orderIds;
        private final OrderView[] views;
        /** Slots in use (holes included): stored with release after the slot is written, read with acquire. */
        private int size;

        private Slots(final int capacity)
        {
            orderIds = new long[capacity];
            views = new OrderView[capacity];
        }
    }

    private volatile Slots slots = new Slots(FIRST_CAPACITY);
    private int count;

    /** Takes an open order's view; the writer thread only. */
    void put(final OrderView view)
    {
        final Slots current = slots;
        final int size = current.size;
        final long orderId = view.orderId();
        if (size == 0 || orderId > current.orderIds[size - 1])
        {
            final Slots target = size < current.orderIds.length ? current : compacted(current, count + 1);
            final int at = target.size;
            target.orderIds[at] = orderId;
            target.views[at] = view;
            SIZE.setRelease(target, at + 1);
            if (target != current)
            {
                slots = target;
            }
            count++;
            return;
        }
        final int index = indexOf(current, orderId);
        if (index >= 0)
        {
            if (current.views[index] == null)
            {
                count++;
            }
            current.views[index] = view;
            return;
        }
        insertInCopy(current, -index - 1, view);
    }

    /** Lets an order go, if it is here; the writer thread only. */
    void remove(final long orderId)
    {
        final Slots current = slots;
        final int index = indexOf(current, orderId);
        if (index >= 0 && current.views[index] != null)
        {
            current.views[index] = null;
            count--;
            if (count < current.size / 4)
            {
                slots = compacted(current, count);
            }
        }
    }

    private static int indexOf(final Slots slots, final long orderId)
    {
        int low = 0;
        int high = slots.size - 1;
        while (low <= high)
        {
            final int middle = (low + high) >>> 1;
            final long id = slots.orderIds[middle];
            if (id < orderId)
            {
                low = middle + 1;
            }
            else if (id > orderId)
            {
                high = middle - 1;
            }
            else
            {
                return middle;
            }
        }
        return -low - 1;
    }

    /** @return a copy of the orders, holes left out, with room for twice {@code orders}. */
    private static Slots compacted(final Slots from, final int orders)
    {
        final Slots copy = new Slots(Math.max(FIRST_CAPACITY, 2 * orders));
        int at = 0;
        for (int i = 0; i < from.size; i++)
        {
            if (from.views[i] != null)
            {
                copy.orderIds[at] = from.orderIds[i];
                copy.views[at] = from.views[i];
                at++;
            }
        }
        SIZE.setRelease(copy, at);
        return copy;
    }

    private void insertInCopy(final Slots current, final int place, final OrderView view)
    {
        final Slots copy = new Slots(Math.max(FIRST_CAPACITY, 2 * (count + 1)));
        int at = 0;
        for (int i = 0; i <= current.size; i++)
        {
            if (i == place)
            {
                copy.orderIds[at] = view.orderId();
                copy.views[at] = view;
                at++;
            }
            if (i < current.size && current.views[i] != null)
            {
                copy.orderIds[at] = current.orderIds[i];
                copy.views[at] = current.views[i];
                at++;
            }
        }
        SIZE.setRelease(copy, at);
        slots = copy;
        count++;
    }

    /** Gives every order, newest first, to the consumer; the writer thread only. */
    void forEachNewestFirst(final Consumer<OrderView> consumer)
    {
        final Slots current = slots;
        for (int i = current.size - 1; i >= 0; i--)
        {
            final OrderView view = current.views[i];
            if (view != null)
            {
                consumer.accept(view);
            }
        }
    }

    /** Adds the orders that pass the filter, newest first, until the list holds {@code max}; any thread. */
    void newestFirst(final Predicate<OrderView> filter, final int max, final List<OrderView> into)
    {
        final Slots current = slots;
        for (int i = (int)SIZE.getAcquire(current) - 1; i >= 0 && into.size() < max; i--)
        {
            final OrderView view = current.views[i];
            if (view != null && filter.test(view))
            {
                into.add(view);
            }
        }
    }
}
