package dev.bourse.server;

import dev.bourse.engine.EngineConfiguration;
import dev.bourse.journal.JournalConfiguration;
import dev.bourse.journal.JournalRetention;
import dev.bourse.journal.JournalWriter;
import dev.bourse.server.auth.SecretCipher;
import dev.bourse.server.gateway.Route;
import dev.bourse.server.metrics.ServerMetrics;
import dev.bourse.server.readmodel.DerivedProjection;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.recovery.ExchangeRecovery;
import dev.bourse.server.recovery.SnapshotTaker;
import dev.bourse.server.sequencer.ApplyStep;
import dev.bourse.server.sequencer.CommandSubmitter;
import dev.bourse.server.sequencer.CommitDelay;
import dev.bourse.server.sequencer.EngineAgent;
import dev.bourse.server.sequencer.FailStopHandler;
import dev.bourse.server.sequencer.Projection;
import dev.bourse.server.sequencer.ProjectionAgent;
import dev.bourse.server.sequencer.SequencerHealth;
import dev.bourse.server.sequencer.SequencerMetrics;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.EpochClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;

/**
 * The single-node exchange, the default {@link ExchangeCore}: the data directory recovered, the engine thread
 * ({@link EngineAgent}: journal, then {@link ApplyStep#apply}), the projection thread ({@link ProjectionAgent}, with
 * the read model first among its projections, then the replies), the journal and the snapshots. {@link BourseServer}
 * puts the HTTP gateways in front of it; the whole-server simulation drives its agents by hand instead of starting
 * their threads.
 */
public final class JournaledExchange implements ExchangeCore
{
    private static final Logger LOG = LoggerFactory.getLogger(JournaledExchange.class);
    private static final int PROJECTION_QUEUE_BATCHES = 256;
    private static final String SHUTDOWN = "the server is shutting down";

    /**
     * What a core is made of.
     *
     * @param journal          where the journal and snapshots are, and how they are written.
     * @param engine           the engine's limits.
     * @param readModel        the read model's bounds.
     * @param cipher           decrypts API secrets.
     * @param clock            the time of commands and of snapshot intervals.
     * @param queueCapacity    commands that may wait for the engine thread.
     * @param batchLimit       commands per journal batch at most.
     * @param commitDelay      when the engine thread pauses for a fuller batch under load.
     * @param snapshotInterval when snapshots are due.
     */
    public record Settings(
        JournalConfiguration journal,
        EngineConfiguration engine,
        ReadModel.Configuration readModel,
        SecretCipher cipher,
        EpochClock clock,
        int queueCapacity,
        int batchLimit,
        CommitDelay commitDelay,
        SnapshotTaker.Interval snapshotInterval)
    {
    }

    private final ExchangeRecovery.Recovered recovered;
    private final JournalWriter journal;
    private final SnapshotTaker snapshots;
    private final SequencerHealth health;
    private final EngineAgent engineAgent;
    private final ProjectionAgent projectionAgent;
    private AgentRunner engineRunner;
    private AgentRunner projectionRunner;
    private boolean closed;
    private boolean cleanStop;

    /**
     * Recovers the data directory and builds the core around it; no thread is started yet.
     *
     * @param settings         what it is made of.
     * @param projections      projections after the read model, in order.
     * @param failStop         told once when the journal, the engine or a projection fails.
     * @param snapshotMaker    where snapshots are made ({@link SnapshotTaker#background()}).
     */
    public JournaledExchange(
        final Settings settings,
        final List<Projection> projections,
        final FailStopHandler failStop,
        final ExecutorService snapshotMaker)
    {
        this(settings, projections, failStop, snapshotMaker, () -> JournalRetention.NO_FLOOR, SequencerMetrics.NONE);
    }

    /**
     * Recovers the data directory and builds the core around it; no thread is started yet.
     *
     * @param settings       what it is made of.
     * @param projections    projections after the read model, in order.
     * @param failStop       told once when the journal, the engine or a projection fails.
     * @param snapshotMaker  where snapshots are made ({@link SnapshotTaker#background()}).
     * @param retentionFloor the last sequence the history database has committed: journal retention keeps what it
     *                       needs to resume from there ({@link HistoryService}).
     * @param metrics        told of each durable batch and each snapshot.
     */
    public JournaledExchange(
        final Settings settings,
        final List<Projection> projections,
        final FailStopHandler failStop,
        final ExecutorService snapshotMaker,
        final LongSupplier retentionFloor,
        final SequencerMetrics metrics)
    {
        this.recovered = ExchangeRecovery.recover(settings.journal(), settings.engine(), settings.readModel(),
            settings.cipher());
        this.journal = recovered.journal().writer();
        this.snapshots = new SnapshotTaker(recovered, settings.journal(),
            () -> ExchangeRecovery.empty(settings.engine(), settings.readModel(), settings.cipher()),
            settings.clock(), settings.snapshotInterval(), snapshotMaker, retentionFloor, metrics);
        this.health = new SequencerHealth(recovered.lastSequence());
        final List<Projection> all = new ArrayList<>();
        all.add(recovered.readModel());
        all.addAll(projections);
        final ApplyStep step = new ApplyStep(recovered.engine(), recovered.lastSequence(), all);
        this.projectionAgent = new ProjectionAgent(step, PROJECTION_QUEUE_BATCHES, health, failStop);
        this.engineAgent = new EngineAgent(step, journal, settings.clock(), settings.queueCapacity(),
            settings.batchLimit(), settings.commitDelay(), recovered.lastTimestampMs(), projectionAgent, snapshots,
            health, failStop, metrics);
    }

    /**
     * The default {@link ExchangeCore.Factory}: recovers the data directory of
     * {@link ServerContext#journalConfiguration()} (keeping what the history has not committed yet), tells the derived
     * projections where it stands, starts the engine and projection threads, then the history.
     *
     * @return the running exchange.
     */
    public static JournaledExchange open(
        final ServerContext context, final SecretCipher cipher, final HistoryService history,
        final ServerMetrics metrics, final List<DerivedProjection> derived, final FailStopHandler failStop)
    {
        final Settings settings = new Settings(context.journalConfiguration(), context.engineConfiguration(),
            context.readModelConfiguration(), cipher, context.clock(), context.queueCapacity(), context.batchLimit(),
            context.commitDelay(),
            new SnapshotTaker.Interval(context.snapshotIntervalCommands(), context.snapshotIntervalMs()));
        final JournaledExchange core = new JournaledExchange(settings, List.copyOf(derived), failStop,
            SnapshotTaker.background(), history::retentionFloor, metrics);
        for (final DerivedProjection projection : derived)
        {
            projection.onRecovered(core.readModel(), core.recovered.lastSequence());
        }
        metrics.bindSequencer(core.engineAgent, core.projectionAgent, core.health);
        core.start();
        history.start(core, settings);
        return core;
    }

    /** Starts the projection thread, then the engine thread. */
    public void start()
    {
        projectionRunner = new AgentRunner(projectionAgent.idleStrategy(),
            error -> LOG.error("projection agent error", error), null, projectionAgent);
        engineRunner = new AgentRunner(engineAgent.idleStrategy(),
            error -> LOG.error("engine agent error", error), null, engineAgent);
        AgentRunner.startOnThread(projectionRunner);
        AgentRunner.startOnThread(engineRunner);
    }

    /** @return where commands go. */
    public EngineAgent engineAgent()
    {
        return engineAgent;
    }

    @Override
    public CommandSubmitter commands()
    {
        return engineAgent;
    }

    @Override
    public boolean hadState()
    {
        return recovered.hadState();
    }

    @Override
    public List<Route> adminRoutes()
    {
        return List.of();
    }

    /** @return the projection thread's agent. */
    public ProjectionAgent projectionAgent()
    {
        return projectionAgent;
    }

    @Override
    public ReadModel readModel()
    {
        return recovered.readModel();
    }

    @Override
    public SequencerHealth health()
    {
        return health;
    }

    /** @return what was recovered at start. */
    public ExchangeRecovery.Recovered recovered()
    {
        return recovered;
    }

    /**
     * Stops the threads (the engine's first, then the projections', which answer every durable command). After a
     * clean run it snapshots the live state, which is exactly the durable one, and closes the journal; after a
     * fail-stop it snapshots nothing live and abandons what the journal did not commit.
     *
     * @return true for a clean stop, false after a fail-stop.
     */
    public boolean stop()
    {
        if (closed)
        {
            return cleanStop;
        }
        closed = true;
        if (engineRunner != null)
        {
            engineRunner.close();
            projectionRunner.close();
        }
        else
        {
            engineAgent.onClose();
            projectionAgent.onClose();
        }
        cleanStop = health.stop(SHUTDOWN);
        if (cleanStop)
        {
            try
            {
                snapshots.close();
            }
            catch (final RuntimeException ex)
            {
                LOG.error("the snapshot at shutdown failed; the journal holds every command", ex);
            }
            journal.close();
            LOG.info("Bourse stopped");
        }
        else
        {
            snapshots.closeWithoutLiveSnapshot();
            journal.abandon();
            LOG.error("Bourse stopped after a failure ({}); restart it to recover what is durable",
                health.stopCause());
        }
        return cleanStop;
    }

    @Override
    public void close()
    {
        stop();
    }
}
