package dev.bourse.systemtest.crash;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bourse.engine.Engine;
import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.event.OrderView;
import dev.bourse.journal.JournalConfiguration;
import dev.bourse.server.auth.SecretCipher;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.recovery.ExchangeRecovery;
import dev.bourse.systemtest.Funds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real server as a child process, driven by concurrent signed traffic and killed with SIGKILL at a random moment,
 * round after round on the same data directory. After each kill: the state recovered from snapshot + journal equals
 * the state replayed from the journal alone (state hash); funds add up in every currency; every acknowledged order,
 * cancel and cancel-all is there after the restart, as the restarted server shows it over HTTP.
 * {@code -Dbourse.crash.rounds=N} and {@code -Dbourse.crash.seed=S} change the rounds and the randomness.
 */
class CrashRecoveryTest
{
    private static final int TRADERS = 4;
    private static final int ROUNDS = Integer.getInteger("bourse.crash.rounds", 6);
    private static final long SEED = Long.getLong("bourse.crash.seed", System.nanoTime());
    private static final long ROUND_TIMEOUT_MS = 120_000;

    @TempDir
    Path dir;

    private final Acknowledgements acks = new Acknowledgements();
    private final Random random = new Random(SEED);
    private int recoveriesFromSnapshot;
    private long lastRecordsReplayed;

    @Test
    void shouldHonourEveryAcknowledgementAfterRepeatedSigkills() throws Exception
    {
        final Path dataDir = dir.resolve("data");
        final Path config = dir.resolve("bourse.properties");
        Files.writeString(config, "demo=false\nfsync=per-batch\nsnapshotIntervalCommands=100\nsnapshotsToKeep=1000\n" +
            "history=off\n");
        System.out.println("crash test seed " + SEED + " (-Dbourse.crash.seed=" + SEED + " to repeat the choices)");

        ServerProcess server = ServerProcess.start(dataDir, config);
        final List<ExchangeConnection.Trader> traders =
            TrafficWorker.fundedTraders(ExchangeConnection.of(server, dataDir), TRADERS, acks);
        for (int round = 1; round <= ROUNDS; round++)
        {
            final long ackedBefore = acks.acknowledged.get();
            final Set<Long> ordersBefore = new HashSet<>(acks.ownerByOrderId.keySet());
            drive(server, ExchangeConnection.of(server, dataDir), traders, ackedBefore + 100 + random.nextInt(900));
            server.kill();
            assertThat(acks.acknowledged.get()).as("round %d acknowledged something", round).isGreaterThan(ackedBefore);

            final ReadModel recovered = checkRecoveredState(dataDir, round);
            server = ServerProcess.start(dataDir, config);
            checkServedState(ExchangeConnection.of(server, dataDir), traders, ordersBefore, recovered);
        }
        assertThat(server.stop()).as("exit code after SIGTERM (128 + 15: the JVM ran its shutdown hook)")
            .isEqualTo(143);
        checkRecoveredState(dataDir, ROUNDS + 1);
        assertThat(lastRecordsReplayed).as("records replayed after the snapshot taken at the clean shutdown").isZero();
        assertThat(recoveriesFromSnapshot).as("recoveries that started from a snapshot").isPositive();
        assertThat(acks.cancelAlls.get()).as("cancel-alls acknowledged").isPositive();
        assertThat(acks.marketOrders.get()).as("market orders acknowledged").isPositive();
        assertThat(acks.cancelledOrderIds).as("cancels acknowledged").isNotEmpty();
        assertThat(acks.withdrawals.acknowledged()).as("withdrawals acknowledged").isNotEmpty();
    }

    /** Runs one worker per trader until the kill target of acknowledgements is reached. */
    private void drive(final ServerProcess server, final ExchangeConnection connection,
        final List<ExchangeConnection.Trader> traders, final long killAfterAcks) throws Exception
    {
        final CompletableFuture<Void> killMoment = new CompletableFuture<>();
        final List<Thread> workers = new ArrayList<>();
        for (final ExchangeConnection.Trader trader : traders)
        {
            final Thread worker = new Thread(new TrafficWorker(List.of(connection), 0, new AtomicBoolean(), trader,
                acks, killAfterAcks, killMoment, random.nextLong()), "traffic-" + trader.accountId());
            worker.start();
            workers.add(worker);
        }
        killMoment.get(ROUND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        server.kill();
        for (final Thread worker : workers)
        {
            worker.join(ROUND_TIMEOUT_MS);
            assertThat(worker.isAlive()).as("worker stopped after the kill").isFalse();
        }
    }

    /**
     * Recovers copies of the data directory in this JVM: with its snapshots, and from the journal alone.
     *
     * @return the read model recovered with the snapshots.
     */
    private ReadModel checkRecoveredState(final Path dataDir, final int round) throws IOException
    {
        final ExchangeRecovery.Recovered withSnapshots = recover(copy(dataDir, round + "-all", true), dataDir);
        final ExchangeRecovery.Recovered journalOnly = recover(copy(dataDir, round + "-journal", false), dataDir);
        try
        {
            final Engine engine = withSnapshots.engine();
            lastRecordsReplayed = withSnapshots.journal().recordsReplayed();
            if (withSnapshots.journal().snapshot().isPresent())
            {
                recoveriesFromSnapshot++;
            }
            assertThat(journalOnly.journal().snapshot()).isEmpty();
            assertThat(engine.stateHash()).as("round %d: snapshot + replay equals replay from scratch", round)
                .isEqualTo(journalOnly.engine().stateHash());
            Funds.assertAddUp(engine, "round " + round);
            for (final String currency : engine.currencies())
            {
                final BigDecimal deposited = BigDecimal.valueOf(engine.netDeposits(currency),
                    engine.currencyScale(currency));
                assertThat(deposited).as("round %d: %s deposits - withdrawals within what was acknowledged and sent",
                        round, currency)
                    .isGreaterThanOrEqualTo(acks.leastNetDeposits(currency))
                    .isLessThanOrEqualTo(acks.mostNetDeposits(currency));
            }
            final ReadModel readModel = withSnapshots.readModel();
            for (final long orderId : acks.ownerByOrderId.keySet())
            {
                final OrderView order = readModel.orders().order(orderId);
                assertThat(order).as("round %d: acknowledged order %d", round, orderId).isNotNull();
                final OrderView open = engine.openOrder(orderId);
                if (acks.cancelledOrderIds.contains(orderId))
                {
                    assertThat(open).as("round %d: order %d whose cancel was acknowledged", round, orderId).isNull();
                    assertThat(order.status().isOpen()).isFalse();
                }
                assertThat(order.status().isOpen()).as("order %d open in the read model and the engine", orderId)
                    .isEqualTo(open != null);
            }
            return readModel;
        }
        finally
        {
            withSnapshots.journal().writer().close();
            journalOnly.journal().writer().close();
        }
    }

    /**
     * The restarted server shows what was recovered in this JVM: the newest open orders of each trader, and every
     * order acknowledged in the last round with its status and quantities; cancelled ones complete.
     */
    private void checkServedState(final ExchangeConnection connection, final List<ExchangeConnection.Trader> traders,
        final Set<Long> ordersBefore, final ReadModel recovered) throws Exception
    {
        for (final ExchangeConnection.Trader trader : traders)
        {
            final List<Long> open = new ArrayList<>();
            connection.signedOk(trader, "GET", "/v1/trade/openOrders", "market=ETH&currency=BCH&max=100", null)
                .forEach(order -> open.add(order.get("orderID").asLong()));
            assertThat(open).as("open orders of %d", trader.accountId()).isEqualTo(
                recovered.orders().openOrders(trader.accountId(), order -> true, 100).stream()
                    .map(OrderView::orderId).toList());
            for (final long orderId : acks.ownerByOrderId.entrySet().stream()
                .filter(order -> order.getValue() == trader.accountId() && !ordersBefore.contains(order.getKey()))
                .map(java.util.Map.Entry::getKey).collect(Collectors.toSet()))
            {
                final JsonNode order =
                    connection.signedOk(trader, "GET", "/v2/account/orders/" + orderId, null, null);
                final String status = order.get("status").asText();
                final OrderView expected = recovered.orders().order(orderId);
                assertThat(status).as("status of order %d", orderId).isEqualTo(expected.status().name());
                assertThat(order.get("remainAmount").decimalValue().movePointRight(8).longValueExact())
                    .as("remaining quantity of order %d", orderId).isEqualTo(expected.remainQuantity());
                if (acks.cancelledOrderIds.contains(orderId))
                {
                    assertThat(status).as("order %d whose cancel was acknowledged", orderId).isEqualTo("COMPLETE");
                }
            }
        }
    }

    private ExchangeRecovery.Recovered recover(final Path copy, final Path dataDir) throws IOException
    {
        final byte[] key = Base64.getDecoder().decode(Files.readString(dataDir.resolve("secret.key")).trim());
        return ExchangeRecovery.recover(JournalConfiguration.defaults(copy), EngineConfiguration.DEFAULT,
            ReadModel.Configuration.DEFAULT, new SecretCipher(key));
    }

    private Path copy(final Path dataDir, final String name, final boolean withSnapshots) throws IOException
    {
        final Path copy = dir.resolve("copy-" + name);
        for (final String part : withSnapshots ? List.of("journal", "snapshots") : List.of("journal"))
        {
            final Path from = dataDir.resolve(part);
            try (Stream<Path> files = Files.walk(from))
            {
                files.forEach(file -> copyOne(file, copy.resolve(part).resolve(from.relativize(file).toString())));
            }
        }
        return copy;
    }

    private static void copyOne(final Path from, final Path to)
    {
        try
        {
            if (Files.isDirectory(from))
            {
                Files.createDirectories(to);
            }
            else if (!from.getFileName().toString().endsWith(".lock"))
            {
                Files.copy(from, to);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
