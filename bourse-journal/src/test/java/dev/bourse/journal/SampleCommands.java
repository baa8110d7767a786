package dev.bourse.journal;

import dev.bourse.engine.OrderType;
import dev.bourse.engine.PairPolicy;
import dev.bourse.engine.PairState;
import dev.bourse.engine.SelfTradePrevention;
import dev.bourse.engine.Side;
import dev.bourse.engine.TimeInForce;
import dev.bourse.engine.TransferDetails;
import dev.bourse.engine.TransferType;
import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.FireDeadMansSwitches;
import dev.bourse.engine.command.IssueApiKey;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.PutPair;
import dev.bourse.engine.command.RevokeApiKey;
import dev.bourse.engine.command.SetDeadMansSwitch;
import dev.bourse.engine.command.Transfer;

import java.util.ArrayList;
import java.util.List;

/** Commands for tests: one of every type, deterministic from an index. */
final class SampleCommands
{
    static final PairPolicy POLICY = new PairPolicy("Bitcoin / Korean won", 1_000, 0, 4, 1, 1_000_000_000L, 0,
        Long.MAX_VALUE, 1_000, 2_000, PairState.TRADING);

    private SampleCommands()
    {
    }

    /** @return a command of type {@code index % 12} with fields derived from the index. */
    static Command command(final int index)
    {
        final long n = index;
        return switch (index % 12)
        {
            case 0 -> new PutPair("BTC", "KRW", 8, 0, POLICY);
            case 1 -> new CreateAccount(n % 3 == 1 ? "" : "label-" + n);
            case 2 -> new Transfer(n, TransferType.DEPOSIT, "KRW", 1_000_000 + n, n % 7,
                new TransferDetails("addr-" + n, "", "Bank", "ACC" + n));
            case 3 -> new IssueApiKey(n, "key" + "0123456789abcdef".repeat(2) + n, "cipher-" + n, 10, 600, "");
            case 4 -> new RevokeApiKey("key" + n);
            case 5 -> new PlaceOrder(n, "BTC.KRW", OrderType.LIMIT, Side.BUY, 50_000_000 + n, 0, 1_000 + n);
            case 6 -> new CancelOrder(n, 10_100_000_000_000L + n);
            case 7 -> new CancelAllOrders(n, "BTC.KRW");
            case 8 -> new PlaceOrder(n, "BTC.KRW", OrderType.LIMIT, Side.SELL, 50_000_000 + n, 0, 1_000 + n,
                TimeInForce.values()[index % 4], SelfTradePrevention.values()[index % 4], "client-" + n);
            case 9 -> CancelOrder.byClientOrderId(n, "client-" + n);
            case 10 -> new SetDeadMansSwitch(n, n % 2 == 0 ? null : "BTC.KRW", 30_000 + n);
            default -> new CancelAllOrders(n, null, Side.BUY);
        };
    }

    /** @return commands 0..count-1. */
    static List<Command> commands(final int count)
    {
        final List<Command> commands = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            commands.add(command(i));
        }
        return commands;
    }
}
