package dev.bourse.engine.event;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * An immutable list of order IDs held in one primitive array: what a cancel-all answers, built without a boxed
 * {@code Long} or any other object per order.
 */
public final class OrderIdList
{
    /** No order. */
    public static final OrderIdList EMPTY = new OrderIdList(new long[0]);

    private final long[] ids;

    private OrderIdList(final long[] ids)
    {
        this.ids = ids;
    }

    /**
     * @param ids the IDs; the list takes the array over, so the caller must never change it afterwards.
     * @return the list of exactly these IDs.
     */
    public static OrderIdList wrap(final long[] ids)
    {
        return ids.length == 0 ? EMPTY : new OrderIdList(ids);
    }

    /**
     * @param ids  the IDs in their first {@code size} slots; the list takes the array over when it is full, else
     *             copies those slots.
     * @param size how many of the slots hold IDs.
     * @return the list of those IDs.
     */
    public static OrderIdList wrap(final long[] ids, final int size)
    {
        return wrap(size == ids.length ? ids : Arrays.copyOf(ids, size));
    }

    /** @return a list of copies of the IDs (for tests and tools). */
    public static OrderIdList of(final long... ids)
    {
        return wrap(ids.clone());
    }

    /** @return the number of IDs. */
    public int size()
    {
        return ids.length;
    }

    /** @return whether there is no ID. */
    public boolean isEmpty()
    {
        return ids.length == 0;
    }

    /** @return the ID at the index. */
    public long get(final int index)
    {
        return ids[index];
    }

    /** Gives every ID to the consumer, in order. */
    public void forEach(final LongConsumer consumer)
    {
        for (final long id : ids)
        {
            consumer.accept(id);
        }
    }

    /** @return the IDs boxed in a new list (allocates; for tests and tools, not hot paths). */
    public List<Long> toList()
    {
        return Arrays.stream(ids).boxed().toList();
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof OrderIdList list && Arrays.equals(ids, list.ids);
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString()
    {
        return Arrays.toString(ids);
    }
}
