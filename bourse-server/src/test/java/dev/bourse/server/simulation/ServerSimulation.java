package dev.bourse.server.simulation;

import dev.bourse.engine.Engine;
import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.Side;
import dev.bourse.engine.Status;
import dev.bourse.engine.TransferDetails;
import dev.bourse.engine.TransferType;
import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.IssueApiKey;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.Transfer;
import dev.bourse.engine.event.OrderAccepted;
import dev.bourse.engine.event.OrderView;
import dev.bourse.journal.FsyncMode;
import dev.bourse.journal.JournalConfiguration;
import dev.bourse.journal.JournalReader;
import dev.bourse.server.JournaledExchange;
import dev.bourse.server.admin.DemoPairs;
import dev.bourse.server.auth.SecretCipher;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.recovery.SnapshotTaker;
import dev.bourse.server.sequencer.AppliedCommand;
import dev.bourse.server.sequencer.ApplyStep;
import dev.bourse.server.sequencer.CommitDelay;
import org.agrona.concurrent.CachedEpochClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One seeded run of the whole server core (engine thread, journal, projection thread, snapshots) over a
 * {@link SimulatedDisk}, in the spirit of TigerBeetle's VOPR: a seeded client submits commands while the agents are
 * stepped in a seeded interleaving; the disk fails writes and forces and tears writes; the process crashes at random
 * steps (power loss: what was not forced may be lost), fail-stops on every fault, and now and then stops cleanly.
 * After each restart the recovered state must be exactly the durable prefix that the clients' answers allow:
 * <ul>
 *     <li>every acknowledged command is in the journal at the sequence its answer gave, with its timestamp;</li>
 *     <li>every other journal record is a command whose outcome the client could not know (answered 5000, or not
 *     answered before the crash), and is decided once: it stays or stays out in every later recovery;</li>
 *     <li>a command answered with a refusal that means "not applied" (4002 unencodable, 5001 queue full) is in no
 *     record;</li>
 *     <li>the recovered engine's state hash and the recovered read model's every answer equal those of a reference
 *     that applied exactly the durable prefix from scratch;</li>
 *     <li>an order ID a client was given still names that order (IDs are never reused); funds add up.</li>
 * </ul>
 */
final class ServerSimulation
{
    private static final long START_MS = 1_750_000_000_000L;
    private static final int ACCOUNTS = 5;
    private static final String BTC_USDT = "BTC.USDT";
    private static final String ETH_BTC = "ETH.BTC";
    private static final long COIN = 100_000_000L;
    private static final int MAX_FAILED_STARTS = 5;

    private record Submitted(int id, Command command, CompletableFuture<AppliedCommand> reply)
    {
    }

    private record Record(long timestampMs, Command command)
    {
    }

    private final Random random;
    private final int commandsPerRun;
    private final Path dataDir;
    private final SimulatedDisk disk;
    private final CachedEpochClock clock = new CachedEpochClock();
    private final SecretCipher cipher = new SecretCipher(new byte[SecretCipher.KEY_BYTES]);
    private final JournalConfiguration journalConfiguration;
    private final ReadModel referenceReadModel = new ReadModel(ReadModel.Configuration.DEFAULT, cipher);
    private final Engine referenceEngine = new Engine(EngineConfiguration.DEFAULT);
    private final ApplyStep reference = new ApplyStep(referenceEngine, 0, List.of(referenceReadModel));
    private final Map<Long, Record> acknowledged = new HashMap<>();
    private final List<Submitted> inDoubt = new ArrayList<>();
    private final List<Command> refusedUnapplied = new ArrayList<>();
    private final Map<Long, OrderView> ordersSeen = new LinkedHashMap<>();
    private final List<Submitted> pending = new ArrayList<>();
    private final List<Long> knownOrderIds = new ArrayList<>();
    private final ArrayDeque<String> trace = new ArrayDeque<>();
    private JournaledExchange core;
    private int submittedCount;
    private long durableSequence;
    private int crashes;
    private int failStops;
    private int cleanRestarts;
    private int inDoubtStayed;
    private int inDoubtDropped;

    ServerSimulation(final long seed, final int commandsPerRun, final Path dataDir)
    {
        this.random = new Random(seed);
        this.commandsPerRun = commandsPerRun;
        this.dataDir = dataDir;
        this.disk = new SimulatedDisk(random);
        this.journalConfiguration = JournalConfiguration.defaults(dataDir)
            .withFsyncMode(FsyncMode.PER_BATCH)
            .withSizes(8 * 1024, 1024, 3 * 1024)
            .withSnapshotsToKeep(1_000_000)
            .withSegmentChannels(disk);
        clock.update(START_MS);
    }

    private void trace(final String line)
    {
        if (trace.size() == 400)
        {
            trace.removeFirst();
        }
        trace.addLast(line);
    }

    /** @return the last steps of the run, oldest first, to read when a seed fails. */
    String trace()
    {
        return String.join("\n", trace);
    }

    /** @return a summary of what the run went through. */
    String run()
    {
        start();
        while (submittedCount < commandsPerRun)
        {
            step();
            if (!core.health().acceptingWrites())
            {
                failStops++;
                restart(true);
            }
        }
        drain();
        restart(true);
        assertThat(core.health().acceptingWrites()).isTrue();
        core.stop();
        return "commands " + submittedCount + ", acknowledged " + acknowledged.size() + ", crashes " + crashes +
            ", fail-stops " + failStops + ", clean restarts " + cleanRestarts + ", disk faults " +
            disk.faultsInjected() + ", in doubt kept " + inDoubtStayed + " dropped " + inDoubtDropped +
            ", refused unapplied " + refusedUnapplied.size();
    }

    /**
     * Starts a process on the data directory. A start can fail too (the disk fails while recovery writes the journal's
     * tail): the process exits, its supervisor starts it again, at most {@code MAX_FAILED_STARTS} times in a row
     * before the disk is repaired.
     */
    private void start()
    {
        for (int failedStarts = 0; ; failedStarts++)
        {
            disk.faults(failedStarts >= MAX_FAILED_STARTS || random.nextInt(3) == 0 ? SimulatedDisk.Faults.NONE :
                new SimulatedDisk.Faults(random.nextDouble() * 0.02, random.nextDouble() * 0.02,
                    random.nextDouble() * 0.02));
            try
            {
                core = new JournaledExchange(new JournaledExchange.Settings(journalConfiguration,
                    EngineConfiguration.DEFAULT, ReadModel.Configuration.DEFAULT, cipher, clock, 64,
                    1 + random.nextInt(12), CommitDelay.NONE,
                    new SnapshotTaker.Interval(20 + random.nextInt(60), Long.MAX_VALUE / 2)),
                    List.of(), (cause, error) ->
                    {
                    }, new DirectExecutorService());
                break;
            }
            catch (final UncheckedIOException ex)
            {
                trace("start failed: " + ex.getMessage());
                crashDisk();
            }
        }
        trace("recovered up to " + core.recovered().lastSequence() + " (snapshot " +
            core.recovered().journal().snapshot().map(file -> file.lastSequence()).orElse(0L) + ")");
        checkRecovered();
    }

    private void step()
    {
        final int action = random.nextInt(100);
        if (action < 40)
        {
            for (int i = 1 + random.nextInt(4); i > 0; i--)
            {
                submit(nextCommand());
            }
        }
        else if (action < 65)
        {
            final int work = core.engineAgent().doWork();
            trace("engine " + work + " committed " + core.health().committedSequence() +
                (core.health().acceptingWrites() ? "" : " STOPPED: " + core.health().stopCause()));
        }
        else if (action < 90)
        {
            trace("projections " + core.projectionAgent().doWork());
            collectAnswers();
        }
        else if (action < 97)
        {
            clock.advance(1 + random.nextInt(5_000));
        }
        else if (action < 99)
        {
            core.health().stop("simulated crash (power loss)");
            restart(true);
        }
        else
        {
            drain();
            cleanRestarts++;
            restart(false);
        }
    }

    private void submit(final Command command)
    {
        trace("submit #" + submittedCount + " " + command);
        pending.add(new Submitted(submittedCount++, command, core.engineAgent().submit(command)));
    }

    /** Lets the agents finish what was submitted, as a clean shutdown does. */
    private void drain()
    {
        for (int i = 0; i < 1_000 && !pending.isEmpty() && core.health().acceptingWrites(); i++)
        {
            core.engineAgent().doWork();
            core.projectionAgent().doWork();
            collectAnswers();
        }
    }

    private void collectAnswers()
    {
        for (final Iterator<Submitted> it = pending.iterator(); it.hasNext(); )
        {
            final Submitted submitted = it.next();
            if (!submitted.reply().isDone())
            {
                continue;
            }
            it.remove();
            final AppliedCommand answer = submitted.reply().join();
            trace("answer #" + submitted.id() + " " + answer.status().code() + " seq " + answer.sequence());
            if (answer.isSequenced())
            {
                assertThat(answer.command()).isSameAs(submitted.command());
                acknowledged.put(answer.sequence(), new Record(answer.timestampMs(), answer.command()));
                final OrderAccepted accepted = answer.first(OrderAccepted.class);
                if (accepted != null)
                {
                    assertThat(ordersSeen.put(accepted.order().orderId(), accepted.order()))
                        .as("order ID %d given to two orders", accepted.order().orderId()).isNull();
                    knownOrderIds.add(accepted.order().orderId());
                }
            }
            else if (answer.status() == Status.INTERNAL_SERVER_ERROR)
            {
                inDoubt.add(submitted);
            }
            else
            {
                assertThat(answer.status()).isIn(Status.INVALID_PARAMETER, Status.INTERNAL_TIMEOUT);
                refusedUnapplied.add(submitted.command());
            }
        }
    }

    /**
     * Stops the core (cleanly, or as the process does after a fail-stop), then, for a crash, loses what the disk did
     * not force. An answer released while stopping is for a command of a forced batch, so it counts; a command still
     * unanswered is in doubt.
     */
    private void restart(final boolean crash)
    {
        trace(crash ? "CRASH" : "clean stop");
        core.stop();
        collectAnswers();
        inDoubt.addAll(pending);
        pending.clear();
        if (crash)
        {
            crashes++;
            crashDisk();
        }
        start();
    }

    private void crashDisk()
    {
        try
        {
            disk.crash();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Checks the recovered state against what the clients were told, then brings the reference along. */
    private void checkRecovered()
    {
        final long recoveredSequence = core.recovered().lastSequence();
        final long lastAcknowledged = acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        assertThat(recoveredSequence).as("every acknowledged command is durable").isGreaterThanOrEqualTo(
            lastAcknowledged);
        assertThat(recoveredSequence).as("nothing durable is ever lost").isGreaterThanOrEqualTo(durableSequence);
        final List<Long> sequences = new ArrayList<>();
        final List<Record> records = new ArrayList<>();
        if (recoveredSequence > durableSequence)
        {
            new JournalReader(journalConfiguration.journalDirectory(), journalConfiguration.maxBatchBytes())
                .readRange(durableSequence + 1, recoveredSequence, (sequence, timestampMs, command) ->
                {
                    sequences.add(sequence);
                    records.add(new Record(timestampMs, command));
                });
        }
        assertThat(sequences).as("the journal holds every new durable sequence")
            .hasSize((int)(recoveredSequence - durableSequence));
        for (int i = 0; i < records.size(); i++)
        {
            final long sequence = sequences.get(i);
            final Record record = records.get(i);
            final Record expected = acknowledged.get(sequence);
            if (expected != null)
            {
                assertThat(record).as("acknowledged command %d", sequence).isEqualTo(expected);
            }
            else
            {
                takeInDoubt(sequence, record);
            }
            reference.applyDurable(sequence, record.timestampMs(), record.command());
            clock.update(Math.max(clock.time(), record.timestampMs()));
        }
        inDoubtDropped += inDoubt.size();
        inDoubt.clear();
        durableSequence = recoveredSequence;
        assertThat(core.recovered().engine().stateHash()).as("state hash of the durable prefix")
            .isEqualTo(referenceEngine.stateHash());
        assertThat(ReadModelFingerprint.of(core.readModel(), knownOrderIds, clock.time()))
            .as("every answer of the recovered read model")
            .isEqualTo(ReadModelFingerprint.of(referenceReadModel, knownOrderIds, clock.time()));
        for (final Map.Entry<Long, OrderView> seen : ordersSeen.entrySet())
        {
            final OrderView now = core.readModel().orders().order(seen.getKey());
            assertThat(now).as("order %d a client was given", seen.getKey()).isNotNull();
            assertThat(List.of(now.accountId(), now.coinPair(), now.side(), now.price(), now.initialQuantity(),
                now.createdAtMs())).as("order %d is still the order the client placed", seen.getKey())
                .isEqualTo(List.of(seen.getValue().accountId(), seen.getValue().coinPair(), seen.getValue().side(),
                    seen.getValue().price(), seen.getValue().initialQuantity(), seen.getValue().createdAtMs()));
        }
        assertFundsAddUp(core.recovered().engine());
    }

    /** A record nobody was acknowledged for must be a command whose client was left in doubt; it stays decided. */
    private void takeInDoubt(final long sequence, final Record record)
    {
        for (final Iterator<Submitted> it = inDoubt.iterator(); it.hasNext(); )
        {
            final Submitted candidate = it.next();
            if (candidate.command().equals(record.command()))
            {
                it.remove();
                inDoubtStayed++;
                acknowledged.put(sequence, record);
                return;
            }
        }
        throw new AssertionError("journal record " + sequence + " (" + record + ") was never submitted, or was " +
            "answered as not applied");
    }

    private static void assertFundsAddUp(final Engine engine)
    {
        for (final String currency : engine.currencies())
        {
            long held = engine.feesCollected(currency);
            for (long accountId = 1; accountId <= engine.accountCount(); accountId++)
            {
                held += engine.balance(accountId, currency);
            }
            assertThat(held).as("balances + fees of %s = deposits - withdrawals", currency)
                .isEqualTo(engine.netDeposits(currency));
        }
    }

    private Command nextCommand()
    {
        if (submittedCount < DemoPairs.commands().size())
        {
            return DemoPairs.commands().get(submittedCount);
        }
        final long accountId = 1 + random.nextInt(ACCOUNTS + 1);
        final int kind = random.nextInt(100);
        if (kind < 8)
        {
            return new CreateAccount();
        }
        if (kind < 20)
        {
            final boolean usdt = random.nextBoolean();
            final String currency = random.nextInt(3) == 0 ? "ETH" : usdt ? "USDT" : "BTC";
            final long amount = (usdt ? 50_000 : 5) * COIN + random.nextInt(1_000);
            final TransferType type = random.nextInt(5) == 0 ? TransferType.WITHDRAW : TransferType.DEPOSIT;
            return new Transfer(accountId, type, currency, amount, random.nextInt(3) == 0 ? 100 : 0,
                new TransferDetails("addr-" + submittedCount, "", "", ""));
        }
        if (kind < 23)
        {
            final String allowedIps = random.nextInt(4) == 0 ? "10.0.0.1,".repeat(110) : "";
            final String apiKey = "simkey" + submittedCount + "x".repeat(16);
            return new IssueApiKey(accountId, apiKey, cipher.encrypt(apiKey, "secret" + submittedCount), 10, 600,
                allowedIps);
        }
        if (kind < 33 && !knownOrderIds.isEmpty())
        {
            return new CancelOrder(accountId, knownOrderIds.get(random.nextInt(knownOrderIds.size())));
        }
        if (kind < 38)
        {
            return new CancelAllOrders(accountId, random.nextInt(4) == 0 ? ETH_BTC : BTC_USDT);
        }
        return nextOrder(accountId);
    }

    private PlaceOrder nextOrder(final long accountId)
    {
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        if (random.nextInt(4) == 0)
        {
            final long price = (4_900 + random.nextInt(200)) * 1_000L;
            return PlaceOrder.limit(accountId, ETH_BTC, side, price, (1 + random.nextInt(200)) * 100_000L);
        }
        final long price = (29_900 + random.nextInt(200)) * COIN;
        final long quantity = (1 + random.nextInt(50)) * 10_000L;
        final int type = random.nextInt(10);
        if (type == 0)
        {
            return PlaceOrder.market(accountId, BTC_USDT, side, quantity);
        }
        if (type == 1)
        {
            final long stop = price + (side == Side.BUY ? 1 : -1) * random.nextInt(100) * COIN;
            return PlaceOrder.stopLimit(accountId, BTC_USDT, side, price, stop, quantity);
        }
        return PlaceOrder.limit(accountId, BTC_USDT, side, price, quantity);
    }
}
