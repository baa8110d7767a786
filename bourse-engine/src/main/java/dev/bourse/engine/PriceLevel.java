package dev.bourse.engine;

/**
 * The orders at one price of one side, oldest first, linked through the orders themselves. A single order leaves by
 * being unlinked from its neighbours. The orders of a cancel-all leave without touching their level or their
 * neighbours (other orders, often other accounts' and in no cache): the sweep of retired orders (see
 * {@link RetiredOrders}) only clears an order's level, and the order stays linked, dead, and counted in
 * {@link #orderCount} (and its side's and pair's counts) until an operation on the level meets it and settles it
 * ({@link BookSide#settleWithdrawn}): an order appended behind it (dead orders at the tail, where a quote refreshed by
 * cancel-all leaves them, go then, while they are likely still in a cache), the head moving past it, or a walk of the
 * level. A level walks its orders when an append or a removal finds it counting more than twice what it counted at
 * its last walk, plus {@link #WALK_SLACK}: its count grows only by appends, so at least half of what it counts was
 * appended since the last walk, and a walk costs a few touches per order appended. So a level holds at most about
 * twice the orders it held at its last walk, however its head stays and whatever cancel-alls leave behind.
 * <p>
 * The head is a live order or a dead one (or null): whoever reads the head other than through {@link #first} drops
 * the dead ones at it first ({@link #dropDeadHead}).
 */
final class PriceLevel
{
    /** Orders a level may count beyond twice what it counted at its last walk before it walks itself again. */
    static final int WALK_SLACK = 64;

    final long price;
    /** The side holding the level. */
    private final BookSide side;
    /** The oldest live order, or a dead one before it, or null when none is left. */
    Order head;
    private Order tail;
    /** The orders linked: live ones, and dead ones not yet settled. */
    int orderCount;
    /** {@link #orderCount} after the level last walked its orders, when it counted only live ones. */
    private int countAtLastWalk;
    /** The next better and next worse level of the side, in priority order (see {@link BookSide}). */
    PriceLevel better;
    PriceLevel worse;
    /**
     * The next worse level among those at least as tall, for each height above the first (see {@link BookSide}); null
     * for a level of height 1.
     */
    PriceLevel[] skips;

    PriceLevel(final long price, final BookSide side)
    {
        this.price = price;
        this.side = side;
    }

    void append(final Order order)
    {
        while (tail != null && tail.level != this)
        {
            settle(tail);
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
        unlinkDeadIfGrown();
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
            unlinkDeadIfGrown();
        }
    }

    /** @return the oldest live order, or null: passes over dead orders at the head without settling them. */
    Order first()
    {
        final Order first = head;
        return first == null || first.level == this ? first : next(first);
    }

    /** Settles the dead orders at the head, up to the first live one. */
    void dropDeadHead()
    {
        while (head != null && head.level != this)
        {
            settle(head);
        }
    }

    /** @return the live order after this one, in priority order, or null. */
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

    /** Unlinks the head, which has just left, and settles the dead orders behind it, up to the next live order. */
    private void advanceHead()
    {
        Order next = head.next;
        unlink(head);
        while (next != null && next.level != this)
        {
            final Order dead = next;
            next = next.next;
            settle(dead);
        }
        head = next;
    }

    private void unlinkDeadIfGrown()
    {
        if (orderCount > 2 * countAtLastWalk + WALK_SLACK)
        {
            unlinkDead();
        }
    }

    private void unlinkDead()
    {
        long linksLeft = orderCount;
        for (Order order = head; order != null; )
        {
            if (--linksLeft < 0)
            {
                throw new IllegalStateException("level " + price + " does not end");
            }
            final Order next = order.next;
            if (order.level != this)
            {
                settle(order);
            }
            order = next;
        }
        countAtLastWalk = orderCount;
    }

    /** Unlinks a dead order and takes it out of the counts it was still in. */
    private void settle(final Order dead)
    {
        unlink(dead);
        orderCount--;
        side.settleWithdrawn();
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
