package dev.bourse.bench;

import dev.bourse.bench.workload.BenchmarkExchange;
import dev.bourse.bench.workload.Workload;
import dev.bourse.bench.workload.WorkloadReplayer;
import dev.bourse.engine.Engine;
import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.command.Command;

/**
 * One timed replay: a fresh engine, the prefill replayed untimed, then the main part (translated to engine commands
 * before the clock starts) timed, and its outcome checked
 * against what the main part's header (or generator) states. Funds must add up: with no fees, every account's
 * balances sum to what was deposited.
 *
 * @param mainNanos    the time of the main part.
 * @param trades       trades of the main part.
 * @param volume       lots traded in the main part.
 * @param resting      orders resting at the end.
 * @param stateHash    the engine's state hash at the end.
 */
record ReplayRun(long mainNanos, long trades, long volume, int resting, long stateHash)
{
    static final EngineConfiguration CONFIGURATION = EngineConfiguration.DEFAULT.withMaxOpenOrdersPerAccount(1_000_000);

    static ReplayRun replay(final Workload prefill, final Workload main)
    {
        final long accounts = Math.max(prefill.maxUid(), main.maxUid());
        final WorkloadReplayer replayer = new WorkloadReplayer(CONFIGURATION, accounts, prefill.initialBalance());
        replayer.replay(prefill.commands());
        final long tradesBefore = replayer.trades();
        final long volumeBefore = replayer.volume();
        final Command[] commands = replayer.prepare(main.commands());
        final long startNs = System.nanoTime();
        replayer.replay(commands);
        final long elapsedNs = System.nanoTime() - startNs;
        final ReplayRun run = new ReplayRun(elapsedNs, replayer.trades() - tradesBefore,
            replayer.volume() - volumeBefore, replayer.resting(), replayer.engine().stateHash());
        check(replayer.rejected() == 0, replayer.rejected() + " commands rejected");
        run.checkAgainst(main);
        checkFunds(replayer.engine(), accounts, prefill.initialBalance());
        return run;
    }

    double commandsPerSecond(final int commands)
    {
        return commands * 1e9 / mainNanos;
    }

    private void checkAgainst(final Workload main)
    {
        check(trades == main.expectedTrades() && volume == main.expectedVolume() && resting == main.expectedResting(),
            "outcome trades=" + trades + " volume=" + volume + " resting=" + resting + ", expected trades=" +
            main.expectedTrades() + " volume=" + main.expectedVolume() + " resting=" + main.expectedResting());
    }

    private static void checkFunds(final Engine engine, final long accounts, final long balance)
    {
        for (final String currency : new String[]{BenchmarkExchange.BASE, BenchmarkExchange.QUOTE})
        {
            long total = 0;
            for (long account = 1; account <= accounts; account++)
            {
                total = Math.addExact(total, engine.balance(account, currency));
            }
            check(total == Math.multiplyExact(accounts, balance) && engine.feesCollected(currency) == 0,
                currency + ": balances sum to " + total + ", deposited " + accounts * balance);
        }
    }

    static void check(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalStateException(message);
        }
    }
}
