package dev.bourse.bench.workload;

import dev.bourse.engine.Engine;
import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.EventSink;
import dev.bourse.engine.PairPolicy;
import dev.bourse.engine.PairState;
import dev.bourse.engine.SelfTradePrevention;
import dev.bourse.engine.Status;
import dev.bourse.engine.TransferDetails;
import dev.bourse.engine.TransferType;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.PutPair;
import dev.bourse.engine.command.Transfer;

/**
 * The exchange every engine benchmark runs on: one pair {@value #COIN_PAIR} of two currencies of scale 0 with 0
 * price and amount decimals and no fees (a workload's ticks and lots map 1:1 to base units), accounts 1..N funded
 * in both currencies, and no self-trade prevention (the shared workloads let an account's orders trade with each
 * other). A benchmark of several pairs gets more pairs of the same kind, {@link #coinPair(int)}, each of its own
 * Currency priced in {@value #QUOTE}, in which the accounts are funded too.
 */
public final class BenchmarkExchange
{
    /** The pair the benchmarks trade. */
    public static final String COIN_PAIR = "BASE.QUOTE";
    /** The base currency of {@link #COIN_PAIR}. */
    public static final String BASE = "BASE";
    /** The quote (Market) currency of {@link #COIN_PAIR}. */
    public static final String QUOTE = "QUOTE";
    /** The timestamp every benchmark command carries. */
    public static final long TIMESTAMP_MS = 1_700_000_000_000L;
    /** A balance no benchmark comes near reserving, in either currency. */
    public static final long AMPLE_BALANCE = 1_000_000_000_000_000L;

    private BenchmarkExchange()
    {
    }

    /**
     * @param configuration the engine's limits (self-trade prevention is replaced by NONE).
     * @param accounts      accounts to create (IDs 1..accounts).
     * @param balance       deposited to each, in both currencies.
     * @return a new engine holding the pair and the funded accounts.
     */
    public static Engine create(final EngineConfiguration configuration, final long accounts, final long balance)
    {
        return create(configuration, accounts, balance, 1);
    }

    /**
     * @param configuration the engine's limits (self-trade prevention is replaced by NONE).
     * @param accounts      accounts to create (IDs 1..accounts).
     * @param balance       deposited to each, in every currency.
     * @param pairs         pairs to create: {@code coinPair(0)} ... {@code coinPair(pairs - 1)}.
     * @return a new engine holding the pairs and the funded accounts.
     */
    public static Engine create(
        final EngineConfiguration configuration, final long accounts, final long balance, final int pairs)
    {
        final Engine engine = new Engine(configuration.withSelfTradePrevention(SelfTradePrevention.NONE));
        final PairPolicy policy = new PairPolicy("benchmark pair", 1, 0, 0, 1, Long.MAX_VALUE, 0, Long.MAX_VALUE,
            0, 0, PairState.TRADING);
        for (int pair = 0; pair < pairs; pair++)
        {
            setUp(engine, new PutPair(currency(pair), QUOTE, 0, 0, policy));
        }
        for (long uid = 1; uid <= accounts; uid++)
        {
            setUp(engine, new CreateAccount());
            setUp(engine, new Transfer(uid, TransferType.DEPOSIT, QUOTE, balance, 0, TransferDetails.NONE));
            for (int pair = 0; pair < pairs; pair++)
            {
                setUp(engine, new Transfer(uid, TransferType.DEPOSIT, currency(pair), balance, 0,
                    TransferDetails.NONE));
            }
        }
        return engine;
    }

    /** @return the pair of that index: {@value #COIN_PAIR} for 0, then {@code B1.QUOTE}, {@code B2.QUOTE}... */
    public static String coinPair(final int index)
    {
        return currency(index) + "." + QUOTE;
    }

    private static String currency(final int index)
    {
        return index == 0 ? BASE : "B" + index;
    }

    /** Applies a command that must succeed. */
    public static void setUp(final Engine engine, final Command command)
    {
        final Status status = engine.apply(command, TIMESTAMP_MS, EventSink.NONE);
        if (!status.isSuccess())
        {
            throw new IllegalStateException("benchmark set-up failed: " + command + " -> " + status);
        }
    }
}
