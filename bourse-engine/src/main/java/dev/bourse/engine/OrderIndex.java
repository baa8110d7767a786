package dev.bourse.engine;

import org.agrona.collections.Long2ObjectHashMap;

import java.util.function.Consumer;

/**
 * The open orders by ID. Order IDs come from a sequence, so the index is a set of small pages of consecutive IDs,
 * themselves in chunks of consecutive pages found by chunk number: adding, finding and removing an order touch one
 * slot next to those of the orders placed just before and after it, through a hash map of chunks small enough to stay
 * in a cache (one entry per 4,096 IDs between the oldest and the newest open order), and cancelling an account's orders
 * (ascending IDs) walks the pages in order. A page is dropped when its last order leaves, and a chunk when its last
 * page does, so memory follows the open orders: at most one page and one chunk per open order.
 */
final class OrderIndex
{
    private static final int PAGE_SHIFT = 6;
    private static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    private static final long SLOT_MASK = PAGE_SIZE - 1;
    private static final int CHUNK_SHIFT = PAGE_SHIFT + 6;
    private static final int PAGES_PER_CHUNK = 1 << (CHUNK_SHIFT - PAGE_SHIFT);
    private static final long PAGE_MASK = PAGES_PER_CHUNK - 1;

    private final Long2ObjectHashMap<Chunk> chunks = new Long2ObjectHashMap<>();
    private Chunk lastChunk;
    private long lastChunkNumber = -1;
    /** The page of the newest order: new orders join it, whatever pages lookups went to in between. */
    private Order[] newestPage;
    private long newestPageNumber = -1;
    private Chunk newestChunk;
    private int size;

    /** @return the open order with the ID, or null. */
    Order get(final long orderId)
    {
        final Chunk chunk = chunk(orderId >> CHUNK_SHIFT);
        final Order[] page = chunk == null ? null : chunk.pages[(int)((orderId >> PAGE_SHIFT) & PAGE_MASK)];
        return page == null ? null : page[(int)(orderId & SLOT_MASK)];
    }

    /** Adds an order; @return false (and changes nothing) when an order with its ID is already there. */
    boolean add(final Order order)
    {
        final long pageNumber = order.id >> PAGE_SHIFT;
        Order[] page = pageNumber == newestPageNumber ? newestPage : null;
        final Chunk chunk;
        if (page == null)
        {
            final long chunkNumber = order.id >> CHUNK_SHIFT;
            Chunk found = chunk(chunkNumber);
            if (found == null)
            {
                found = new Chunk();
                chunks.put(chunkNumber, found);
                lastChunk = found;
                lastChunkNumber = chunkNumber;
            }
            chunk = found;
            final int pageIndex = (int)(pageNumber & PAGE_MASK);
            page = chunk.pages[pageIndex];
            if (page == null)
            {
                page = new Order[PAGE_SIZE];
                chunk.pages[pageIndex] = page;
                chunk.count++;
            }
            if (pageNumber >= newestPageNumber)
            {
                newestPage = page;
                newestPageNumber = pageNumber;
                newestChunk = chunk;
            }
        }
        else
        {
            chunk = newestChunk;
        }
        final int slot = (int)(order.id & SLOT_MASK);
        if (page[slot] != null)
        {
            return false;
        }
        page[slot] = order;
        chunk.pageCounts[(int)(pageNumber & PAGE_MASK)]++;
        size++;
        return true;
    }

    /** Removes the order, which must be in the index. */
    void remove(final Order order)
    {
        if (remove(order.id, order) != order)
        {
            throw new IllegalStateException("order " + order.id + " is not in the index");
        }
    }

    /**
     * Removes the orders with the IDs {@code ids[from]} to {@code ids[to - 1]}, reading nothing of them, and puts them
     * in {@code removed} from its start: one pass over their pages when the IDs ascend (as an account's do), each
     * page's slots cleared together and its count lowered once.
     *
     * @return how many of the IDs the index held (the orders put in {@code removed}).
     */
    int removeAll(final long[] ids, final int from, final int to, final Order[] removed)
    {
        int count = 0;
        int i = from;
        while (i < to)
        {
            final long pageNumber = ids[i] >> PAGE_SHIFT;
            final long chunkNumber = ids[i] >> CHUNK_SHIFT;
            final Chunk chunk = chunk(chunkNumber);
            final int pageIndex = (int)(pageNumber & PAGE_MASK);
            final Order[] page = chunk == null ? null : chunk.pages[pageIndex];
            int inPage = 0;
            for (; i < to && ids[i] >> PAGE_SHIFT == pageNumber; i++)
            {
                final int slot = (int)(ids[i] & SLOT_MASK);
                final Order order = page == null ? null : page[slot];
                if (order != null)
                {
                    page[slot] = null;
                    removed[count++] = order;
                    inPage++;
                }
            }
            if (inPage > 0)
            {
                size -= inPage;
                chunk.pageCounts[pageIndex] -= inPage;
                dropIfEmpty(chunk, chunkNumber, pageIndex, page);
            }
        }
        return count;
    }

    /** Removes the order with the ID if it is the expected one; @return the order found, or null. */
    private Order remove(final long orderId, final Order expected)
    {
        final long chunkNumber = orderId >> CHUNK_SHIFT;
        final Chunk chunk = chunk(chunkNumber);
        final int pageIndex = (int)((orderId >> PAGE_SHIFT) & PAGE_MASK);
        final Order[] page = chunk == null ? null : chunk.pages[pageIndex];
        final int slot = (int)(orderId & SLOT_MASK);
        final Order order = page == null ? null : page[slot];
        if (order != expected)
        {
            return order;
        }
        page[slot] = null;
        size--;
        chunk.pageCounts[pageIndex]--;
        dropIfEmpty(chunk, chunkNumber, pageIndex, page);
        return order;
    }

    /** Drops the page if it holds no order any more, and its chunk if that was its last page. */
    private void dropIfEmpty(final Chunk chunk, final long chunkNumber, final int pageIndex, final Order[] page)
    {
        if (chunk.pageCounts[pageIndex] == 0)
        {
            chunk.pages[pageIndex] = null;
            if (page == newestPage)
            {
                newestPage = null;
                newestPageNumber = -1;
                newestChunk = null;
            }
            if (--chunk.count == 0)
            {
                chunks.remove(chunkNumber);
                lastChunk = null;
                lastChunkNumber = -1;
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
        for (final Chunk chunk : chunks.values())
        {
            for (final Order[] page : chunk.pages)
            {
                for (int slot = 0; page != null && slot < PAGE_SIZE; slot++)
                {
                    if (page[slot] != null)
                    {
                        action.accept(page[slot]);
                    }
                }
            }
        }
    }

    private Chunk chunk(final long chunkNumber)
    {
        if (chunkNumber == lastChunkNumber)
        {
            return lastChunk;
        }
        final Chunk chunk = chunks.get(chunkNumber);
        if (chunk != null)
        {
            lastChunk = chunk;
            lastChunkNumber = chunkNumber;
        }
        return chunk;
    }

    /** Pages of consecutive IDs, each an array of orders by the ID's low bits, and the orders each page holds. */
    private static final class Chunk
    {
        final Order[][] pages = new Order[PAGES_PER_CHUNK][];
        final int[] pageCounts = new int[PAGES_PER_CHUNK];
        /** Pages in use. */
        int count;
    }
}
