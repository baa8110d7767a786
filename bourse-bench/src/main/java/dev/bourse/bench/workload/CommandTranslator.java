package dev.bourse.bench.workload;

import dev.bourse.engine.Side;
import dev.bourse.engine.TimeInForce;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.PlaceOrder;
import org.agrona.collections.Long2LongHashMap;

/**
 * Turns workload commands into engine commands ahead of a replay, as the peer harness builds its commands before it
 * times them: a workload's order IDs are mapped to the IDs the engine will give, which come from its sequence
 * ({@value #FIRST_ORDER_ID}, then one more for each accepted order: docs/ENGINE.md), so a cancel names its order
 * before the order is placed. The replay checks each ID the engine gives against the one predicted here. An IOC order
 * is a LIMIT order with time in force IOC (see {@link WorkloadReplayer}).
 */
public final class CommandTranslator
{
    /** The engine's first order ID. */
    public static final long FIRST_ORDER_ID = 10_100_000_000_001L;

    private final Long2LongHashMap engineOrderIds = new Long2LongHashMap(-1);
    private long nextOrderId = FIRST_ORDER_ID;

    /**
     * @return the engine command of a workload command: a placement takes the next order ID of the sequence, a
     * cancel names the ID its order took.
     */
    public Command translate(final WorkloadCommand command)
    {
        return switch (command)
        {
            case WorkloadCommand.Place place ->
            {
                engineOrderIds.put(place.orderId(), nextOrderId++);
                yield toPlaceOrder(place);
            }
            case WorkloadCommand.Cancel cancel -> new CancelOrder(cancel.uid(), engineOrderIds.get(cancel.orderId()));
        };
    }

    /** @return the ID the engine gives the next order translated. */
    public long nextOrderId()
    {
        return nextOrderId;
    }

    private static PlaceOrder toPlaceOrder(final WorkloadCommand.Place place)
    {
        final Side side = place.buy() ? Side.BUY : Side.SELL;
        final PlaceOrder limit =
            PlaceOrder.limit(place.uid(), BenchmarkExchange.COIN_PAIR, side, place.price(), place.size());
        return place.immediateOrCancel() ? limit.withTimeInForce(TimeInForce.IOC) : limit;
    }
}
