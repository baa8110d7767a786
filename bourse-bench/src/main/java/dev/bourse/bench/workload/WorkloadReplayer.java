package dev.bourse.bench.workload;

import dev.bourse.engine.Engine;
import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.EventSink;
import dev.bourse.engine.SelfTradePrevention;
import dev.bourse.engine.Status;
import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.event.AllOrdersCancelled;
import dev.bourse.engine.event.Event;
import dev.bourse.engine.event.OrderAccepted;
import dev.bourse.engine.event.TradeExecuted;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays a shared workload through an engine and counts its outcome. The workload runs on a
 * {@link BenchmarkExchange} (its ticks and lots 1:1 in base units, no fees), its uids are accounts 1..N (created in
 * that order), its order IDs are mapped to the engine's. An IOC order becomes a MARKET order: in the shared
 * workloads every IOC's limit lies beyond every resting price (90,000 or 110,000 against a book within
 * 99,000..101,000), so it takes exactly what a market order takes; the expected outcome in the header checks that
 * this holds. The workloads assume no self-trade prevention (an account's orders may trade with each other), so the
 * engine runs with {@link SelfTradePrevention#NONE}.
 */
public final class WorkloadReplayer implements EventSink
{
    /** The pair the workloads trade. */
    public static final String COIN_PAIR = BenchmarkExchange.COIN_PAIR;

    private static final long TIMESTAMP_MS = BenchmarkExchange.TIMESTAMP_MS;

    private final Engine engine;
    private final CommandTranslator translator = new CommandTranslator();
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
        engine = BenchmarkExchange.create(configuration, accounts, balance);
    }

    /** @return a replayer set up for the workload's uids and balance. */
    public static WorkloadReplayer forWorkload(final Workload workload, final EngineConfiguration configuration)
    {
        return new WorkloadReplayer(configuration, workload.maxUid(), workload.initialBalance());
    }

    /** @return the engine command of a workload command (IDs resolved against what was replayed so far). */
    public Command toEngineCommand(final WorkloadCommand command)
    {
        return translator.toEngineCommand(command);
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
            translator.record(place.orderId(), lastAcceptedOrderId);
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
                ids.add(all.orderIds().toList());
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
