package dev.bourse.engine;

/**
 * The orders at one price of one side, oldest first, linked forward through the orders themselves. An order that
 * leaves from behind the head (a cancel) is only marked dead (its level is cleared) and stays linked, so that taking it
 * out touches neither of its neighbours, which are other orders, often other accounts' and not in any cache; dead
 * orders are dropped when the head moves past them, and all at once when they outnumber the live ones by far, so a
 * level never holds more than about twice its live orders. The head is always a live order (or null).
 */
final class PriceLevel
{
    /** Dead orders a level may hold beyond twice its live ones before it drops them all. */
    private static final int SLACK = 16;

    final long price;
    /** The oldest live order, or null when none is left. */
    Order head;
    private Order tail;
    /** The live orders' remaining quantity. */
    long quantity;
    /** Live orders. */
    int orderCount;
    private int deadCount;

    PriceLevel(final long price)
    {
        this.price = price;
    }

    void append(final Order order)
    {
        order.level = this;
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
        quantity += order.remain();
        orderCount++;
    }

    /** Takes a live order out: the head at once, any other by marking it dead. */
    void remove(final Order order)
    {
        quantity -= order.remain();
        orderCount--;
        order.level = null;
        if (order == head)
        {
            Order next = order.next;
            while (next != null && next.level != this)
            {
                next = next.next;
                deadCount--;
            }
            head = next;
            if (next == null)
            {
                tail = null;
                deadCount = 0;
            }
        }
        else if (++deadCount > 2 * orderCount + SLACK)
        {
            dropDead();
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

    private void dropDead()
    {
        Order last = head;
        long linksLeft = (long)orderCount + deadCount;
        for (Order order = head.next; order != null; order = order.next)
        {
            if (--linksLeft < 0)
            {
                throw new IllegalStateException("level " + price + " does not end");
            }
            if (order.level == this)
            {
                last.next = order;
                last = order;
            }
        }
        last.next = null;
        tail = last;
        deadCount = 0;
    }
}
