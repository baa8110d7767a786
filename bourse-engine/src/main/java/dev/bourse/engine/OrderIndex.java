package dev.bourse.engine;

import org.agrona.collections.Long2ObjectHashMap;

import java.util.function.Consumer;

/**
 * The open orders by ID. Order IDs come from a sequence, so the index is a set of small pages of consecutive IDs
 * found by page number: adding, finding and removing an order touch one slot next to those of the orders placed
 * just before and after it, and cancelling an account's orders (ascending IDs) walks the pages in order. A page is
 * dropped when its last order leaves, so memory follows the open orders, at most one page per open order.
 */
final class OrderIndex
{
    private static final int PAGE_SHIFT = 6;
    private static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    private static final long SLOT_MASK = PAGE_SIZE - 1;

    private final Long2ObjectHashMap<Page> pages = new Long2ObjectHashMap<>();
    private Page lastPage;
    private long lastPageNumber;
    /** The page of the newest order: new orders join it, whatever pages lookups went to in between. */
    private Page newestPage;
    private long newestPageNumber = -1;
    private int size;

    /** @return the open order with the ID, or null. */
    Order get(final long orderId)
    {
        final Page page = page(orderId >> PAGE_SHIFT);
        return page == null ? null : page.slots[(int)(orderId & SLOT_MASK)];
    }

    /** Adds an order; @return false (and changes nothing) when an order with its ID is already there. */
    boolean add(final Order order)
    {
        final long pageNumber = order.id >> PAGE_SHIFT;
        Page page = pageNumber == newestPageNumber ? newestPage : page(pageNumber);
        if (page == null)
        {
            page = new Page();
            pages.put(pageNumber, page);
            remember(pageNumber, page);
        }
        if (pageNumber >= newestPageNumber)
        {
            newestPage = page;
            newestPageNumber = pageNumber;
        }
        final int slot = (int)(order.id & SLOT_MASK);
        if (page.slots[slot] != null)
        {
            return false;
        }
        page.slots[slot] = order;
        page.count++;
        size++;
        return true;
    }

    /** Removes the order, which must be in the index. */
    void remove(final Order order)
    {
        final long pageNumber = order.id >> PAGE_SHIFT;
        final Page page = page(pageNumber);
        final int slot = (int)(order.id & SLOT_MASK);
        if (page == null || page.slots[slot] != order)
        {
            throw new IllegalStateException("order " + order.id + " is not in the index");
        }
        page.slots[slot] = null;
        page.count--;
        size--;
        if (page.count == 0)
        {
            pages.remove(pageNumber);
            if (page == lastPage)
            {
                lastPage = null;
            }
            if (page == newestPage)
            {
                newestPage = null;
                newestPageNumber = -1;
            }
        }
    }

    int size()
    {
        return size;
    }

    /** Gives every open order to the action, in no particular order. */
    void forEach(final Consumer<Order> action)
    {
        for (final Page page : pages.values())
        {
            for (final Order order : page.slots)
            {
                if (order != null)
                {
                    action.accept(order);
                }
            }
        }
    }

    private Page page(final long pageNumber)
    {
        if (lastPage != null && lastPageNumber == pageNumber)
        {
            return lastPage;
        }
        final Page page = pages.get(pageNumber);
        if (page != null)
        {
            remember(pageNumber, page);
        }
        return page;
    }

    private void remember(final long pageNumber, final Page page)
    {
        lastPage = page;
        lastPageNumber = pageNumber;
    }

    private static final class Page
    {
        final Order[] slots = new Order[PAGE_SIZE];
        int count;
    }
}
