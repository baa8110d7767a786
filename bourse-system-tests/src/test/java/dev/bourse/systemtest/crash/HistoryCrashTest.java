package dev.bourse.systemtest.crash;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bourse.history.DatabaseCheck;
import dev.bourse.history.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history database survives crashes of the server and of itself: {@code bourse serve} (history on, its embedded
 * PostgreSQL) runs as a child process under concurrent signed traffic; each round kills its PostgreSQL with SIGKILL
 * (the server starts it again and the history catches up while trading goes on), then kills the server with SIGKILL
 * while the history may still be projecting, and restarts it. After the last round the tables hold every order state,
 * fill, trade and transfer of the journal exactly once. {@code -Dbourse.history.crash.rounds=N} changes the rounds.
 */
class HistoryCrashTest
{
    private static final int TRADERS = 3;
    private static final int ROUNDS = Integer.getInteger("bourse.history.crash.rounds", 2);
    private static final long SEED = Long.getLong("bourse.crash.seed", System.nanoTime());
    private static final long TIMEOUT_MS = 120_000;

    @TempDir
    Path dir;

    private final Acknowledgements acks = new Acknowledgements();
    private final Random random = new Random(SEED);

    @Test
    void shouldHoldEveryEventExactlyOnceAfterTheServerAndTheDatabaseWereKilled() throws Exception
    {
        final Path dataDir = dir.resolve("data");
        final Path config = dir.resolve("bourse.properties");
        Files.writeString(config, "demo=false\nfsync=per-batch\nsnapshotIntervalCommands=200\nsnapshotsToKeep=2\n");
        System.out.println("history crash test seed " + SEED + " (-Dbourse.crash.seed=" + SEED + ")");

        ServerProcess server = ServerProcess.start(dataDir, config);
        final List<ExchangeConnection.Trader> traders =
            TrafficWorker.fundedTraders(ExchangeConnection.of(server, dataDir), TRADERS, acks);
        for (int round = 1; round <= ROUNDS; round++)
        {
            final ExchangeConnection connection = ExchangeConnection.of(server, dataDir);
            final long ackedBefore = acks.acknowledged.get();
            final CompletableFuture<Void> databaseKillMoment = new CompletableFuture<>();
            final List<Thread> workers = startWorkers(connection, traders,
                ackedBefore + 100 + random.nextInt(300), databaseKillMoment);
            databaseKillMoment.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            killPostgres(dataDir);
            final long serverKillAt = acks.acknowledged.get() + 200 + random.nextInt(400);
            awaitCondition(() -> acks.acknowledged.get() >= serverKillAt, "trading to go on without the database");
            server.kill();
            for (final Thread worker : workers)
            {
                worker.join(TIMEOUT_MS);
                assertThat(worker.isAlive()).as("worker stopped after the kill").isFalse();
            }
            server = ServerProcess.start(dataDir, config);
            final ExchangeConnection restarted = ExchangeConnection.of(server, dataDir);
            awaitCondition(() -> historyCaughtUp(restarted), "the history to catch up after round " + round);
        }
        assertThat(server.stop()).isEqualTo(143);
        assertThat(acks.cancelAlls.get()).as("cancel-alls acknowledged").isPositive();

        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(dataDir.resolve("postgres")))
        {
            DatabaseCheck.assertDatabaseHoldsTheJournal(postgres.jdbcUrl(), dataDir, TRADERS,
                List.of(TrafficWorker.PAIR));
        }
    }

    private List<Thread> startWorkers(final ExchangeConnection connection,
        final List<ExchangeConnection.Trader> traders, final long moment, final CompletableFuture<Void> reached)
    {
        final List<Thread> workers = new ArrayList<>();
        for (final ExchangeConnection.Trader trader : traders)
        {
            final Thread worker = new Thread(new TrafficWorker(List.of(connection), 0, new AtomicBoolean(), trader,
                acks, moment, reached, random.nextLong()), "traffic-" + trader.accountId());
            worker.start();
            workers.add(worker);
        }
        return workers;
    }

    /** SIGKILL to the embedded PostgreSQL: its postmaster and every process of it. */
    private static void killPostgres(final Path dataDir) throws IOException
    {
        final Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        final long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).getFirst().trim());
        final Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
        assertThat(postmaster).as("the embedded PostgreSQL runs").isPresent();
        final List<ProcessHandle> processes = new ArrayList<>(postmaster.get().descendants().toList());
        processes.add(postmaster.get());
        processes.forEach(ProcessHandle::destroyForcibly);
        processes.forEach(process -> process.onExit().join());
    }

    private static boolean historyCaughtUp(final ExchangeConnection connection)
    {
        try
        {
            final JsonNode health = connection.admin("GET", "/admin/v1/health", null).path("responseData");
            return health.path("history").path("lag").asLong(-1) == 0 &&
                "CURRENT".equals(health.path("history").path("status").asText());
        }
        catch (final IOException ex)
        {
            return false;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitCondition(final java.util.function.BooleanSupplier condition, final String what)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        while (!condition.getAsBoolean())
        {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
