package dev.bourse.engine;

/**
 * The orders at one price of one side, oldest first, linked through the orders themselves. A single order leaves by
 * being unlinked from its neighbours. A cancel-all takes its orders out without touching their neighbours (other
 * orders, often other accounts' and in no cache): each is only marked dead (its level is cleared) and stays linked
 * until an order is appended behind it (dead orders at the tail, where a quote refreshed by cancel-all leaves them, go
 * then, while they are likely still in a cache), the head moves past it, or an append or a single removal finds the
 * dead outnumbering the live by far and unlinks them all. So a level holds at most about twice its live orders once
 * anything but a cancel-all has touched it, and a cancel-all leaves behind at most what the level held before it.
 * The head is always a live order (or null).
 */
final class PriceLevel
{
    /** Dead orders a level may hold beyond twice its live ones before it unlinks them all. */
    private static final int SLACK = 16;

    final long price;
    /** The oldest live order, or null when none is left. */
    Order head;
    private Order tail;
    /** Live orders. */
    int orderCount;
    private int deadCount;
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
        while (tail != null && tail.level != this)
        {
            unlink(tail);
            deadCount--;
        }
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
        unlinkDeadIfMany();
    }

    /** Takes a live order out and unlinks it from its neighbours. */
    void remove(final Order order)
    {
        orderCount--;
        order.level = null;
        if (order == head)
        {
            advanceHead();
        }
        else
        {
            unlink(order);
        }
        if (head != null)
        {
            unlinkDeadIfMany();
        }
    }

    /**
     * Takes a live order out without touching its neighbours: it stays linked, dead (a cancel-all, which thus costs its
     * own orders only; the dead are unlinked by the operations that touch the level next).
     */
    void removeLazily(final Order order)
    {
        orderCount--;
        order.level = null;
        if (order == head)
        {
            advanceHead();
        }
        else
        {
            deadCount++;
        }
    }

    /** @return the live order after this live one, in priority order, or null. */
    Order next(final Order order)
    {
        Order next = order.next;
        while (next != null && next.level != this)
        {
            next = next.next;
        }
        return next;
    }

    boolean isEmpty()
    {
        return head == null;
    }

    /** Unlinks the head, which has just left, and the dead orders behind it, up to the next live order. */
    private void advanceHead()
    {
        Order next = head.next;
        unlink(head);
        while (next != null && next.level != this)
        {
            final Order dead = next;
            next = next.next;
            unlink(dead);
            deadCount--;
        }
        head = next;
    }

    private void unlinkDeadIfMany()
    {
        if (deadCount > 2 * orderCount + SLACK)
        {
            unlinkDead();
        }
    }

    private void unlinkDead()
    {
        long linksLeft = (long)orderCount + deadCount;
        for (Order order = head.next; order != null; )
        {
            if (--linksLeft < 0)
            {
                throw new IllegalStateException("level " + price + " does not end");
            }
            final Order next = order.next;
            if (order.level != this)
            {
                unlink(order);
            }
            order = next;
        }
        deadCount = 0;
    }

    private void unlink(final Order order)
    {
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
        order.prev = null;
        order.next = null;
    }
}
