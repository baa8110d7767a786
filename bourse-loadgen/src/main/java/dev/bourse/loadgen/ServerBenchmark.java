package dev.bourse.loadgen;

import dev.bourse.bench.Figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole-server figures, from two generators of the same sessions' kind: one at the ceiling (a bare Vert.x route),
 * one at Bourse.
 * <ol>
 *     <li>One unmeasured closed loop on each side (warms the generator, the servers and the connections).</li>
 *     <li>Closed loop, ceiling and Bourse in alternating order, {@code rounds} times: maximum throughput and Bourse's share of the
 *     ceiling (median of the per-round ratios, so both sides of a ratio were measured in the same minute).</li>
 *     <li>Open loop at half of Bourse's median maximum, {@code rounds} times: p50, p99, p99.9 (medians).</li>
 *     <li>A sweep of offered rates (fractions of Bourse's maximum), Bourse and the ceiling at the same rates.</li>
 * </ol>
 * Every phase also gives each server's CPU time per request ({@link ProcessCpu}: its process, those it started and
 * Bourse's embedded PostgreSQL, read before and after the phase, divided by every request answered in it, warm-up and
 * drain included).
 */
public final class ServerBenchmark
{
    private final ServerBenchmarkConfiguration configuration;
    private final Figures report;
    private final OutcomeChecks checks;
    private final ProcessCpu ceilingCpu;
    private final ProcessCpu bourseCpu;

    /**
     * @param configuration how long and how hard.
     * @param report        where figures go.
     * @param checks        where failed outcome checks go.
     * @param ceilingCpu    the bare server's CPU clock.
     * @param bourseCpu     Bourse's CPU clock.
     */
    public ServerBenchmark(final ServerBenchmarkConfiguration configuration, final Figures report,
        final OutcomeChecks checks, final ProcessCpu ceilingCpu, final ProcessCpu bourseCpu)
    {
        this.configuration = configuration;
        this.report = report;
        this.checks = checks;
        this.ceilingCpu = ceilingCpu;
        this.bourseCpu = bourseCpu;
    }

    /**
     * Runs every phase.
     *
     * @param ceiling a generator at the bare server.
     * @param bourse  a generator at Bourse.
     * @return the sweep's points, for the plot.
     */
    public List<SweepPoint> run(final LoadGenerator ceiling, final LoadGenerator bourse)
    {
        final double bourseMax = closedLoop(ceiling, bourse);
        openLoopAtHalf(bourse, bourseMax);
        return sweep(ceiling, bourse, bourseMax);
    }

    private double closedLoop(final LoadGenerator ceiling, final LoadGenerator bourse)
    {
        final double[] ceilingRates = new double[configuration.rounds()];
        final double[] bourseRates = new double[configuration.rounds()];
        final double[] shares = new double[configuration.rounds()];
        final double[] ceilingCpuUs = new double[configuration.rounds()];
        final double[] bourseCpuUs = new double[configuration.rounds()];
        final double[] cpuRatios = new double[configuration.rounds()];
        // warms the generator, both servers and the connections before anything is measured
        closed(ceiling, ceilingCpu);
        closed(bourse, bourseCpu);
        LoadResult last = null;
        for (int round = 0; round < configuration.rounds(); round++)
        {
            // alternates which side goes first, so that a drift of the machine does not favour one
            final boolean ceilingFirst = round % 2 == 0;
            final Metered first = ceilingFirst ? closed(ceiling, ceilingCpu) : closed(bourse, bourseCpu);
            final Metered second = ceilingFirst ? closed(bourse, bourseCpu) : closed(ceiling, ceilingCpu);
            final LoadResult atCeiling = (ceilingFirst ? first : second).result();
            last = (ceilingFirst ? second : first).result();
            ceilingCpuUs[round] = (ceilingFirst ? first : second).cpuPerRequestUs();
            bourseCpuUs[round] = (ceilingFirst ? second : first).cpuPerRequestUs();
            cpuRatios[round] = bourseCpuUs[round] / ceilingCpuUs[round];
            checks.checkPhase("ceiling closed loop round " + round, atCeiling);
            checks.checkPhase("bourse closed loop round " + round, last);
            ceilingRates[round] = atCeiling.throughputPerSecond();
            bourseRates[round] = last.throughputPerSecond();
            shares[round] = 100 * bourseRates[round] / ceilingRates[round];
        }
        final double bourseMax = median(bourseRates);
        report.add("server.ceiling.closed.throughput", median(ceilingRates), "req/s");
        report.add("server.bourse.closed.throughput", bourseMax, "req/s");
        report.add("server.bourse.closed.share_of_ceiling", median(shares), "%");
        report.add("server.ceiling.closed.cpu_per_request", median(ceilingCpuUs), "us");
        report.add("server.bourse.closed.cpu_per_request", median(bourseCpuUs), "us");
        report.add("server.bourse.closed.cpu_vs_ceiling", median(cpuRatios), "x");
        report.add("server.bourse.closed.p50", last.percentileMs(50), "ms");
        report.add("server.bourse.closed.p99", last.percentileMs(99), "ms");
        report.add("server.closed.in_flight", configuration.closedInFlight(), "requests");
        for (final Map.Entry<Integer, Long> status : last.statusCounts().entrySet())
        {
            report.add("server.bourse.closed.status_" + status.getKey(), status.getValue(), "answers");
        }
        return bourseMax;
    }

    private Metered closed(final LoadGenerator generator, final ProcessCpu cpu)
    {
        final long cpuBeforeNs = cpu.totalNs();
        final LoadResult result = generator.runClosedLoop(configuration.closedInFlight(), configuration.warmUpMs(),
            configuration.measureMs());
        return new Metered(result, cpu.totalNs() - cpuBeforeNs);
    }

    private static Metered open(
        final LoadGenerator generator, final ProcessCpu cpu, final long rate, final long warmUpMs, final long measureMs)
    {
        final long cpuBeforeNs = cpu.totalNs();
        final LoadResult result = generator.runOpenLoop(rate, warmUpMs, measureMs);
        return new Metered(result, cpu.totalNs() - cpuBeforeNs);
    }

    /** A phase's result and the CPU time its server used in it. */
    private record Metered(LoadResult result, long cpuNs)
    {
        double cpuPerRequestUs()
        {
            return cpuNs / 1_000.0 / Math.max(1, result.allAnswered());
        }
    }

    private void openLoopAtHalf(final LoadGenerator bourse, final double bourseMax)
    {
        final long rate = Math.max(1, Math.round(bourseMax / 2));
        final double[] p50 = new double[configuration.rounds()];
        final double[] p99 = new double[configuration.rounds()];
        final double[] p999 = new double[configuration.rounds()];
        final double[] achieved = new double[configuration.rounds()];
        final double[] cpuUs = new double[configuration.rounds()];
        for (int round = 0; round < configuration.rounds(); round++)
        {
            final Metered metered = open(bourse, bourseCpu, rate, configuration.warmUpMs(), configuration.measureMs());
            final LoadResult result = metered.result();
            cpuUs[round] = metered.cpuPerRequestUs();
            checks.checkPhase("bourse open loop at half round " + round, result);
            p50[round] = result.percentileMs(50);
            p99[round] = result.percentileMs(99);
            p999[round] = result.percentileMs(99.9);
            achieved[round] = result.throughputPerSecond();
        }
        report.add("server.bourse.half_max.offered", rate, "req/s");
        report.add("server.bourse.half_max.achieved", median(achieved), "req/s");
        report.add("server.bourse.half_max.p50", median(p50), "ms");
        report.add("server.bourse.half_max.p99", median(p99), "ms");
        report.add("server.bourse.half_max.p99_9", median(p999), "ms");
        report.add("server.bourse.half_max.cpu_per_request", median(cpuUs), "us");
    }

    private List<SweepPoint> sweep(final LoadGenerator ceiling, final LoadGenerator bourse, final double bourseMax)
    {
        final List<SweepPoint> points = new ArrayList<>();
        for (final double fraction : configuration.sweepFractions())
        {
            final long rate = Math.max(1, Math.round(bourseMax * fraction));
            final String name = String.format(Locale.ROOT, "pct%03d", Math.round(fraction * 100));
            for (final String target : List.of("bourse", "ceiling"))
            {
                final boolean atBourse = "bourse".equals(target);
                final Metered metered = open(atBourse ? bourse : ceiling, atBourse ? bourseCpu : ceilingCpu, rate,
                    ServerBenchmarkConfiguration.SWEEP_WARM_UP_MS, configuration.sweepMeasureMs());
                final LoadResult result = metered.result();
                checks.checkPhase(target + " sweep at " + rate + "/s", result);
                final SweepPoint point = SweepPoint.of(target, result);
                points.add(point);
                final String prefix = "server." + target + ".sweep." + name;
                report.add(prefix + ".offered", point.offeredPerSecond(), "req/s");
                report.add(prefix + ".achieved", point.achievedPerSecond(), "req/s");
                report.add(prefix + ".p50", point.p50Ms(), "ms");
                report.add(prefix + ".p99", point.p99Ms(), "ms");
                report.add(prefix + ".p99_9", point.p999Ms(), "ms");
                report.add(prefix + ".cpu_per_request", metered.cpuPerRequestUs(), "us");
            }
        }
        return points;
    }

    /** @return the median (the mean of the two middle values for an even count). */
    static double median(final double[] values)
    {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
