package dev.bourse.journal;

import dev.bourse.engine.Engine;
import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.EventSink;
import dev.bourse.engine.PairPolicy;
import dev.bourse.engine.PairState;
import dev.bourse.engine.Side;
import dev.bourse.engine.TransferDetails;
import dev.bourse.engine.TransferType;
import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.PutPair;
import dev.bourse.engine.command.Transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A deterministic stream of engine commands: a pair, accounts, deposits, then orders, cancels and cancel-alls. */
final class EngineScenario
{
    static final int ACCOUNTS = 8;
    static final PairPolicy POLICY =
        new PairPolicy("BTC/KRW", 10_000, 0, 4, 1, 1_000_000_000L, 0, Long.MAX_VALUE, 1_000, 2_000,
            PairState.TRADING);

    private EngineScenario()
    {
    }

    static List<Command> commands(final int count, final long seed)
    {
        final Random random = new Random(seed);
        final List<Command> commands = new ArrayList<>();
        commands.add(new PutPair("BTC", "KRW", 8, 4, POLICY));
        for (int account = 1; account <= ACCOUNTS; account++)
        {
            commands.add(new CreateAccount());
            commands.add(new Transfer(account, TransferType.DEPOSIT, "KRW", 1_000_000_000_000L, 0,
                TransferDetails.NONE));
            commands.add(new Transfer(account, TransferType.DEPOSIT, "BTC", 100_000_000_000L, 1_000,
                new TransferDetails("addr" + account, "", "", "")));
        }
        for (int i = commands.size(); i < count; i++)
        {
            final long account = 1 + random.nextInt(ACCOUNTS);
            final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            final int kind = random.nextInt(10);
            commands.add(switch (kind)
            {
                case 0 -> new CancelOrder(account, 10_100_000_000_001L + random.nextInt(Math.max(1, i)));
                case 1 -> new CancelAllOrders(account, "BTC.KRW");
                case 2 -> PlaceOrder.market(account, "BTC.KRW", side, 10_000L * (1 + random.nextInt(20)));
                default -> PlaceOrder.limit(account, "BTC.KRW", side, 10_000L * (900 + random.nextInt(200)),
                    10_000L * (1 + random.nextInt(50)));
            });
        }
        return commands.subList(0, count);
    }

    static Engine engine()
    {
        return new Engine(EngineConfiguration.DEFAULT);
    }

    /** Appends and applies each command, committing every {@code batch}; the timestamp is 1000 + sequence. */
    static void run(final JournalWriter writer, final Engine engine, final List<Command> commands, final int batch)
    {
        for (int i = 0; i < commands.size(); i++)
        {
            final long timestampMs = 1000 + writer.lastAppendedSequence() + 1;
            writer.append(timestampMs, commands.get(i));
            engine.apply(commands.get(i), timestampMs, EventSink.NONE);
            if ((i + 1) % batch == 0)
            {
                writer.commit();
            }
        }
        writer.commit();
    }
}
