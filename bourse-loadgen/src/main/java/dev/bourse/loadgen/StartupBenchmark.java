package dev.bourse.loadgen;

import dev.bourse.bench.Figures;
import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.command.Command;
import dev.bourse.journal.JournalConfiguration;
import dev.bourse.journal.JournalWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Start-up time of {@code bourse serve} on a data directory holding a large exchange: a {@link JournalWorkload} stream
 * with deep resting orders (so that many orders are open throughout, and at the end) is journaled into a data
 * directory as the server lays it out, then the server (its own JVM, {@code --history off}, no simulated market) is
 * started on it from the journal alone, every command replayed through the apply step into the engine and the read
 * model; stopped, when it writes a snapshot; and started again, from that snapshot. Each start is timed from launching
 * the JVM until its public API answers; a start on an empty data directory is the baseline beside them.
 */
final class StartupBenchmark
{
    private static final long SEED = 11;

    private final long commands;
    private final int deepOrders;
    private final Path cliJar;
    private final Figures report;
    private final OutcomeChecks checks;

    /**
     * @param commands   commands to journal, set-up included.
     * @param deepOrders deep resting orders of the stream (a multiple of 800).
     * @param cliJar     the Bourse command-line jar.
     * @param report     where figures go.
     * @param checks     where failed outcome checks go.
     */
    StartupBenchmark(final long commands, final int deepOrders, final Path cliJar, final Figures report,
        final OutcomeChecks checks)
    {
        this.commands = commands;
        this.deepOrders = deepOrders;
        this.cliJar = cliJar;
        this.report = report;
        this.checks = checks;
    }

    /** Runs the benchmark in a directory of its own. */
    void run(final Path directory) throws IOException
    {
        if (!Files.isRegularFile(cliJar))
        {
            throw new IOException("no Bourse server jar at " + cliJar + " (build it with ./bourse or mvnw package)");
        }
        report.add("journal.startup.empty.time", startAndStop(Files.createDirectories(directory.resolve("empty")),
            directory.resolve("empty.log")), "s");

        final Path dataDir = Files.createDirectories(directory.resolve("data"));
        final JournalConfiguration configuration = JournalConfiguration.defaults(dataDir);
        final JournalWorkload workload = new JournalWorkload(SEED, deepOrders, EngineConfiguration.DEFAULT);
        write(configuration, workload);
        report.add("journal.startup.commands", commands, "commands");
        report.add("journal.startup.open_orders", workload.resting(), "orders");
        report.add("journal.startup.journal_size", DirectorySize.bytes(configuration.journalDirectory()) /
            (1024.0 * 1024.0), "MiB");

        final double fromJournalS = startAndStop(dataDir, directory.resolve("from-journal.log"));
        report.add("journal.startup.from_journal.time", fromJournalS, "s");
        checks.check(holdsFile(configuration.snapshotDirectory()), "the server wrote no snapshot as it stopped");
        report.add("journal.startup.snapshot_size", DirectorySize.bytes(configuration.snapshotDirectory()) /
            (1024.0 * 1024.0), "MiB");
        report.add("journal.startup.from_snapshot.time", startAndStop(dataDir, directory.resolve("from-snapshot.log")),
            "s");
    }

    private void write(final JournalConfiguration configuration, final JournalWorkload workload)
    {
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            for (long i = 1; i <= commands; i++)
            {
                final long timestampMs = workload.nextTimestampMs();
                final Command command = workload.next();
                writer.append(timestampMs, command);
                if (i % JournalBenchmark.BATCH_COMMANDS == 0 || i == commands)
                {
                    writer.commit();
                }
                workload.apply(timestampMs, command);
            }
        }
    }

    /** @return the seconds from launching the server until it served; then stops it (it snapshots as it stops). */
    private double startAndStop(final Path dataDir, final Path log) throws IOException
    {
        final int port = ServerProcess.freePort();
        final int adminPort = ServerProcess.freePort();
        final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        final long startNs = System.nanoTime();
        try (ServerProcess server = ServerProcess.start("Bourse", List.of("-jar", cliJar.toString(), "serve",
            "--port", Integer.toString(port), "--admin-port", Integer.toString(adminPort), "--data-dir",
            dataDir.toString(), "--no-simulated-market", "--history", "off"), Map.of("BOURSE_ADMIN_TOKEN", token),
            port, log))
        {
            return (System.nanoTime() - startNs) / 1e9;
        }
    }

    private static boolean holdsFile(final Path directory) throws IOException
    {
        if (!Files.isDirectory(directory))
        {
            return false;
        }
        try (Stream<Path> files = Files.list(directory))
        {
            return files.findAny().isPresent();
        }
    }
}
