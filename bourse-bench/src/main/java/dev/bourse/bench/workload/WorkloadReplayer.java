package dev.bourse.bench.workload;

import dev.bourse.engine.Engine;
import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.EventSink;
import dev.bourse.engine.PairPolicy;
import dev.bourse.engine.PairState;
import dev.bourse.engine.SelfTradePrevention;
import dev.bourse.engine.Side;
import dev.bourse.engine.Status;
import dev.bourse.engine.TransferDetails;
import dev.bourse.engine.TransferType;
import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.PutPair;
import dev.bourse.engine.command.Transfer;
import dev.bourse.engine.event.AllOrdersCancelled;
import dev.bourse.engine.event.Event;
import dev.bourse.engine.event.OrderAccepted;
import dev.bourse.engine.event.TradeExecuted;
import org.agrona.collections.Long2LongHashMap;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays a shared workload through an engine and counts its outcome. The workload's pair is mapped 1:1 to a pair of
 * two currencies of scale 0 with 0 price and amount decimals and no fees, its uids to accounts 1..N (created in that
 * order), its order IDs to the engine's. An IOC order becomes a MARKET order: in the shared workloads every IOC's
 * limit lies beyond every resting price (90,000 or 110,000 against a book within 99,000..101,000), so it takes
 * exactly what a market order takes; the expected outcome in the header checks that this holds. The workloads assume
 * no self-trade prevention (an account's orders may trade with each other), so the engine runs with
 * {@link SelfTradePrevention#NONE}.
 */
public final class WorkloadReplayer implements EventSink
{
    /** The pair the workloads trade. */
    public static final String COIN_PAIR = "BASE.QUOTE";

    private static final long TIMESTAMP_MS = 1_700_000_000_000L;

    private final Engine engine;
    private final Long2LongHashMap engineOrderIds = new Long2LongHashMap(-1);
    private long lastAcceptedOrderId;
    private long trades;
    private long volume;
    private long rejected;

    /**
     * @param configuration the engine's limits.
     * @param accounts      accounts to create (uids 1..accounts).
     * @param balance       deposited to each, in both currencies.
     */
    public WorkloadReplayer(final EngineConfiguration configuration, final long accounts, final long balance)
    {
        engine = new Engine(configuration.withSelfTradePrevention(SelfTradePrevention.NONE));
        final PairPolicy policy = new PairPolicy("workload pair", 1, 0, 0, 1, Long.MAX_VALUE, 0, Long.MAX_VALUE,
            0, 0, PairState.TRADING);
        setUp(new PutPair("BASE", "QUOTE", 0, 0, policy));
        for (long uid = 1; uid <= accounts; uid++)
        {
            setUp(new CreateAccount());
            setUp(new Transfer(uid, TransferType.DEPOSIT, "BASE", balance, 0, TransferDetails.NONE));
            setUp(new Transfer(uid, TransferType.DEPOSIT, "QUOTE", balance, 0, TransferDetails.NONE));
        }
    }

    /** @return a replayer set up for the workload's uids and balance. */
    public static WorkloadReplayer forWorkload(final Workload workload, final EngineConfiguration configuration)
    {
        return new WorkloadReplayer(configuration, workload.maxUid(), workload.initialBalance());
    }

    /** @return the engine commands of a workload command (IDs resolved against what was replayed so far). */
    public Command toEngineCommand(final WorkloadCommand command)
    {
        return switch (command)
        {
            case WorkloadCommand.Place place -> toPlaceOrder(place);
            case WorkloadCommand.Cancel cancel -> new CancelOrder(cancel.uid(), engineOrderIds.get(cancel.orderId()));
        };
    }

    private static PlaceOrder toPlaceOrder(final WorkloadCommand.Place place)
    {
        final Side side = place.buy() ? Side.BUY : Side.SELL;
        return place.immediateOrCancel() ?
            PlaceOrder.market(place.uid(), COIN_PAIR, side, place.size()) :
            PlaceOrder.limit(place.uid(), COIN_PAIR, side, place.price(), place.size());
    }

    /** Replays the commands in order. */
    public void replay(final List<WorkloadCommand> commands)
    {
        for (final WorkloadCommand command : commands)
        {
            replay(command);
        }
    }

    /** Replays one command. */
    public void replay(final WorkloadCommand command)
    {
        lastAcceptedOrderId = 0;
        final Status status = engine.apply(toEngineCommand(command), TIMESTAMP_MS, this);
        if (!status.isSuccess())
        {
            rejected++;
        }
        if (command instanceof WorkloadCommand.Place place && lastAcceptedOrderId != 0)
        {
            engineOrderIds.put(place.orderId(), lastAcceptedOrderId);
        }
    }

    /** @return the IDs cancelled by a cancel-all of the account on the workload's pair. */
    public List<Long> cancelAll(final long uid)
    {
        final List<List<Long>> ids = new ArrayList<>(1);
        engine.apply(new CancelAllOrders(uid, COIN_PAIR), TIMESTAMP_MS, event ->
        {
            if (event instanceof AllOrdersCancelled all)
            {
                ids.add(all.orderIds());
            }
        });
        return ids.getFirst();
    }

    @Override
    public void onEvent(final Event event)
    {
        if (event instanceof TradeExecuted trade)
        {
            trades++;
            volume += trade.quantity();
        }
        else if (event instanceof OrderAccepted accepted)
        {
            lastAcceptedOrderId = accepted.order().orderId();
        }
    }

    private void setUp(final Command command)
    {
        final Status status = engine.apply(command, TIMESTAMP_MS, EventSink.NONE);
        if (!status.isSuccess())
        {
            throw new IllegalStateException("workload set-up failed: " + command + " -> " + status);
        }
    }

    /** @return the engine, for checks after a replay. */
    public Engine engine()
    {
        return engine;
    }

    /** @return trades so far. */
    public long trades()
    {
        return trades;
    }

    /** @return traded quantity so far, in lots. */
    public long volume()
    {
        return volume;
    }

    /** @return commands the engine rejected so far. */
    public long rejected()
    {
        return rejected;
    }

    /** @return orders resting in the book now. */
    public int resting()
    {
        return engine.openOrderCountOfPair(COIN_PAIR);
    }
}
