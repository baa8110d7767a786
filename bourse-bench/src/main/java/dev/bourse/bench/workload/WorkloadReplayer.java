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
 * that order), its order IDs are mapped to the engine's. Commands are translated ahead ({@link #prepare}) and applied
 * from an array ({@link #replay(Command[])}), so a timed replay times the engine and not the translation, as the
 * peer harness does; every order ID the engine gives is checked against the one the translation predicted. An IOC
 * order is replayed as what it is, a LIMIT order with time in force IOC at its limit price: what it cannot fill at
 * once is cancelled; the expected outcome in the header checks the replay. The workloads assume no self-trade
 * prevention (an account's orders may trade with each other), so the engine runs with
 * {@link SelfTradePrevention#NONE}.
 */
public final class WorkloadReplayer implements EventSink
{
    /** The pair the workloads trade. */
    public static final String COIN_PAIR = BenchmarkExchange.COIN_PAIR;

    private static final long TIMESTAMP_MS = BenchmarkExchange.TIMESTAMP_MS;

    private final Engine engine;
    private final CommandTranslator translator = new CommandTranslator();
    private long expectedOrderId = CommandTranslator.FIRST_ORDER_ID;
    private long unexpectedOrderIds;
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

    /**
     * @return the engine commands of the workload commands, to be replayed after everything prepared before them
     * (IDs follow on from those).
     */
    public Command[] prepare(final List<WorkloadCommand> commands)
    {
        final Command[] prepared = new Command[commands.size()];
        for (int i = 0; i < prepared.length; i++)
        {
            prepared[i] = translator.translate(commands.get(i));
        }
        return prepared;
    }

    /** Prepares and replays the commands in order. */
    public void replay(final List<WorkloadCommand> commands)
    {
        replay(prepare(commands));
    }

    /** Replays prepared commands in order. */
    public void replay(final Command[] commands)
    {
        for (final Command command : commands)
        {
            replay(command);
        }
    }

    /** Replays one prepared command. */
    public void replay(final Command command)
    {
        if (!engine.apply(command, TIMESTAMP_MS, this).isSuccess())
        {
            rejected++;
        }
    }

    /** @return the IDs cancelled by a cancel-all of the account on the workload's pair. */
    public List<Long> cancelAll(final long uid)
    {
        final List<List<Long>> ids = new ArrayList<>(1);
        final Status status = engine.apply(new CancelAllOrders(uid, COIN_PAIR), TIMESTAMP_MS, event ->
        {
            if (event instanceof AllOrdersCancelled all)
            {
                ids.add(all.orderIds().toList());
            }
        });
        if (!status.isSuccess())
        {
            rejected++;
        }
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
        else if (event instanceof OrderAccepted accepted && accepted.order().orderId() != expectedOrderId++)
        {
            unexpectedOrderIds++;
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

    /**
     * @return commands the engine rejected so far, and orders it gave another ID than the translation predicted
     * (either makes the replay wrong).
     */
    public long rejected()
    {
        return rejected + unexpectedOrderIds;
    }

    /** @return orders resting in the book now. */
    public int resting()
    {
        return engine.openOrderCountOfPair(COIN_PAIR);
    }
}
