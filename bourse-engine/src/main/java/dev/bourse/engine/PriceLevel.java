package dev.bourse.engine;

/** The orders at one price of one side, oldest first, linked through the orders themselves. */
final class PriceLevel
{
    final long price;
    Order head;
    Order tail;
    long quantity;
    int orderCount;

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
        quantity += order.remain;
        orderCount++;
    }

    void unlink(final Order order)
    {
        if (order.prev == null)
        {
            head = order.next;
        }
        else
        {
            order.prev.next = order.next;
        }
        if (order.next == null)
        {
            tail = order.prev;
        }
        else
        {
            order.next.prev = order.prev;
        }
        quantity -= order.remain;
        orderCount--;
        order.level = null;
        order.prev = null;
        order.next = null;
    }

    boolean isEmpty()
    {
        return head == null;
    }
}
