package dev.bourse.bench.jmh;

import dev.bourse.bench.workload.BenchmarkExchange;
import dev.bourse.engine.Engine;
import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.EventSink;
import dev.bourse.engine.Side;
import dev.bourse.engine.Status;
import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.event.Event;
import dev.bourse.engine.event.OrderAccepted;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The engine's hot operations, each in batches of {@value #BATCH} on a book that holds another account's
 * {@value #BACKGROUND_ORDERS} resting orders on {@value #LEVELS} levels per side: placing non-crossing orders,
 * cancelling them one by one, matching (each incoming order fills one resting order), and cancel-all of
 * {@value #BATCH} orders. Each benchmark has one state, which makes what a batch needs before it and checks the
 * outcome after it, untimed ({@link Level#Invocation}, fine at this batch size); every operation must succeed.
 * A cancel-all takes its orders out of the book in its own command, so a batch after one starts on a clean book.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EngineOperationsBenchmark
{
    static final int BATCH = 1_000;
    static final int BACKGROUND_ORDERS = 10_000;
    static final int LEVELS = 500;

    private static final long CALLER = 1;
    private static final long BACKGROUND = 2;
    private static final long TAKER = 3;
    static final long MID_PRICE = 100_000;

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void placeNonCrossing(final NoCallerOrders book, final Blackhole blackhole)
    {
        final EventSink sink = blackhole::consume;
        for (int i = 0; i < BATCH; i++)
        {
            check(book.engine.apply(limit(CALLER, i), BenchmarkExchange.TIMESTAMP_MS, sink));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void cancel(final PlacedBatch book, final Blackhole blackhole)
    {
        final EventSink sink = blackhole::consume;
        for (int i = 0; i < BATCH; i++)
        {
            check(book.engine.apply(new CancelOrder(CALLER, book.orderIds[i]), BenchmarkExchange.TIMESTAMP_MS, sink));
        }
    }

    /** One cancel-all of the caller's {@value #BATCH} orders: the time per invocation is the time per cancel-all. */
    @Benchmark
    public void cancelAll1000(final PlacedBatch book, final Blackhole blackhole)
    {
        check(book.engine.apply(new CancelAllOrders(CALLER, BenchmarkExchange.COIN_PAIR),
            BenchmarkExchange.TIMESTAMP_MS, blackhole::consume));
    }

    /** Each incoming BUY of one lot at the mid price fills one of the caller's resting asks. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void match(final BestAsks book, final Blackhole blackhole)
    {
        final EventSink sink = blackhole::consume;
        for (int i = 0; i < BATCH; i++)
        {
            check(book.engine.apply(PlaceOrder.limit(TAKER, BenchmarkExchange.COIN_PAIR, Side.BUY, MID_PRICE, 1),
                BenchmarkExchange.TIMESTAMP_MS, sink));
        }
    }

    /** The book every benchmark runs on, made once per trial. */
    public abstract static class Book
    {
        final long[] orderIds = new long[BATCH];
        Engine engine;

        @Setup(Level.Trial)
        public void createBook()
        {
            final EngineConfiguration configuration = EngineConfiguration.DEFAULT
                .withMaxOpenOrdersPerAccount(BACKGROUND_ORDERS + BATCH)
                .withMaxOpenOrdersPerPair(BACKGROUND_ORDERS + 2 * BATCH);
            engine = BenchmarkExchange.create(configuration, 3, BenchmarkExchange.AMPLE_BALANCE);
            for (int i = 0; i < BACKGROUND_ORDERS; i++)
            {
                place(limit(BACKGROUND, i));
            }
        }

        /** Cancels the caller's orders with one cancel-all, which leaves nothing in the book for the next batch. */
        void clearCaller()
        {
            check(engine.apply(new CancelAllOrders(CALLER, BenchmarkExchange.COIN_PAIR),
                BenchmarkExchange.TIMESTAMP_MS, EventSink.NONE));
        }

        long place(final PlaceOrder order)
        {
            final long[] orderId = new long[1];
            check(engine.apply(order, BenchmarkExchange.TIMESTAMP_MS, (final Event event) ->
            {
                if (event instanceof OrderAccepted accepted)
                {
                    orderId[0] = accepted.order().orderId();
                }
            }));
            return orderId[0];
        }

        void checkOpenOrders(final long accountId, final int expected)
        {
            if (engine.openOrderCount(accountId) != expected)
            {
                throw new IllegalStateException("account " + accountId + " holds " +
                    engine.openOrderCount(accountId) + " open orders, expected " + expected);
            }
        }
    }

    /** Before each batch the caller holds no orders; after it, the batch. */
    @State(Scope.Thread)
    public static class NoCallerOrders extends Book
    {
        @Setup(Level.Invocation)
        public void clear()
        {
            clearCaller();
        }

        @TearDown(Level.Invocation)
        public void checkPlaced()
        {
            checkOpenOrders(CALLER, BATCH);
        }
    }

    /** Before each batch the caller's {@value #BATCH} non-crossing orders are placed; after it none is left. */
    @State(Scope.Thread)
    public static class PlacedBatch extends Book
    {
        @Setup(Level.Invocation)
        public void placeBatch()
        {
            clearCaller();
            for (int i = 0; i < BATCH; i++)
            {
                orderIds[i] = place(limit(CALLER, i));
            }
        }

        @TearDown(Level.Invocation)
        public void checkCancelled()
        {
            checkOpenOrders(CALLER, 0);
        }
    }

    /**
     * Before each batch the caller's {@value #BATCH} asks of one lot at the mid price are the best asks; after it
     * every one is filled and the taker holds nothing.
     */
    @State(Scope.Thread)
    public static class BestAsks extends Book
    {
        @Setup(Level.Invocation)
        public void placeAsks()
        {
            clearCaller();
            for (int i = 0; i < BATCH; i++)
            {
                place(PlaceOrder.limit(CALLER, BenchmarkExchange.COIN_PAIR, Side.SELL, MID_PRICE, 1));
            }
        }

        @TearDown(Level.Invocation)
        public void checkFilled()
        {
            checkOpenOrders(CALLER, 0);
            checkOpenOrders(TAKER, 0);
        }
    }

    /** A one-lot bid below or ask above the mid price, on one of {@value #LEVELS} levels per side. */
    static PlaceOrder limit(final long accountId, final int index)
    {
        final boolean bid = (index & 1) == 0;
        final long offset = 1 + (index >> 1) % LEVELS;
        return PlaceOrder.limit(accountId, BenchmarkExchange.COIN_PAIR, bid ? Side.BUY : Side.SELL,
            bid ? MID_PRICE - offset : MID_PRICE + offset, 1);
    }

    static void check(final Status status)
    {
        if (status != Status.SUCCESS)
        {
            throw new IllegalStateException("benchmark operation failed: " + status);
        }
    }
}
