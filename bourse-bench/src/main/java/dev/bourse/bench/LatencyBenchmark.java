package dev.bourse.bench;

import dev.bourse.bench.workload.Workload;
import dev.bourse.bench.workload.WorkloadCommand;
import dev.bourse.bench.workload.WorkloadReplayer;
import dev.bourse.engine.command.Command;
import org.HdrHistogram.Histogram;

import java.util.List;

/**
 * Latency of {@code Engine.apply} at fixed offered rates, open loop: W2's main commands (after its prefill, translated
 * before the run) are
 * due at fixed intervals, and each command's latency runs from when it was due (its intended start) to when its
 * apply returned, so time spent behind schedule counts (coordinated omission corrected). The baseline is the same
 * paced loop with nothing to apply at the highest rate: the cost of the clock and the pacing.
 */
final class LatencyBenchmark
{
    private static final long MAX_LATENCY_NS = 60_000_000_000L;

    private LatencyBenchmark()
    {
    }

    /** Measures each rate on a fresh replay of prefill + main (at most {@code commands} of main) and prints it. */
    static void measure(
        final Workload prefill, final Workload main, final int commands, final long[] ratesPerSecond,
        final Figures figures)
    {
        final List<WorkloadCommand> timed = main.commands().subList(0, Math.min(commands, main.commands().size()));
        Command[] prepared = null;
        for (final long rate : ratesPerSecond)
        {
            final WorkloadReplayer replayer = WorkloadReplayer.forWorkload(prefill, ReplayRun.CONFIGURATION);
            replayer.replay(prefill.commands());
            prepared = replayer.prepare(timed);
            final Histogram histogram = paced(prepared, rate, replayer);
            ReplayRun.check(replayer.rejected() == 0, "latency run: " + replayer.rejected() + " rejected");
            print("engine.latency.rate" + rate, histogram, figures);
        }
        final Histogram harness = paced(prepared, ratesPerSecond[ratesPerSecond.length - 1], null);
        print("engine.latency.harness", harness, figures);
    }

    private static Histogram paced(
        final Command[] commands, final long ratePerSecond, final WorkloadReplayer replayerOrNull)
    {
        final Histogram histogram = new Histogram(MAX_LATENCY_NS, 3);
        final double intervalNs = 1e9 / ratePerSecond;
        final long startNs = System.nanoTime();
        for (int i = 0; i < commands.length; i++)
        {
            final long intendedNs = startNs + (long)(i * intervalNs);
            while (System.nanoTime() < intendedNs)
            {
                Thread.onSpinWait();
            }
            if (replayerOrNull != null)
            {
                replayerOrNull.replay(commands[i]);
            }
            histogram.recordValue(Math.min(System.nanoTime() - intendedNs, MAX_LATENCY_NS));
        }
        return histogram;
    }

    private static void print(final String prefix, final Histogram histogram, final Figures figures)
    {
        figures.add(prefix + ".p50", histogram.getValueAtPercentile(50) / 1e3, "us");
        figures.add(prefix + ".p99", histogram.getValueAtPercentile(99) / 1e3, "us");
        figures.add(prefix + ".p99_9", histogram.getValueAtPercentile(99.9) / 1e3, "us");
        figures.add(prefix + ".max", histogram.getMaxValue() / 1e3, "us");
    }
}
