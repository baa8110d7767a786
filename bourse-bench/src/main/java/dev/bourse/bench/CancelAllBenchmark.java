package dev.bourse.bench;

import dev.bourse.bench.workload.BenchmarkExchange;
import dev.bourse.engine.Engine;
import dev.bourse.engine.EventSink;
import dev.bourse.engine.Side;
import dev.bourse.engine.Status;
import dev.bourse.engine.TimeInForce;
import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.event.AllOrdersCancelled;
import dev.bourse.engine.event.Event;
import dev.bourse.engine.event.TradeExecuted;

/**
 * Cancel-all of the caller's N orders in a book that also holds another account's orders on the same levels (the
 * same count for every N), against its baseline in the same run: N single {@link CancelOrder}s of the same orders in
 * an identical book. What a cancel-all leaves for the commands after it is measured too (an engine that leaves
 * cancelled orders in their levels, as sessions 5 to 8's did, has them unlinked when an operation on the level meets
 * them; this one leaves nothing): in a book whose caller's levels are the best of each side (the other account's
 * orders on levels behind them, {@link CancelAllBook#withCallerAtTop}), the time two IOC orders that reach only the
 * caller's levels take after a cancel-all, less what the same two take after single cancels emptied those levels. It
 * is reported beside the command's own time and added to it. Then cancel-all of every pair at once, of N orders
 * spread over many pairs, beside the per-pair cancel-all of N orders on one pair and beside one per-pair cancel-all
 * for each of the many pairs. Each measurement gets a fresh book (placed untimed); the figure is the median over
 * repetitions, JIT-warm (after warm-up rounds). No GC is forced before a measurement: a full GC shrinks the heap, and
 * the page faults of growing it again would be measured instead (a young GC that falls inside one repetition is left
 * to the median).
 */
final class CancelAllBenchmark
{
    /** The caller's orders, the other account's and the levels of the book the compiler rounds run on. */
    private static final int COMPILER_ORDERS = 10;

    private final int otherOrders;
    private final int levels;

    /**
     * @param otherOrders the other account's orders in every book.
     * @param levels      the price levels both accounts' orders share.
     */
    CancelAllBenchmark(final int otherOrders, final int levels)
    {
        this.otherOrders = otherOrders;
        this.levels = levels;
    }

    /**
     * Runs warm-up rounds of both operations on books of {@code orders} caller orders, unmeasured, after
     * {@code compilerRounds} of each on a small book: the JIT compiles a method after thousands of calls, and the
     * rounds on full books call cancel-all only a few dozen times.
     */
    void warmUp(final int orders, final int rounds, final int compilerRounds)
    {
        final CancelAllBook small = new CancelAllBook(COMPILER_ORDERS, COMPILER_ORDERS, COMPILER_ORDERS);
        for (int i = 0; i < compilerRounds; i++)
        {
            cancelAllNanos(small);
            small.placeCallerOrdersAgain();
            singleCancelsNanos(small);
            small.placeCallerOrdersAgain();
        }
        for (int i = 0; i < compilerRounds / COMPILER_ORDERS; i++)
        {
            unlinkingNanos(COMPILER_ORDERS, COMPILER_ORDERS, COMPILER_ORDERS);
        }
        for (int i = 0; i < rounds; i++)
        {
            cancelAllNanos(new CancelAllBook(orders, otherOrders, levels));
            singleCancelsNanos(new CancelAllBook(orders, otherOrders, levels));
            unlinkingNanos(orders, otherOrders, levels);
        }
    }

    /**
     * Measures cancel-all (alone, and with the unlinking of its orders by their levels) and single cancels of
     * {@code orders} caller orders, alternating, and prints them.
     *
     * @return the median times of the cancel-all.
     */
    Times measure(final int orders, final int repetitions, final Figures figures)
    {
        final Samples cancelAll = new Samples(repetitions);
        final Samples unlinking = new Samples(repetitions);
        final Samples withUnlinking = new Samples(repetitions);
        final Samples singles = new Samples(repetitions);
        for (int i = 0; i < repetitions; i++)
        {
            final long cancelAllNs = cancelAllNanos(new CancelAllBook(orders, otherOrders, levels));
            final long unlinkingNs = unlinkingNanos(orders, otherOrders, levels);
            cancelAll.add(cancelAllNs / 1e6);
            unlinking.add(unlinkingNs / 1e6);
            withUnlinking.add((cancelAllNs + unlinkingNs) / 1e6);
            singles.add(singleCancelsNanos(new CancelAllBook(orders, otherOrders, levels)) / 1e6);
        }
        final String name = "engine.cancel_all.n" + orders;
        final double allMs = cancelAll.median();
        final double withUnlinkingMs = withUnlinking.median();
        final double singlesMs = singles.median();
        figures.add(name, allMs, "ms");
        figures.add("engine.cancel_singles.n" + orders, singlesMs, "ms");
        figures.add(name + ".per_order", allMs * 1e6 / orders, "ns");
        figures.add(name + ".speedup_vs_singles", singlesMs / allMs, "x");
        figures.add(name + ".unlinking", unlinking.median(), "ms");
        figures.add(name + ".with_unlinking", withUnlinkingMs, "ms");
        figures.add(name + ".with_unlinking.per_order", withUnlinkingMs * 1e6 / orders, "ns");
        figures.add(name + ".with_unlinking.speedup_vs_singles", singlesMs / withUnlinkingMs, "x");
        return new Times(allMs, withUnlinkingMs);
    }

    /**
     * The median times of a cancel-all.
     *
     * @param cancelAllMs     the command alone, ms.
     * @param withUnlinkingMs the command and the time its orders' levels spend unlinking them, ms.
     */
    record Times(double cancelAllMs, double withUnlinkingMs)
    {
    }

    /**
     * Measures cancel-all of every pair at once of {@code orders} caller orders spread over {@code pairs} pairs,
     * alternating with its two baselines, and prints all three: a per-pair cancel-all of as many orders on one pair,
     * and one per-pair cancel-all for each of the pairs.
     */
    void measureEveryPair(final int orders, final int pairs, final int repetitions, final Figures figures)
    {
        final Samples everyPair = new Samples(repetitions);
        final Samples onePair = new Samples(repetitions);
        final Samples perPair = new Samples(repetitions);
        for (int i = 0; i < repetitions; i++)
        {
            everyPair.add(cancelAllNanos(new CancelAllBook(orders, otherOrders, levels, pairs), null) / 1e6);
            onePair.add(cancelAllNanos(new CancelAllBook(orders, otherOrders, levels)) / 1e6);
            perPair.add(perPairCancelAllsNanos(new CancelAllBook(orders, otherOrders, levels, pairs)) / 1e6);
        }
        final String name = "engine.cancel_all_pairs.n" + orders;
        final double everyPairMs = everyPair.median();
        figures.add(name, everyPairMs, "ms");
        figures.add(name + ".per_order", everyPairMs * 1e6 / orders, "ns");
        figures.add(name + ".one_pair", onePair.median(), "ms");
        figures.add(name + ".vs_one_pair", everyPairMs / onePair.median(), "x");
        figures.add(name + ".per_pair_commands", perPair.median(), "ms");
        figures.add(name + ".speedup_vs_per_pair_commands", perPair.median() / everyPairMs, "x");
        figures.add(name + ".pairs", pairs, "pairs");
    }

    /** Runs warm-up rounds of the every-pair measurement, unmeasured, after compiler rounds as {@link #warmUp} does. */
    void warmUpEveryPair(final int orders, final int pairs, final int rounds, final int compilerRounds)
    {
        final CancelAllBook small = new CancelAllBook(COMPILER_ORDERS, COMPILER_ORDERS, COMPILER_ORDERS, pairs);
        for (int i = 0; i < compilerRounds; i++)
        {
            cancelAllNanos(small, null);
            small.placeCallerOrdersAgain();
            perPairCancelAllsNanos(small);
            small.placeCallerOrdersAgain();
        }
        for (int i = 0; i < rounds; i++)
        {
            cancelAllNanos(new CancelAllBook(orders, otherOrders, levels, pairs), null);
            perPairCancelAllsNanos(new CancelAllBook(orders, otherOrders, levels, pairs));
        }
    }

    /** @return the nanoseconds one cancel-all of the caller's orders on the book's pair took; checks it. */
    long cancelAllNanos(final CancelAllBook book)
    {
        return cancelAllNanos(book, BenchmarkExchange.COIN_PAIR);
    }

    /**
     * @param coinPair the pair of the cancel-all, or null for every pair.
     * @return the nanoseconds one cancel-all of the caller's orders took; checks what it cancelled.
     */
    long cancelAllNanos(final CancelAllBook book, final String coinPair)
    {
        final Engine engine = book.engine();
        final CountingSink sink = new CountingSink();
        final CancelAllOrders command = new CancelAllOrders(CancelAllBook.CALLER, coinPair);
        final long startNs = System.nanoTime();
        final Status status = engine.apply(command, BenchmarkExchange.TIMESTAMP_MS, sink);
        final long elapsedNs = System.nanoTime() - startNs;
        check(status == Status.SUCCESS && sink.cancelledByCancelAll == book.callerOrderCount(),
            "cancel-all cancelled " + sink.cancelledByCancelAll + " of " + book.callerOrderCount() + ": " + status);
        checkOnlyCallerCancelled(book);
        return elapsedNs;
    }

    /**
     * @return the nanoseconds a cancel-all of {@code orders} orders leaves for the commands after it: what two IOC
     * orders that reach only the caller's levels, at the top of each side, take after it (finding nothing to fill),
     * less what the same two take in a book where single cancels emptied those levels (at least 0).
     */
    long unlinkingNanos(final int orders, final int otherOrders, final int levels)
    {
        final CancelAllBook cancelledAtOnce = CancelAllBook.withCallerAtTop(orders, otherOrders, levels);
        cancelAllNanos(cancelledAtOnce);
        final long meetingDeadNs = meetCallerLevelsNanos(cancelledAtOnce);
        final CancelAllBook cancelledSingly = CancelAllBook.withCallerAtTop(orders, otherOrders, levels);
        singleCancelsNanos(cancelledSingly);
        return Math.max(0, meetingDeadNs - meetCallerLevelsNanos(cancelledSingly));
    }

    /** @return the nanoseconds an IOC BUY and an IOC SELL reaching only the caller's levels took; checks them. */
    static long meetCallerLevelsNanos(final CancelAllBook book)
    {
        final Engine engine = book.engine();
        final PlaceOrder buy = PlaceOrder.limit(CancelAllBook.OTHER, BenchmarkExchange.COIN_PAIR, Side.BUY,
            book.callerWorstAsk(), 1).withTimeInForce(TimeInForce.IOC);
        final PlaceOrder sell = PlaceOrder.limit(CancelAllBook.OTHER, BenchmarkExchange.COIN_PAIR, Side.SELL,
            book.callerWorstBid(), 1).withTimeInForce(TimeInForce.IOC);
        final CountingSink sink = new CountingSink();
        final long startNs = System.nanoTime();
        final Status bought = engine.apply(buy, BenchmarkExchange.TIMESTAMP_MS, sink);
        final Status sold = engine.apply(sell, BenchmarkExchange.TIMESTAMP_MS, sink);
        final long elapsedNs = System.nanoTime() - startNs;
        check(bought == Status.SUCCESS && sold == Status.SUCCESS && sink.trades == 0,
            "IOCs at the caller's levels: " + bought + ", " + sold + ", " + sink.trades + " trades");
        checkOnlyCallerCancelled(book);
        return elapsedNs;
    }

    /** @return the nanoseconds one per-pair cancel-all of the caller's orders on each of the book's pairs took. */
    long perPairCancelAllsNanos(final CancelAllBook book)
    {
        final Engine engine = book.engine();
        final CountingSink sink = new CountingSink();
        final CancelAllOrders[] commands = new CancelAllOrders[book.pairs()];
        for (int pair = 0; pair < commands.length; pair++)
        {
            commands[pair] = new CancelAllOrders(CancelAllBook.CALLER, BenchmarkExchange.coinPair(pair));
        }
        int failed = 0;
        final long startNs = System.nanoTime();
        for (final CancelAllOrders command : commands)
        {
            failed += engine.apply(command, BenchmarkExchange.TIMESTAMP_MS, sink) == Status.SUCCESS ? 0 : 1;
        }
        final long elapsedNs = System.nanoTime() - startNs;
        check(failed == 0 && sink.cancelledByCancelAll == book.callerOrderCount(),
            failed + " per-pair cancel-alls failed, " + sink.cancelledByCancelAll + " cancelled");
        checkOnlyCallerCancelled(book);
        return elapsedNs;
    }

    /** @return the nanoseconds N single cancels of the caller's orders (ascending IDs) took. */
    long singleCancelsNanos(final CancelAllBook book)
    {
        final Engine engine = book.engine();
        final CountingSink sink = new CountingSink();
        final int count = book.callerOrderCount();
        int failed = 0;
        final long startNs = System.nanoTime();
        for (int i = 0; i < count; i++)
        {
            final Status status = engine.apply(new CancelOrder(CancelAllBook.CALLER, book.callerOrderId(i)),
                BenchmarkExchange.TIMESTAMP_MS, sink);
            failed += status == Status.SUCCESS ? 0 : 1;
        }
        final long elapsedNs = System.nanoTime() - startNs;
        check(failed == 0, failed + " single cancels failed");
        checkOnlyCallerCancelled(book);
        return elapsedNs;
    }

    private static void checkOnlyCallerCancelled(final CancelAllBook book)
    {
        check(book.callerOpenOrders() == 0 && book.otherOpenOrders() == book.otherOrderCount(),
            "after cancelling: caller " + book.callerOpenOrders() + " open, other " + book.otherOpenOrders() +
            " open of " + book.otherOrderCount());
    }

    private static void check(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalStateException(message);
        }
    }

    /** Counts what it is told and keeps nothing, as a sink that forwards events would. */
    private static final class CountingSink implements EventSink
    {
        int events;
        int cancelledByCancelAll;
        int trades;

        @Override
        public void onEvent(final Event event)
        {
            events++;
            if (event instanceof AllOrdersCancelled all)
            {
                cancelledByCancelAll += all.orderIds().size();
            }
            else if (event instanceof TradeExecuted)
            {
                trades++;
            }
        }
    }
}
