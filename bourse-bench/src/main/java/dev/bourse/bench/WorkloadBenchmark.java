package dev.bourse.bench;

import dev.bourse.bench.workload.Workload;
import dev.bourse.bench.workload.WorkloadCommand;
import dev.bourse.bench.workload.WorkloadReplayer;
import dev.bourse.engine.command.Command;

import java.util.List;

/**
 * Throughput of workload replays (W2 as shipped, W1, and generated W2-shaped runs): the median over repetitions,
 * each on a fresh engine with the prefill untimed and the timed commands translated before the clock starts (as the
 * peer harness builds its commands first), every outcome verified; for W2, the ratio to the peer's median.
 */
final class WorkloadBenchmark
{
    /** exchange-core's W2 median from shared/bench/README.md ("median about 0.9M"), in M commands/s. */
    static final double PEER_W2_MEDIAN_MCMD_PER_S = 0.9;

    private WorkloadBenchmark()
    {
    }

    /**
     * Replays prefill + main {@code warmUps} times unmeasured (for the JIT), then {@code repetitions} times
     * measured, and prints {@code <prefix>.throughput} (median, min, max) and the verified outcome (the same end
     * state every time).
     *
     * @return the median throughput in M commands/s.
     */
    static double measure(
        final String prefix,
        final Workload prefill,
        final Workload main,
        final int warmUps,
        final int repetitions,
        final Figures figures)
    {
        for (int i = 0; i < warmUps; i++)
        {
            ReplayRun.replay(prefill, main);
        }
        final int commands = main.commands().size();
        final Samples throughput = new Samples(repetitions);
        ReplayRun first = null;
        for (int i = 0; i < repetitions; i++)
        {
            final ReplayRun run = ReplayRun.replay(prefill, main);
            ReplayRun.check(first == null || first.stateHash() == run.stateHash(),
                prefix + ": repetition " + i + " ended in another state");
            first = first == null ? run : first;
            throughput.add(run.commandsPerSecond(commands) / 1e6);
        }
        figures.add(prefix + ".throughput", throughput.median(), "Mcmd/s");
        figures.add(prefix + ".throughput.min", throughput.min(), "Mcmd/s");
        figures.add(prefix + ".throughput.max", throughput.max(), "Mcmd/s");
        figures.add(prefix + ".commands", commands, "commands");
        figures.add(prefix + ".trades", first.trades(), "trades");
        figures.add(prefix + ".volume", first.volume(), "lots");
        figures.add(prefix + ".resting", first.resting(), "orders");
        return throughput.median();
    }

    /**
     * W1's cancellation phase both ways, in the same run: its 1,000 single cancels against one cancel-all of the
     * same orders; prints {@code engine.w1.cancel_phase.singles} and {@code engine.w1.cancel_phase.cancel_all}.
     */
    static void measureW1CancelPhase(final Workload w1, final int repetitions, final Figures figures)
    {
        final List<WorkloadCommand> placements =
            w1.commands().stream().filter(command -> command instanceof WorkloadCommand.Place).toList();
        final List<WorkloadCommand> cancels =
            w1.commands().stream().filter(command -> command instanceof WorkloadCommand.Cancel).toList();
        final Samples singles = new Samples(repetitions);
        final Samples cancelAll = new Samples(repetitions);
        for (int i = 0; i < repetitions; i++)
        {
            final WorkloadReplayer bySingles = WorkloadReplayer.forWorkload(w1, ReplayRun.CONFIGURATION);
            bySingles.replay(placements);
            final Command[] cancelCommands = bySingles.prepare(cancels);
            final long singlesStartNs = System.nanoTime();
            bySingles.replay(cancelCommands);
            singles.add((System.nanoTime() - singlesStartNs) / 1e6);
            ReplayRun.check(bySingles.resting() == 0 && bySingles.rejected() == 0, "W1 single cancels left orders");

            final WorkloadReplayer byCancelAll = WorkloadReplayer.forWorkload(w1, ReplayRun.CONFIGURATION);
            byCancelAll.replay(placements);
            final long allStartNs = System.nanoTime();
            final int cancelled = byCancelAll.cancelAll(1).size();
            cancelAll.add((System.nanoTime() - allStartNs) / 1e6);
            ReplayRun.check(cancelled == placements.size() && byCancelAll.resting() == 0,
                "W1 cancel-all missed orders");
        }
        figures.add("engine.w1.cancel_phase.singles", singles.median(), "ms");
        figures.add("engine.w1.cancel_phase.cancel_all", cancelAll.median(), "ms");
    }
}
