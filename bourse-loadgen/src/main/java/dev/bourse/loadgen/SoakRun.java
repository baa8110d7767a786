package dev.bourse.loadgen;

import dev.bourse.bench.Figures;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The soak run, {@code ./bourse bench --soak} (not in CI): Bourse alone ({@code bourse-cli.jar serve --fsync
 * per-batch} in its own JVM, as in the whole-server part), its maximum measured as there (closed loop, the same
 * traders, mix and in-flight count, median of the rounds), then {@code minutes} one-minute phases of open loop at half
 * that maximum, back to back. Each minute gives its throughput, p50, p99 and p99.9 (from the intended send times),
 * its errors (no envelope, or a code other than 1000 and the mix's expected 3321), the machine's load average, and,
 * read from the server's own {@code GET /metrics} at the end of the minute, the heap after the last GC, the heap in
 * use, the open files, the committed sequence, the snapshots made so far and the time the GC's concurrent cycles took
 * in the minute: a leak or a drift shows as a trend over the minutes, and the load and snapshot figures tell a drift
 * of the machine or of a snapshot from one of the server.
 */
public final class SoakRun
{
    /** Minutes of the soak by default. */
    public static final int DEFAULT_MINUTES = 10;

    private static final long MINUTE_MS = 60_000;
    private static final double MIB = 1024.0 * 1024.0;
    private static final String GC_CONCURRENT = "jvm_gc_concurrent_phase_time_seconds_sum";
    private static final int[] EXPECTED_CODES = {1000, 3321};

    private final Path cliJar;
    private final Path workDir;

    /**
     * @param cliJar  the Bourse command-line jar whose {@code serve} is soaked.
     * @param workDir where the data directory and the server's log go.
     */
    public SoakRun(final Path cliJar, final Path workDir)
    {
        this.cliJar = cliJar;
        this.workDir = workDir;
    }

    /**
     * @param minutes how many one-minute phases at half the maximum.
     * @param report  where figures go.
     * @param checks  where failed outcome checks go.
     */
    public void run(final int minutes, final Figures report, final OutcomeChecks checks)
        throws IOException, InterruptedException
    {
        if (!Files.isRegularFile(cliJar))
        {
            throw new IOException("no Bourse server jar at " + cliJar + " (build it with ./bourse or mvnw package)");
        }
        final ServerBenchmarkConfiguration configuration = ServerBenchmarkConfiguration.full();
        final int port = ServerProcess.freePort();
        final int adminPort = ServerProcess.freePort();
        final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        final Path dataDir = Files.createDirectories(workDir.resolve("bourse-data"));
        try (ServerProcess server = ServerProcess.start("Bourse",
            List.of("-jar", cliJar.toString(), "serve", "--port", Integer.toString(port), "--admin-port",
                Integer.toString(adminPort), "--data-dir", dataDir.toString(), "--fsync", "per-batch"),
            Map.of("BOURSE_ADMIN_TOKEN", token), port, workDir.resolve("bourse-server.log")))
        {
            final List<ApiCredentials> traders =
                new AdminClient(adminPort, token).createTraders(configuration.traders());
            final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
            try (LoadGenerator bourse = new LoadGenerator(vertx, "127.0.0.1", server.port(),
                ServerRun.sessions(traders), configuration.connections()))
            {
                final long rate = Math.max(1, Math.round(maximum(bourse, configuration, report, checks) / 2));
                report.add("soak.offered", rate, "req/s");
                report.add("soak.minutes", minutes, "min");
                soak(bourse, rate, minutes, adminPort, report, checks);
            }
            finally
            {
                vertx.close().await();
            }
        }
    }

    private static double maximum(final LoadGenerator bourse, final ServerBenchmarkConfiguration configuration,
        final Figures report, final OutcomeChecks checks)
    {
        bourse.runClosedLoop(configuration.closedInFlight(), configuration.warmUpMs(), configuration.measureMs());
        final double[] rates = new double[configuration.rounds()];
        for (int round = 0; round < rates.length; round++)
        {
            final LoadResult result = bourse.runClosedLoop(configuration.closedInFlight(), configuration.warmUpMs(),
                configuration.measureMs());
            checks.checkPhase("soak: closed loop round " + round, result);
            rates[round] = result.throughputPerSecond();
        }
        final double maximum = ServerBenchmark.median(rates);
        report.add("soak.max.throughput", maximum, "req/s");
        return maximum;
    }

    private static void soak(final LoadGenerator bourse, final long rate, final int minutes, final int adminPort,
        final Figures report, final OutcomeChecks checks) throws IOException, InterruptedException
    {
        final HttpClient http = HttpClient.newHttpClient();
        long answered = 0;
        long errors = 0;
        double gcSeconds = MetricsScrape.sum(MetricsScrape.of(http, adminPort), GC_CONCURRENT);
        for (int minute = 1; minute <= minutes; minute++)
        {
            final LoadResult result = bourse.runOpenLoop(rate, 0, MINUTE_MS);
            final String phase = "soak minute " + minute;
            checks.checkPhase(phase, result);
            final long minuteErrors = result.failed() + result.answered() - result.countOf(EXPECTED_CODES);
            final Map<String, Double> metrics = MetricsScrape.of(http, adminPort);
            final String prefix = String.format(Locale.ROOT, "soak.m%02d.", minute);
            report.add(prefix + "throughput", result.throughputPerSecond(), "req/s");
            report.add(prefix + "p50", result.percentileMs(50), "ms");
            report.add(prefix + "p99", result.percentileMs(99), "ms");
            report.add(prefix + "p99_9", result.percentileMs(99.9), "ms");
            report.add(prefix + "errors", minuteErrors, "requests");
            report.add(prefix + "heap_after_gc", metrics.getOrDefault("bourse_jvm_heap_after_gc_bytes", -1.0) / MIB,
                "MiB");
            report.add(prefix + "heap_used", MetricsScrape.sum(metrics, "jvm_memory_used_bytes{area=\"heap\"")
                / MIB, "MiB");
            report.add(prefix + "open_files", metrics.getOrDefault("process_files_open_files", -1.0), "files");
            report.add(prefix + "committed_sequence", metrics.getOrDefault("bourse_sequence_committed", -1.0),
                "commands");
            report.add(prefix + "snapshots", metrics.getOrDefault("bourse_snapshot_seconds_count", -1.0),
                "snapshots");
            final double gcSecondsNow = MetricsScrape.sum(metrics, GC_CONCURRENT);
            report.add(prefix + "gc_concurrent", gcSecondsNow - gcSeconds, "s");
            gcSeconds = gcSecondsNow;
            MachineLoad.report(report, String.format(Locale.ROOT, "soak_m%02d", minute));
            answered += result.answered();
            errors += minuteErrors;
        }
        report.add("soak.answered", answered, "requests");
        report.add("soak.errors", errors, "requests");
    }
}
