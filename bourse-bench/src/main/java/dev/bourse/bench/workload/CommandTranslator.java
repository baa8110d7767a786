package dev.bourse.bench.workload;

import dev.bourse.engine.Side;
import dev.bourse.engine.TimeInForce;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.PlaceOrder;
import org.agrona.collections.Long2LongHashMap;

/**
 * Turns workload commands into engine commands: a workload's order IDs are mapped to the IDs the engine gave, and an
 * IOC order is a LIMIT order with time in force IOC (see {@link WorkloadReplayer}).
 */
public final class CommandTranslator
{
    private final Long2LongHashMap engineOrderIds = new Long2LongHashMap(-1);

    /** @return the engine command of a workload command (a cancel resolved against the IDs recorded so far). */
    public Command toEngineCommand(final WorkloadCommand command)
    {
        return switch (command)
        {
            case WorkloadCommand.Place place -> toPlaceOrder(place);
            case WorkloadCommand.Cancel cancel -> new CancelOrder(cancel.uid(), engineOrderIds.get(cancel.orderId()));
        };
    }

    /** Records the engine's ID of a workload order. */
    public void record(final long workloadOrderId, final long engineOrderId)
    {
        engineOrderIds.put(workloadOrderId, engineOrderId);
    }

    private static PlaceOrder toPlaceOrder(final WorkloadCommand.Place place)
    {
        final Side side = place.buy() ? Side.BUY : Side.SELL;
        final PlaceOrder limit =
            PlaceOrder.limit(place.uid(), BenchmarkExchange.COIN_PAIR, side, place.price(), place.size());
        return place.immediateOrCancel() ? limit.withTimeInForce(TimeInForce.IOC) : limit;
    }

    /**
     * The harness's own cost, the baseline of a replay: translates every command and records a made-up engine ID
     * for each placement, as a replay does, but applies nothing.
     *
     * @return a checksum of the translated commands, so that the work cannot be optimised away.
     */
    public static long dryRun(final Iterable<WorkloadCommand> commands)
    {
        final CommandTranslator translator = new CommandTranslator();
        long checksum = 0;
        long nextId = 1;
        for (final WorkloadCommand command : commands)
        {
            final Command engineCommand = translator.toEngineCommand(command);
            checksum += engineCommand instanceof CancelOrder cancel ? cancel.orderId() : engineCommand.hashCode();
            if (command instanceof WorkloadCommand.Place place)
            {
                translator.record(place.orderId(), nextId++);
            }
        }
        return checksum;
    }
}
