package dev.bourse.engine;

/**
 * The orders at one price of one side, oldest first, linked through the orders themselves: an order joins at the tail
 * and leaves by being unlinked from its neighbours, whoever takes it out (a fill, a cancel, a cancel-all, a trigger),
 * in the command that takes it out. No order is ever left in a level after it has been cancelled, so every reader of a
 * level meets live orders only.
 */
final class PriceLevel
{
    final long price;
    /** The oldest order, or null when the level is empty. */
    private Order head;
    private Order tail;
    /** The orders in the level. */
    int orderCount;
    /** The next better and next worse level of the side, in priority order (see {@link BookSide}). */
    PriceLevel better;
    PriceLevel worse;
    /**
     * The next worse level among those at least as tall, for each height above the first (see {@link BookSide}); null
     * for a level of height 1.
     */
    PriceLevel[] skips;

    PriceLevel(final long price)
    {
        this.price = price;
    }

    void append(final Order order)
    {
        order.level = this;
        order.prev = tail;
        order.next = null;
        if (tail == null)
        {
            head = order;
        }
        else
        {
            tail.next = order;
        }
        tail = order;
        orderCount++;
    }

    /** Takes an order of the level out and unlinks it from its neighbours. */
    void remove(final Order order)
    {
        if (order.level != this)
        {
            throw new IllegalStateException("order " + order.id + " is not in level " + price);
        }
        final Order prev = order.prev;
        final Order next = order.next;
        if (prev == null)
        {
            head = next;
        }
        else
        {
            prev.next = next;
        }
        if (next == null)
        {
            tail = prev;
        }
        else
        {
            next.prev = prev;
        }
        order.level = null;
        order.prev = null;
        order.next = null;
        orderCount--;
    }

    /** @return the oldest order, or null when the level is empty. */
    Order first()
    {
        return head;
    }

    /** @return the order after this one, in time priority, or null. */
    Order next(final Order order)
    {
        return order.next;
    }

    boolean isEmpty()
    {
        return head == null;
    }
}
