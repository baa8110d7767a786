package dev.bourse.engine;

/**
 * The open orders of one account on one pair, ascending by ID, linked through the orders: the index that makes
 * cancel-all cost the caller's orders and nothing else.
 */
final class AccountOrders
{
    Order head;
    Order tail;
    int count;

    void append(final Order order)
    {
        order.accountPrev = tail;
        order.accountNext = null;
        if (tail == null)
        {
            head = order;
        }
        else
        {
            tail.accountNext = order;
        }
        tail = order;
        count++;
    }

    void unlink(final Order order)
    {
        if (order.accountPrev == null)
        {
            head = order.accountNext;
        }
        else
        {
            order.accountPrev.accountNext = order.accountNext;
        }
        if (order.accountNext == null)
        {
            tail = order.accountPrev;
        }
        else
        {
            order.accountNext.accountPrev = order.accountPrev;
        }
        order.accountPrev = null;
        order.accountNext = null;
        count--;
    }
}
