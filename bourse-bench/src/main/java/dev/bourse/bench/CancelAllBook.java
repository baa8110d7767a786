package dev.bourse.bench;

import dev.bourse.bench.workload.BenchmarkExchange;
import dev.bourse.engine.Engine;
import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.Side;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.event.OrderAccepted;

/**
 * The book of the cancel-all benchmark: the caller's N orders and another account's orders on the same price levels
 * of one pair or spread over several (round robin), placed interleaved (so in every level's queue the two accounts'
 * orders alternate in proportion). Levels alternate between bids below 100,000 and asks above it, one lot each, so
 * nothing crosses. In the variant {@link #withCallerAtTop} (one pair), the other account's orders are on as many levels
 * behind the caller's instead, still placed interleaved: the caller's levels are the best of each side.
 */
final class CancelAllBook
{
    static final long CALLER = 1;
    static final long OTHER = 2;
    static final long MID_PRICE = 100_000;

    private final Engine engine;
    private final long[] callerOrderIds;
    private final int levels;
    private final int pairs;
    /** Added to the level of each of the other account's orders: 0, or {@link #levels} with the caller at the top. */
    private final int otherLevelOffset;
    private int callerPlaced;
    private int otherPlaced;

    /**
     * @param callerOrders the caller's orders (N).
     * @param otherOrders  the other account's orders.
     * @param levels       price levels of each pair both accounts' orders are spread over (round robin).
     */
    CancelAllBook(final int callerOrders, final int otherOrders, final int levels)
    {
        this(callerOrders, otherOrders, levels, 1);
    }

    /**
     * @param callerOrders the caller's orders (N).
     * @param otherOrders  the other account's orders.
     * @param levels       price levels of each pair both accounts' orders are spread over (round robin).
     * @param pairs        pairs both accounts' orders are spread over (round robin), {@link BenchmarkExchange}'s.
     */
    CancelAllBook(final int callerOrders, final int otherOrders, final int levels, final int pairs)
    {
        this(callerOrders, otherOrders, levels, pairs, 0);
    }

    /**
     * @return a book of one pair whose caller's orders are on the best {@code levels} levels of each side and the
     * other account's on the {@code levels} levels behind them.
     */
    static CancelAllBook withCallerAtTop(final int callerOrders, final int otherOrders, final int levels)
    {
        return new CancelAllBook(callerOrders, otherOrders, levels, 1, levels);
    }

    private CancelAllBook(
        final int callerOrders, final int otherOrders, final int levels, final int pairs, final int otherLevelOffset)
    {
        if (levels < 2 || levels + otherLevelOffset >= MID_PRICE || pairs < 1)
        {
            throw new IllegalArgumentException("levels " + levels + ", pairs " + pairs);
        }
        this.levels = levels;
        this.pairs = pairs;
        this.otherLevelOffset = otherLevelOffset;
        final int most = Math.max(callerOrders, otherOrders);
        final EngineConfiguration configuration = EngineConfiguration.DEFAULT
            .withMaxOpenOrdersPerAccount(most + 1)
            .withMaxOpenOrdersPerPair(callerOrders + otherOrders + 1);
        engine = BenchmarkExchange.create(configuration, 2, BenchmarkExchange.AMPLE_BALANCE, pairs);
        callerOrderIds = new long[callerOrders];
        final long total = (long)callerOrders + otherOrders;
        for (long i = 0; i < total; i++)
        {
            final boolean callerTurn = otherPlaced == otherOrders ||
                callerPlaced < callerOrders && (long)callerPlaced * total <= i * callerOrders;
            if (callerTurn)
            {
                callerOrderIds[callerPlaced] = place(CALLER, callerPlaced);
                callerPlaced++;
            }
            else
            {
                place(OTHER, otherPlaced);
                otherPlaced++;
            }
        }
    }

    /** Places the caller's orders again as they were placed first, after they were all cancelled. */
    void placeCallerOrdersAgain()
    {
        for (int i = 0; i < callerOrderIds.length; i++)
        {
            callerOrderIds[i] = place(CALLER, i);
        }
    }

    private long place(final long accountId, final int index)
    {
        final int level = index / pairs % levels + (accountId == OTHER ? otherLevelOffset : 0);
        final boolean bid = (level & 1) == 0;
        final long price = price(level);
        final long[] orderId = new long[1];
        final String pair = BenchmarkExchange.coinPair(index % pairs);
        engine.apply(PlaceOrder.limit(accountId, pair, bid ? Side.BUY : Side.SELL, price, 1),
            BenchmarkExchange.TIMESTAMP_MS, event ->
            {
                if (event instanceof OrderAccepted accepted)
                {
                    orderId[0] = accepted.order().orderId();
                }
            });
        if (orderId[0] == 0)
        {
            throw new IllegalStateException("order " + index + " of account " + accountId + " was not accepted");
        }
        return orderId[0];
    }

    /** @return the price of a level: even levels are bids below the middle, odd ones asks above it. */
    private static long price(final int level)
    {
        return (level & 1) == 0 ? MID_PRICE - 1 - level / 2 : MID_PRICE + 1 + level / 2;
    }

    /** @return the lowest bid of the caller's levels: with the caller at the top, no other order is at or above it. */
    long callerWorstBid()
    {
        return price(levels - 1 - (levels - 1) % 2);
    }

    /** @return the highest ask of the caller's levels: with the caller at the top, no other order is at or below it. */
    long callerWorstAsk()
    {
        return price(levels - 1 - levels % 2);
    }

    Engine engine()
    {
        return engine;
    }

    /** @return the pairs the orders are spread over. */
    int pairs()
    {
        return pairs;
    }

    /** @return the caller's order placed {@code index}th (IDs ascend with the index). */
    long callerOrderId(final int index)
    {
        return callerOrderIds[index];
    }

    int callerOrderCount()
    {
        return callerOrderIds.length;
    }

    int otherOrderCount()
    {
        return otherPlaced;
    }

    int callerOpenOrders()
    {
        return engine.openOrderCount(CALLER);
    }

    int otherOpenOrders()
    {
        return engine.openOrderCount(OTHER);
    }
}
