package dev.bourse.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bourse.engine.Status;
import dev.bourse.engine.command.Command;
import dev.bourse.server.BourseServer;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import static dev.bourse.history.HistoryTestSupport.START_MS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange keeps trading while its history database is down (killed with SIGKILL, twice, the second time while
 * the history catches up); history reads that need the database answer 5001 meanwhile, the health endpoint shows the
 * lag, and once the database is back the history catches up from the journal with every row exactly once.
 */
class HistoryOutageTest
{
    @Test
    void shouldKeepTradingWhileTheDatabaseIsDownAndCatchUpExactlyOnce(
        @TempDir final Path dataDir, @TempDir final Path databaseDir) throws Exception
    {
        final int port = freePort();
        EmbeddedDatabase postgres = EmbeddedDatabase.start(databaseDir, port);
        final String url = HistoryTestSupport.newDatabase(postgres);
        final CachedEpochClock clock = new CachedEpochClock();
        clock.update(START_MS);
        final List<Command> commands = HistoryTestSupport.seededRun(3, 3, 1_200);
        final int half = commands.size() / 2;
        try (BourseServer server = BourseServer.start(
            HistoryTestSupport.context(dataDir, clock, url, HistoryTestSupport.TINY_WINDOW)))
        {
            HistoryTestSupport.apply(server, clock, commands.subList(0, half));
            final HistoryTestSupport.Key key = HistoryTestSupport.issueKey(server, 1);
            HistoryTestSupport.awaitHistoryCaughtUp(server);
            final long firstOrder = HistoryTestSupport.ORDER_ID_BASE + 1;
            final JsonNode before = HistoryTestSupport.signedGet(server, clock, key, "/v2/account/orders/" + firstOrder,
                null);

            kill(postgres);
            for (final Command command : commands.subList(half, commands.size()))
            {
                clock.advance(1);
                assertThat(server.submitAndWait(command)).isNotEqualTo(Status.INTERNAL_SERVER_ERROR);
            }
            HistoryTestSupport.await(() -> "UNAVAILABLE".equals(
                HistoryTestSupport.health(server).path("history").path("status").asText()), "the history to notice");
            final JsonNode health = HistoryTestSupport.health(server);
            assertThat(health.path("acceptingWrites").asBoolean()).isTrue();
            assertThat(health.path("history").path("lag").asLong()).isPositive();
            assertThat(HistoryTestSupport.signedGet(server, clock, key, "/v2/account/orders/" + firstOrder, null)
                .path("statusCode").asInt()).isEqualTo(5001);

            postgres = EmbeddedDatabase.start(databaseDir, port);
            HistoryTestSupport.await(() -> server.history().committedSequence() > 0 &&
                "CATCHING_UP".equals(server.history().health().status()) ||
                server.history().committedSequence() == server.health().committedSequence(), "the history to resume");
            kill(postgres);
            postgres = EmbeddedDatabase.start(databaseDir, port);
            HistoryTestSupport.awaitHistoryCaughtUp(server);

            assertThat(HistoryTestSupport.signedGet(server, clock, key, "/v2/account/orders/" + firstOrder, null))
                .isEqualTo(before);
        }
        finally
        {
            postgres.close();
        }
        final EmbeddedDatabase check = EmbeddedDatabase.start(databaseDir, port);
        try (check)
        {
            DatabaseCheck.assertDatabaseHoldsTheJournal(url, dataDir, 3);
        }
    }

    /** SIGKILL to the postmaster and every process of it, then lets go of this JVM's handle on its directory. */
    private static void kill(final EmbeddedDatabase postgres)
    {
        final ProcessHandle postmaster = postgres.postmaster().orElseThrow();
        final List<ProcessHandle> processes = new java.util.ArrayList<>(postmaster.descendants().toList());
        processes.add(postmaster);
        processes.forEach(ProcessHandle::destroyForcibly);
        processes.forEach(process -> process.onExit().join());
        postgres.close();
    }

    private static int freePort() throws Exception
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
