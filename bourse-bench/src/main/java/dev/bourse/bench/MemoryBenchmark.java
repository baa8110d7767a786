package dev.bourse.bench;

import dev.bourse.bench.workload.BenchmarkExchange;
import dev.bourse.engine.Engine;
import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.EventSink;
import dev.bourse.engine.Side;
import dev.bourse.engine.Status;
import dev.bourse.engine.command.PlaceOrder;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;

/**
 * Memory per resting order: the heap in use after GC with the engine holding N resting orders, less the heap with
 * the same engine before them, divided by N. Everything the engine keeps per order counts (the order, its place in
 * the price level and the indexes); the levels are few (1,000 per side), so they hardly do.
 */
final class MemoryBenchmark
{
    private static final int ACCOUNTS = 1_000;
    private static final int LEVELS_PER_SIDE = 1_000;
    private static final long MID_PRICE = 100_000;
    private static final int GC_ROUNDS = 3;

    private MemoryBenchmark()
    {
    }

    static void measure(final int orders, final Figures figures)
    {
        final EngineConfiguration configuration = EngineConfiguration.DEFAULT
            .withMaxOpenOrdersPerAccount(orders / ACCOUNTS + 1)
            .withMaxOpenOrdersPerPair(orders + 1);
        final Engine engine = BenchmarkExchange.create(configuration, ACCOUNTS, BenchmarkExchange.AMPLE_BALANCE);
        final long emptyBytes = usedHeapAfterGc();
        for (int i = 0; i < orders; i++)
        {
            final boolean bid = (i & 1) == 0;
            final long offset = 1 + (i >> 1) % LEVELS_PER_SIDE;
            final Status status = engine.apply(PlaceOrder.limit(1 + i % ACCOUNTS, BenchmarkExchange.COIN_PAIR,
                bid ? Side.BUY : Side.SELL, bid ? MID_PRICE - offset : MID_PRICE + offset, 1),
                BenchmarkExchange.TIMESTAMP_MS, EventSink.NONE);
            ReplayRun.check(status == Status.SUCCESS, "memory benchmark: order " + i + " " + status);
        }
        final long fullBytes = usedHeapAfterGc();
        ReplayRun.check(engine.openOrderCountOfPair(BenchmarkExchange.COIN_PAIR) == orders, "orders missing");
        Reference.reachabilityFence(engine);
        figures.add("engine.memory.resting_orders", orders, "orders");
        figures.add("engine.memory.per_resting_order", (double)(fullBytes - emptyBytes) / orders, "bytes");
    }

    private static long usedHeapAfterGc()
    {
        for (int i = 0; i < GC_ROUNDS; i++)
        {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
