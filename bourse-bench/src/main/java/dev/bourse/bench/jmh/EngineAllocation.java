package dev.bourse.bench.jmh;

import dev.bourse.bench.Figures;

import dev.bourse.bench.workload.BenchmarkExchange;
import dev.bourse.engine.Engine;
import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.EventSink;
import dev.bourse.engine.Side;
import dev.bourse.engine.Status;
import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.event.Event;
import dev.bourse.engine.event.OrderAccepted;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap allocated per command on the engine thread, exactly, for the operations of {@link EngineOperationsBenchmark}
 * on the same book: the thread's allocated-bytes counter (the one JMH's GC profiler reads) around the commands alone,
 * after enough rounds for the JIT. JMH's GC profiler itself would count the untimed set-up of each batch too (placing
 * the orders a cancel takes out), which is most of what a batch allocates. The commands are built before they are
 * counted, and the events go to a sink that keeps each command's events in a list (as the server's apply step does),
 * so that none is optimised away. Place (non-crossing), cancel and match (each incoming order fills one resting order)
 * are per command; cancel-all is per command and per order cancelled.
 */
public final class EngineAllocation
{
    private static final long CALLER = 1;
    private static final long BACKGROUND = 2;
    private static final long TAKER = 3;
    private static final int BACKGROUND_ORDERS = EngineOperationsBenchmark.BACKGROUND_ORDERS;
    private static final long MID_PRICE = EngineOperationsBenchmark.MID_PRICE;

    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final int batch;
    private final Engine engine;
    private final KeepingSink sink = new KeepingSink();

    private EngineAllocation(final int batch)
    {
        this.batch = batch;
        engine = BenchmarkExchange.create(EngineConfiguration.DEFAULT
            .withMaxOpenOrdersPerAccount(BACKGROUND_ORDERS + batch)
            .withMaxOpenOrdersPerPair(BACKGROUND_ORDERS + 2 * batch), 3, BenchmarkExchange.AMPLE_BALANCE);
        for (int i = 0; i < BACKGROUND_ORDERS; i++)
        {
            place(EngineOperationsBenchmark.limit(BACKGROUND, i));
        }
    }

    /**
     * Prints {@code engine.alloc.place}, {@code .cancel}, {@code .match}, {@code .cancel_all_<batch>} (bytes per
     * command) and {@code .cancel_all_<batch>.per_order}.
     *
     * @param batch        commands per measured batch, and the orders of the cancel-all.
     * @param warmUpRounds unmeasured rounds of every operation first.
     * @param figures      where the figures go.
     */
    public static void measure(final int batch, final int warmUpRounds, final Figures figures)
    {
        final EngineAllocation benchmark = new EngineAllocation(batch);
        final long[] bytes = new long[4];
        for (int round = 0; round <= warmUpRounds; round++)
        {
            bytes[0] = benchmark.placeBytes();
            bytes[1] = benchmark.cancelBytes();
            bytes[2] = benchmark.matchBytes();
            bytes[3] = benchmark.cancelAllBytes();
        }
        figures.add("engine.alloc.place", (double)bytes[0] / batch, "B/command");
        figures.add("engine.alloc.cancel", (double)bytes[1] / batch, "B/command");
        figures.add("engine.alloc.match", (double)bytes[2] / batch, "B/command");
        figures.add("engine.alloc.cancel_all_" + batch, bytes[3], "B/command");
        figures.add("engine.alloc.cancel_all_" + batch + ".per_order", (double)bytes[3] / batch, "B/order");
    }

    private long placeBytes()
    {
        final Command[] places = new Command[batch];
        for (int i = 0; i < batch; i++)
        {
            places[i] = EngineOperationsBenchmark.limit(CALLER, i);
        }
        final long bytes = counted(places);
        apply(new CancelAllOrders(CALLER, BenchmarkExchange.COIN_PAIR));
        return bytes;
    }

    private long cancelBytes()
    {
        final Command[] cancels = new Command[batch];
        for (int i = 0; i < batch; i++)
        {
            cancels[i] = new CancelOrder(CALLER, place(EngineOperationsBenchmark.limit(CALLER, i)));
        }
        return counted(cancels);
    }

    private long matchBytes()
    {
        final Command[] takers = new Command[batch];
        for (int i = 0; i < batch; i++)
        {
            place(PlaceOrder.limit(CALLER, BenchmarkExchange.COIN_PAIR, Side.SELL, MID_PRICE, 1));
            takers[i] = PlaceOrder.limit(TAKER, BenchmarkExchange.COIN_PAIR, Side.BUY, MID_PRICE, 1);
        }
        final long bytes = counted(takers);
        check(engine.openOrderCount(CALLER) == 0 && engine.openOrderCount(TAKER) == 0, "a match did not fill");
        return bytes;
    }

    private long cancelAllBytes()
    {
        for (int i = 0; i < batch; i++)
        {
            place(EngineOperationsBenchmark.limit(CALLER, i));
        }
        final long bytes = counted(new Command[] {new CancelAllOrders(CALLER, BenchmarkExchange.COIN_PAIR)});
        check(engine.openOrderCount(CALLER) == 0, "the cancel-all left orders");
        return bytes;
    }

    /** @return the bytes the engine thread allocated applying the commands (each must succeed). */
    private long counted(final Command[] commands)
    {
        int failed = 0;
        final long before = THREADS.getCurrentThreadAllocatedBytes();
        for (final Command command : commands)
        {
            failed += engine.apply(command, BenchmarkExchange.TIMESTAMP_MS, sink) == Status.SUCCESS ? 0 : 1;
            sink.events.clear();
        }
        final long bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
        check(failed == 0, failed + " commands failed");
        return bytes;
    }

    private void apply(final Command command)
    {
        check(engine.apply(command, BenchmarkExchange.TIMESTAMP_MS, EventSink.NONE) == Status.SUCCESS,
            "set-up command failed: " + command);
    }

    private long place(final PlaceOrder order)
    {
        final long[] orderId = new long[1];
        check(engine.apply(order, BenchmarkExchange.TIMESTAMP_MS, (final Event event) ->
        {
            if (event instanceof OrderAccepted accepted)
            {
                orderId[0] = accepted.order().orderId();
            }
        }) == Status.SUCCESS, "set-up order failed: " + order);
        return orderId[0];
    }

    private static void check(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalStateException(message);
        }
    }

    /** Keeps a command's events, as the apply step does, so that the JIT cannot drop them. */
    private static final class KeepingSink implements EventSink
    {
        final List<Event> events = new ArrayList<>(64);

        @Override
        public void onEvent(final Event event)
        {
            events.add(event);
        }
    }
}
