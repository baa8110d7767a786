package dev.bourse.loadgen;

import dev.bourse.bench.Figures;
import dev.bourse.engine.TransferType;
import dev.bourse.engine.command.Command;
import dev.bourse.history.EmbeddedDatabase;
import dev.bourse.history.PostgresHistory;
import dev.bourse.journal.FsyncMode;
import dev.bourse.journal.JournalConfiguration;
import dev.bourse.journal.JournalReader;
import dev.bourse.journal.JournalWriter;
import dev.bourse.server.BourseServer;
import dev.bourse.server.ServerContext;
import dev.bourse.server.auth.SecretCipher;
import dev.bourse.server.readmodel.HistoryStore;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.recovery.ExchangeRecovery;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The history figures, each beside a baseline measured in the same run:
 * <ol>
 *     <li>Projection throughput: a W2-shaped journal ({@link JournalWorkload}) replayed by a server with the history
 *     in PostgreSQL from sequence 0 (commands/s and rows/s until the history caught up), beside the same journal
 *     replayed in memory without a database.</li>
 *     <li>Query latency of the history's three range queries (market trades, an account's fills, a page of
 *     transfers with its count) at {@code queryRows} trades and fills, beside the same queries at 1/100 of the rows.</li>
 *     <li>The server before and after the change under the same load ({@code bourse serve} in its own JVM, signed
 *     HTTP through {@link LoadGenerator}): before is {@code --history off} with the old in-memory caps, after is the
 *     default (history in the embedded PostgreSQL); closed-loop throughput and p99, heap after a full GC, and the
 *     history's lag (commands) sampled every 50 ms during the load.</li>
 * </ol>
 */
public final class HistoryBenchmark
{
    private static final long SEED = 11;
    private static final int BATCH_COMMANDS = 1_024;
    private static final int QUERIES = 400;
    private static final long DAY_MS = 24L * 3600 * 1000;
    private static final long START_MS = 1_700_000_000_000L;
    private static final int PAIRS = 10;
    private static final int ACCOUNTS = 1_000;
    private static final String LEGACY_CAPS = "historyWindowCompletedOrders=2000000\n" +
        "historyWindowTradesPerPair=200000\nhistoryWindowFillsPerAccount=20000\nhistoryWindowTransfersPerAccount=10000\n";
    private static final Pattern USED = Pattern.compile("used (\\d+)([KMG])");

    private final long commands;
    private final long queryRows;
    private final long loadMs;
    private final Path cliJar;
    private final Figures report;
    private final OutcomeChecks checks;

    /**
     * @param commands  commands of the journal the projection replays.
     * @param queryRows trades (and fills) in the table the queries run against.
     * @param loadMs    how long each server is loaded in the before/after comparison.
     * @param cliJar    the Bourse command-line jar whose {@code serve} is compared.
     * @param report    where figures go.
     * @param checks    where failed outcome checks go.
     */
    public HistoryBenchmark(final long commands, final long queryRows, final long loadMs, final Path cliJar,
        final Figures report, final OutcomeChecks checks)
    {
        this.commands = commands;
        this.queryRows = queryRows;
        this.loadMs = loadMs;
        this.cliJar = cliJar;
        this.report = report;
        this.checks = checks;
    }

    /** @param workDir where the data directories and the databases go. */
    public void run(final Path workDir) throws Exception
    {
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(workDir.resolve("postgres")))
        {
            projection(workDir.resolve("projection"), postgres);
            queries(workDir, postgres);
        }
        if (Files.isRegularFile(cliJar))
        {
            beforeAndAfter(workDir);
        }
        else
        {
            checks.check(false, "no Bourse server jar at " + cliJar + " for the before/after comparison");
        }
    }

    private void projection(final Path dataDir, final EmbeddedDatabase postgres) throws Exception
    {
        final JournalConfiguration journal = JournalConfiguration.defaults(dataDir).withFsyncMode(FsyncMode.NONE);
        final JournalWorkload workload = new JournalWorkload(SEED);
        try (JournalWriter writer = JournalWriter.open(journal))
        {
            for (long i = 1; i <= commands; i++)
            {
                final long timestampMs = workload.nextTimestampMs();
                final Command command = workload.next();
                writer.append(timestampMs, command);
                workload.apply(timestampMs, command);
                if (i % BATCH_COMMANDS == 0)
                {
                    writer.commit();
                }
            }
            writer.commit();
        }
        final long[] events = new long[1];
        final ExchangeRecovery inMemory = ExchangeRecovery.empty(JournalWorkload.ENGINE_CONFIGURATION,
            ReadModel.Configuration.DEFAULT, new SecretCipher(new byte[SecretCipher.KEY_BYTES]),
            applied -> events[0] += applied.events().size());
        final long replayStartNs = System.nanoTime();
        new JournalReader(journal.journalDirectory(), journal.maxBatchBytes()).read(1, inMemory);
        final double replaySeconds = (System.nanoTime() - replayStartNs) / 1e9;
        checks.check(inMemory.lastSequence() == commands, "the in-memory replay applied every command");

        final String url = newDatabase(postgres, "projection");
        final ServerContext context = new ServerContext().publicPort(0).adminPort(0).publicHost("127.0.0.1")
            .dataDir(dataDir).demoPairs(false).fsyncMode(FsyncMode.NONE)
            .engineConfiguration(JournalWorkload.ENGINE_CONFIGURATION)
            .databaseUrl(url).databaseUser("postgres").historyFactory(PostgresHistory.FACTORY);
        final long startNs = System.nanoTime();
        final double projectionSeconds;
        try (BourseServer server = BourseServer.start(context))
        {
            awaitTrue(() -> server.history().committedSequence() >= commands, TimeUnit.MINUTES.toMillis(30));
            projectionSeconds = (System.nanoTime() - startNs) / 1e9;
        }
        final long rows = count(url, "SELECT (SELECT count(*) FROM order_state) + (SELECT count(*) FROM fill) + " +
            "(SELECT count(*) FROM trade) + (SELECT count(*) FROM transfer)");
        checks.check(count(url, "SELECT committed_sequence FROM history_progress") == commands,
            "the history committed every command of the journal");
        report.add("history.replay_only.throughput", commands / replaySeconds, "commands/s");
        report.add("history.replay_only.events", events[0] / replaySeconds, "events/s");
        report.add("history.projection.throughput", commands / projectionSeconds, "commands/s");
        report.add("history.projection.events", events[0] / projectionSeconds, "events/s");
        report.add("history.projection.rows", rows / projectionSeconds, "rows/s");
        report.add("history.projection.share_of_replay", 100.0 * replaySeconds / projectionSeconds, "%");
    }

    private void queries(final Path workDir, final EmbeddedDatabase postgres) throws Exception
    {
        final long baselineRows = Math.max(1_000, queryRows / 100);
        final double[] baseline = queryLatencies(workDir, postgres, "queries_small", baselineRows);
        final double[] large = queryLatencies(workDir, postgres, "queries_large", queryRows);
        final String[] names = {"trades", "fills", "transfers"};
        report.add("history.query.rows", queryRows, "rows");
        report.add("history.query.baseline_rows", baselineRows, "rows");
        for (int i = 0; i < names.length; i++)
        {
            report.add("history.query." + names[i] + ".p50", large[2 * i], "ms");
            report.add("history.query." + names[i] + ".p99", large[2 * i + 1], "ms");
            report.add("history.query." + names[i] + ".baseline_p50", baseline[2 * i], "ms");
            report.add("history.query." + names[i] + ".baseline_p99", baseline[2 * i + 1], "ms");
        }
    }

    /** @return p50 and p99 of the trades, fills and transfers queries, in that order, on a table of the rows. */
    private double[] queryLatencies(
        final Path workDir, final EmbeddedDatabase postgres, final String name, final long rows) throws Exception
    {
        final String url = newDatabase(postgres, name);
        final ServerContext context = new ServerContext().dataDir(Files.createDirectories(workDir.resolve(name)))
            .databaseUrl(url).databaseUser("postgres");
        try (PostgresHistory history = PostgresHistory.open(context))
        {
            history.migrate();
            final long spanMs = rows * 10;
            execute(url, "INSERT INTO trade SELECT i, i, 'P' || (i % " + PAIRS + ") || '.Q', 100 + i % 50, 1, " +
                "100 + i % 50, i % 2, 2 * i, 1 + i % " + ACCOUNTS + ", 1, 2 * i + 1, 1 + (i * 7) % " + ACCOUNTS +
                ", 1, " + START_MS + " + i * 10 FROM generate_series(1, " + rows + ") i");
            execute(url, "INSERT INTO fill SELECT i, 2 * i, i, 1 + i % " + ACCOUNTS + ", 'P' || (i % " + PAIRS +
                ") || '.Q', i % 2, false, 100 + i % 50, 1, 100 + i % 50, 1, true, " + START_MS +
                " + i * 10 FROM generate_series(1, " + rows + ") i");
            execute(url, "INSERT INTO transfer SELECT i, i, 1 + i % " + ACCOUNTS + ", i % 2, 'Q', 1000, 1, 1001, " +
                "'', '', '', '', " + START_MS + " + i * 100 FROM generate_series(1, " + Math.max(1, rows / 10) +
                ") i");
            execute(url, "ANALYZE");
            final HistoryStore store = history.store();
            final SplittableRandom random = new SplittableRandom(SEED);
            final double[] result = new double[6];
            final List<Supplier<Object>> queries = List.of(
                () ->
                {
                    final long from = START_MS + random.nextLong(spanMs);
                    return store.trades("P" + random.nextInt(PAIRS) + ".Q", from, from + 3_600_000, rows, 100).join();
                },
                () ->
                {
                    final long to = START_MS + random.nextLong(spanMs);
                    return store.fills(1 + random.nextInt(ACCOUNTS), null, to - 30 * DAY_MS, to, rows, 100).join();
                },
                () -> store.transfers(1 + random.nextInt(ACCOUNTS), null, random.nextBoolean() ?
                    TransferType.DEPOSIT : null, 0, Long.MAX_VALUE, rows, 0, 20).join());
            for (int q = 0; q < queries.size(); q++)
            {
                final double[] latencies = new double[QUERIES];
                for (int i = 0; i < QUERIES; i++)
                {
                    final long startNs = System.nanoTime();
                    queries.get(q).get();
                    latencies[i] = (System.nanoTime() - startNs) / 1e6;
                }
                Arrays.sort(latencies);
                result[2 * q] = latencies[QUERIES / 2];
                result[2 * q + 1] = latencies[QUERIES * 99 / 100];
            }
            return result;
        }
    }

    private void beforeAndAfter(final Path workDir) throws Exception
    {
        final Path legacy = workDir.resolve("legacy.properties");
        Files.writeString(legacy, LEGACY_CAPS);
        serve("before", workDir, List.of("--history", "off", "--config", legacy.toString()));
        serve("after", workDir, List.of());
    }

    private void serve(final String name, final Path workDir, final List<String> extra) throws Exception
    {
        final int port = ServerProcess.freePort();
        final int adminPort = ServerProcess.freePort();
        final String token = "history-bench-" + name;
        final Path dataDir = Files.createDirectories(workDir.resolve("serve-" + name));
        final List<String> arguments = new ArrayList<>(List.of("-jar", cliJar.toString(), "serve", "--port",
            Integer.toString(port), "--admin-port", Integer.toString(adminPort), "--data-dir", dataDir.toString(),
            "--fsync", "per-batch"));
        arguments.addAll(extra);
        try (ServerProcess server = ServerProcess.start("Bourse " + name, arguments,
            Map.of("BOURSE_ADMIN_TOKEN", token), port, workDir.resolve("serve-" + name + ".log")))
        {
            final List<ApiCredentials> traders = new AdminClient(adminPort, token).createTraders(32);
            final AtomicBoolean loading = new AtomicBoolean(true);
            final List<Long> lags = new ArrayList<>();
            final Thread sampler = new Thread(() -> sampleLag(adminPort, loading, lags), "history-lag-sampler");
            sampler.start();
            final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
            final LoadResult result;
            try (LoadGenerator generator = new LoadGenerator(vertx, "127.0.0.1", port,
                ServerRun.sessions(traders), 32))
            {
                result = generator.runClosedLoop(32, 1_000, loadMs);
            }
            finally
            {
                loading.set(false);
                sampler.join();
                vertx.close().await();
            }
            checks.checkPhase("history " + name + " closed loop", result);
            report.add("history." + name + ".throughput", result.throughputPerSecond(), "req/s");
            report.add("history." + name + ".p99", result.percentileMs(99), "ms");
            report.add("history." + name + ".heap_after_gc", heapAfterGcMiB(server.pid()), "MiB");
            if (!lags.isEmpty())
            {
                final long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
                report.add("history." + name + ".lag.p99", sorted[sorted.length * 99 / 100], "commands");
                report.add("history." + name + ".lag.max", sorted[sorted.length - 1], "commands");
            }
        }
    }

    /** Samples the history's lag from the health endpoint while the load runs (only when the history is on). */
    private static void sampleLag(final int adminPort, final AtomicBoolean loading, final List<Long> lags)
    {
        final HttpClient http = HttpClient.newHttpClient();
        final HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + adminPort + "/admin/v1/health")).GET().build();
        final Pattern lag = Pattern.compile("\"history\":\\{\"status\":\"(\\w+)\",\"committedSequence\":\\d+," +
            "\"lag\":(\\d+)");
        while (loading.get())
        {
            try
            {
                final Matcher matcher = lag.matcher(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
                if (matcher.find() && !"OFF".equals(matcher.group(1)))
                {
                    lags.add(Long.parseLong(matcher.group(2)));
                }
                Thread.sleep(50);
            }
            catch (final IOException ex)
            {
                return;
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** @return the heap in use after a full GC of the process, from {@code jcmd} of this JDK. */
    private static double heapAfterGcMiB(final long pid) throws IOException, InterruptedException
    {
        final String jcmd = Path.of(ServerProcess.javaBinary()).resolveSibling("jcmd").toString();
        run(List.of(jcmd, Long.toString(pid), "GC.run"));
        final Matcher used = USED.matcher(run(List.of(jcmd, Long.toString(pid), "GC.heap_info")));
        if (!used.find())
        {
            return -1;
        }
        final double amount = Long.parseLong(used.group(1));
        return switch (used.group(2))
        {
            case "K" -> amount / 1024;
            case "G" -> amount * 1024;
            default -> amount;
        };
    }

    private static String run(final List<String> command) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    private static String newDatabase(final EmbeddedDatabase postgres, final String name) throws SQLException
    {
        execute(postgres.jdbcUrl(), "CREATE DATABASE " + name);
        return postgres.jdbcUrl(name);
    }

    private static void execute(final String url, final String sql) throws SQLException
    {
        try (Connection connection = DriverManager.getConnection(url, "postgres", null);
            Statement statement = connection.createStatement())
        {
            statement.execute(sql);
        }
    }

    private static long count(final String url, final String sql) throws SQLException
    {
        try (Connection connection = DriverManager.getConnection(url, "postgres", null);
            Statement statement = connection.createStatement();
            ResultSet result = statement.executeQuery(sql))
        {
            result.next();
            return result.getLong(1);
        }
    }

    private static void awaitTrue(final java.util.function.BooleanSupplier condition, final long timeoutMs)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("the history did not catch up within " + timeoutMs + " ms");
            }
            Thread.sleep(10);
        }
    }
}
