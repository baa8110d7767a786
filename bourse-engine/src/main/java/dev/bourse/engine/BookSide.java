package dev.bourse.engine;

/**
 * One side of a book, or the stop orders of one side: price levels in priority order. A level is found by price in a
 * table (no search to join an existing level). The levels are linked to each other in priority order from the best,
 * so that the next best is at hand when the best empties and walking the side follows links. Those links are the
 * bottom of a skip list: a level also links, at each height it reaches above the first, to the next worse level at
 * least as tall, so that the place of a new level is found in about log4 of the levels steps, over primitive prices
 * held by the levels themselves (no boxed keys, no comparator). Three levels in four have height 1 and leave with their
 * bottom links only. Heights come from a generator seeded the same for every side, so the same commands build the same
 * structure; they decide nothing but the speed of the search.
 */
final class BookSide
{
    /** Heights up to this: enough for 4^11, some four million levels, at the expected speed. */
    private static final int MAX_HEIGHT = 12;
    private static final long HEIGHT_SEED = 0x5DEECE66DL;
    /** Levels from the best a new level of height 1 looks through before it searches. */
    private static final int NEAR_BEST_STEPS = 8;

    private final boolean highestFirst;
    private final PriceLevelTable levelsByPrice = new PriceLevelTable();
    /** The first level at each height above the first (the first at height 1 is the best). */
    private final PriceLevel[] firstAtHeight = new PriceLevel[MAX_HEIGHT - 1];
    /** Scratch: the last level better than a price at each height above the first, found by {@link #search}. */
    private final PriceLevel[] lastBetter = new PriceLevel[MAX_HEIGHT - 1];
    private long heightState = HEIGHT_SEED;
    private PriceLevel best;
    private int orderCount;

    private BookSide(final boolean highestFirst)
    {
        this.highestFirst = highestFirst;
    }

    /** @return a side whose best price is the highest (bids; SELL stops, which trigger highest first). */
    static BookSide highestFirst()
    {
        return new BookSide(true);
    }

    /** @return a side whose best price is the lowest (asks; BUY stops, which trigger lowest first). */
    static BookSide lowestFirst()
    {
        return new BookSide(false);
    }

    /** Appends an order to its level (of the price it rests at: {@link Order#restingPrice}), made if need be. */
    void add(final Order order)
    {
        final long price = order.restingPrice();
        PriceLevel level = levelsByPrice.get(price);
        if (level == null)
        {
            level = new PriceLevel(price);
            levelsByPrice.add(level);
            link(level);
        }
        level.append(order);
        orderCount++;
    }

    /** Takes an open order out of its level, which is dropped when it empties. */
    void remove(final Order order)
    {
        final PriceLevel level = order.level;
        if (level == null)
        {
            throw new IllegalStateException("order " + order.id + " rests in no level");
        }
        level.remove(order);
        orderCount--;
        if (level.isEmpty())
        {
            levelsByPrice.remove(level);
            unlink(level);
        }
    }

    /** @return the best level, or null when the side is empty; {@link PriceLevel#worse} leads to the others. */
    PriceLevel best()
    {
        return best;
    }

    int orderCount()
    {
        return orderCount;
    }

    private boolean isBetter(final long price, final long than)
    {
        return highestFirst ? price > than : price < than;
    }

    /**
     * Fills {@link #lastBetter} for heights 2 up to {@code height} with the last level better than the price at each
     * (null: none), and @return the last level better than it at height 1 (null: none). At most as many steps forward
     * at each height as there are levels.
     */
    private PriceLevel search(final long price, final int height)
    {
        long stepsLeft = (long)MAX_HEIGHT * (levelsByPrice.size() + 1);
        PriceLevel last = null;
        for (int h = MAX_HEIGHT - 1; h >= 1; h--)
        {
            PriceLevel next = last == null ? firstAtHeight[h - 1] : last.skips[h - 1];
            while (next != null && isBetter(next.price, price))
            {
                if (--stepsLeft < 0)
                {
                    throw new IllegalStateException("search of a book side did not terminate");
                }
                last = next;
                next = next.skips[h - 1];
            }
            if (h < height)
            {
                lastBetter[h - 1] = last;
            }
        }
        PriceLevel next = last == null ? best : last.worse;
        while (next != null && isBetter(next.price, price))
        {
            if (--stepsLeft < 0)
            {
                throw new IllegalStateException("search of a book side did not terminate");
            }
            last = next;
            next = next.worse;
        }
        return last;
    }

    /**
     * @return the last level better than the price (which the best is) when it is among the first few, where most new
     * levels go; else null.
     */
    private PriceLevel lastBetterNearBest(final long price)
    {
        PriceLevel last = best;
        for (int steps = 0; steps < NEAR_BEST_STEPS; steps++)
        {
            final PriceLevel next = last.worse;
            if (next == null || !isBetter(next.price, price))
            {
                return last;
            }
            last = next;
        }
        return null;
    }

    private void link(final PriceLevel level)
    {
        final int height = nextHeight();
        final PriceLevel better;
        if (best == null || isBetter(level.price, best.price))
        {
            better = null;
            for (int h = 1; h < height; h++)
            {
                lastBetter[h - 1] = null;
            }
        }
        else
        {
            final PriceLevel nearBest = height == 1 ? lastBetterNearBest(level.price) : null;
            better = nearBest != null ? nearBest : search(level.price, height);
        }
        if (height > 1)
        {
            final PriceLevel[] skips = new PriceLevel[height - 1];
            for (int h = 1; h < height; h++)
            {
                final PriceLevel last = lastBetter[h - 1];
                skips[h - 1] = last == null ? firstAtHeight[h - 1] : last.skips[h - 1];
                if (last == null)
                {
                    firstAtHeight[h - 1] = level;
                }
                else
                {
                    last.skips[h - 1] = level;
                }
            }
            level.skips = skips;
        }
        final PriceLevel worse = better == null ? best : better.worse;
        level.better = better;
        level.worse = worse;
        if (better == null)
        {
            best = level;
        }
        else
        {
            better.worse = level;
        }
        if (worse != null)
        {
            worse.better = level;
        }
    }

    private void unlink(final PriceLevel level)
    {
        final PriceLevel[] skips = level.skips;
        if (skips != null)
        {
            search(level.price, skips.length + 1);
            for (int h = 1; h <= skips.length; h++)
            {
                final PriceLevel last = lastBetter[h - 1];
                if (last == null)
                {
                    firstAtHeight[h - 1] = skips[h - 1];
                }
                else
                {
                    last.skips[h - 1] = skips[h - 1];
                }
            }
            level.skips = null;
        }
        if (level.better == null)
        {
            best = level.worse;
        }
        else
        {
            level.better.worse = level.worse;
        }
        if (level.worse != null)
        {
            level.worse.better = level.better;
        }
        level.better = null;
        level.worse = null;
    }

    /** @return a height from 1 to {@link #MAX_HEIGHT}, each one four times less likely than the one below. */
    private int nextHeight()
    {
        heightState ^= heightState << 13;
        heightState ^= heightState >>> 7;
        heightState ^= heightState << 17;
        return 1 + Long.numberOfTrailingZeros(heightState | (1L << (2 * (MAX_HEIGHT - 1)))) / 2;
    }
}
