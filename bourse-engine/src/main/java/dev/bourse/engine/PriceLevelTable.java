package dev.bourse.engine;

/**
 * The levels of one side by price: open addressing over the levels themselves, each of which knows its price, so that
 * a lookup reads the table and the level it finds, and no separate array of keys. Linear probing, at most half full,
 * and removal by shifting the entries after the hole back (no tombstones).
 */
final class PriceLevelTable
{
    private static final int INITIAL_CAPACITY = 64;

    private PriceLevel[] slots = new PriceLevel[INITIAL_CAPACITY];
    private int shift = Long.SIZE - Integer.numberOfTrailingZeros(INITIAL_CAPACITY);
    private int size;

    /** @return the level at the price, or null. */
    PriceLevel get(final long price)
    {
        final PriceLevel[] slots = this.slots;
        final int mask = slots.length - 1;
        for (int i = home(price, shift), probes = 0; probes <= mask; i = (i + 1) & mask, probes++)
        {
            final PriceLevel level = slots[i];
            if (level == null || level.price == price)
            {
                return level;
            }
        }
        throw new IllegalStateException("price level table is full");
    }

    /** Adds a level whose price the table does not hold. */
    void add(final PriceLevel level)
    {
        if (2 * (size + 1) > slots.length)
        {
            grow();
        }
        insert(slots, shift, level);
        size++;
    }

    /** Removes a level the table holds. */
    void remove(final PriceLevel level)
    {
        final PriceLevel[] slots = this.slots;
        final int mask = slots.length - 1;
        int hole = home(level.price, shift);
        for (int probes = 0; slots[hole] != level; hole = (hole + 1) & mask)
        {
            if (++probes > mask)
            {
                throw new IllegalStateException("price level " + level.price + " is not in the table");
            }
        }
        for (int i = (hole + 1) & mask, probes = 0; slots[i] != null; i = (i + 1) & mask)
        {
            if (++probes > mask)
            {
                throw new IllegalStateException("price level table is full");
            }
            final int home = home(slots[i].price, shift);
            if (((i - home) & mask) >= ((i - hole) & mask))
            {
                slots[hole] = slots[i];
                hole = i;
            }
        }
        slots[hole] = null;
        size--;
    }

    int size()
    {
        return size;
    }

    private void grow()
    {
        final PriceLevel[] grown = new PriceLevel[slots.length * 2];
        final int grownShift = shift - 1;
        for (final PriceLevel level : slots)
        {
            if (level != null)
            {
                insert(grown, grownShift, level);
            }
        }
        slots = grown;
        shift = grownShift;
    }

    private static void insert(final PriceLevel[] slots, final int shift, final PriceLevel level)
    {
        final int mask = slots.length - 1;
        int i = home(level.price, shift);
        for (int probes = 0; slots[i] != null; i = (i + 1) & mask)
        {
            if (++probes > mask)
            {
                throw new IllegalStateException("price level table is full");
            }
        }
        slots[i] = level;
    }

    /** Fibonacci hashing: the top bits of the price times the golden ratio spread nearby prices over the table. */
    private static int home(final long price, final int shift)
    {
        return (int)((price * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
