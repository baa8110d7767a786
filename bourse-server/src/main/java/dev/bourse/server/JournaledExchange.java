package dev.bourse.server;

import dev.bourse.journal.JournalConfiguration;
import dev.bourse.journal.JournalWriter;
import dev.bourse.server.auth.SecretCipher;
import dev.bourse.server.gateway.Route;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.recovery.ExchangeRecovery;
import dev.bourse.server.recovery.SnapshotTaker;
import dev.bourse.server.sequencer.ApplyStep;
import dev.bourse.server.sequencer.CommandSubmitter;
import dev.bourse.server.sequencer.EngineAgent;
import dev.bourse.server.sequencer.FailStopHandler;
import dev.bourse.server.sequencer.ProjectionAgent;
import dev.bourse.server.sequencer.SequencerHealth;
import org.agrona.concurrent.AgentRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The single-node exchange, the default {@link ExchangeCore}: the engine thread ({@link EngineAgent}: journal, then
 * {@link ApplyStep#apply}), the projection thread ({@link ProjectionAgent}: the read model, then the replies), recovery
 * of the data directory at start (newest valid snapshot + journal replay, {@link ExchangeRecovery}) and periodic
 * snapshots ({@link SnapshotTaker}). {@link #close()} stops the engine thread, then the projection thread (which
 * answers every durable command), then takes a last snapshot and closes the journal; after a fail-stop it abandons
 * what the journal did not commit instead.
 */
public final class JournaledExchange implements ExchangeCore
{
    private static final Logger LOG = LoggerFactory.getLogger(JournaledExchange.class);
    private static final int PROJECTION_QUEUE_BATCHES = 256;

    private final ReadModel readModel;
    private final JournalWriter journal;
    private final SnapshotTaker snapshots;
    private final SequencerHealth health;
    private final EngineAgent agent;
    private final AgentRunner agentRunner;
    private final AgentRunner projectionRunner;
    private final boolean hadState;

    private JournaledExchange(final ServerContext context, final SecretCipher cipher, final FailStopHandler failStop)
    {
        final JournalConfiguration journalConfiguration = context.journalConfiguration();
        final ExchangeRecovery.Recovered recovered = ExchangeRecovery.recover(journalConfiguration,
            context.engineConfiguration(), context.readModelConfiguration(), cipher);
        this.hadState = recovered.hadState();
        this.journal = recovered.journal().writer();
        this.readModel = recovered.readModel();
        this.snapshots = new SnapshotTaker(recovered, journalConfiguration,
            () -> ExchangeRecovery.empty(context.engineConfiguration(), context.readModelConfiguration(), cipher),
            context.clock(),
            new SnapshotTaker.Interval(context.snapshotIntervalCommands(), context.snapshotIntervalMs()));
        this.health = new SequencerHealth(recovered.lastSequence());
        final ApplyStep step = new ApplyStep(recovered.engine(), recovered.lastSequence(), List.of(readModel));
        final ProjectionAgent projections = new ProjectionAgent(step, PROJECTION_QUEUE_BATCHES, health, failStop);
        this.agent = new EngineAgent(step, journal, context.clock(), context.queueCapacity(), context.batchLimit(),
            recovered.lastTimestampMs(), projections, snapshots, health, failStop);
        this.agentRunner = new AgentRunner(agent.idleStrategy(), error -> LOG.error("engine agent error", error),
            null, agent);
        this.projectionRunner = new AgentRunner(projections.idleStrategy(),
            error -> LOG.error("projection agent error", error), null, projections);
        AgentRunner.startOnThread(projectionRunner);
        AgentRunner.startOnThread(agentRunner);
    }

    /**
     * Recovers the data directory of {@link ServerContext#journalConfiguration()} and starts the engine and
     * projection threads.
     *
     * @param context  the configuration.
     * @param cipher   decrypts API secrets.
     * @param failStop told when the journal, the engine or a projection failed.
     * @return the running exchange.
     */
    public static JournaledExchange open(
        final ServerContext context, final SecretCipher cipher, final FailStopHandler failStop)
    {
        return new JournaledExchange(context, cipher, failStop);
    }

    @Override
    public CommandSubmitter commands()
    {
        return agent;
    }

    @Override
    public ReadModel readModel()
    {
        return readModel;
    }

    @Override
    public SequencerHealth health()
    {
        return health;
    }

    @Override
    public boolean hadState()
    {
        return hadState;
    }

    @Override
    public List<Route> adminRoutes()
    {
        return List.of();
    }

    /**
     * After a clean run snapshots the live state, which is then exactly the durable one; after a fail-stop does not,
     * and the journal is abandoned rather than committed.
     */
    @Override
    public void close()
    {
        agentRunner.close();
        projectionRunner.close();
        final boolean clean = health.stop("the server is shutting down");
        if (clean)
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
    }
}
