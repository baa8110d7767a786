package dev.bourse.cluster;

import dev.bourse.journal.FsyncMode;
import dev.bourse.server.ExchangeCore;
import dev.bourse.server.ServerContext;
import dev.bourse.server.auth.SecretCipher;
import dev.bourse.server.gateway.Route;
import dev.bourse.server.readmodel.DerivedProjection;
import dev.bourse.server.readmodel.HistoryStore;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.sequencer.CommandSubmitter;
import dev.bourse.server.sequencer.FailStopHandler;
import dev.bourse.server.sequencer.SequencerHealth;
import io.aeron.cluster.client.EgressListener;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SystemNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A node of a replicated exchange, the {@link ExchangeCore} of a clustered {@code bourse serve}: this node's
 * {@link ClusterNode} (driver, archive, consensus module) runs the {@link ExchangeService}, which applies every
 * committed command to this node's engine and read model; the gateways send their commands through the
 * {@link IngressAgent} to the leader and get their replies from this node's service once a majority has the command.
 * <p>
 * Reads are served from this node's read model. A client that sends its writes and its reads to the same node reads
 * its own writes: the reply is released only after this node applied the command. Another node may be behind by the
 * time it takes to learn the commit (normally well under a millisecond on a LAN; longer while it catches up after a
 * restart); {@code GET /admin/v1/cluster} shows each node's applied sequence.
 */
public final class ClusteredExchange implements ExchangeCore
{
    private static final Logger LOG = LoggerFactory.getLogger(ClusteredExchange.class);
    private static final long START_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(30);
    private static final String RECORDING_LOG = "recording.log";
    private static final long CATCH_UP_TIMEOUT_MS = 30_000;
    private static final long CATCH_UP_POLL_NS = TimeUnit.MILLISECONDS.toNanos(10);

    private final ClusterNode node;
    private final ExchangeService service;
    private final IngressAgent ingress;
    private final AgentRunner ingressRunner;
    private final SequencerHealth health;
    private final ReadModel readModel;
    private final boolean hadState;
    private final int nodeId;

    private ClusteredExchange(
        final ClusterConfiguration configuration,
        final ServerContext context,
        final SecretCipher cipher,
        final List<DerivedProjection> derived,
        final FailStopHandler failStop) throws IOException
    {
        configuration.validate();
        this.nodeId = configuration.nodeId();
        final Path clusterDir = configuration.clusterDirOf(context.dataDir());
        Files.createDirectories(clusterDir);
        this.hadState = Files.exists(clusterDir.resolve(ClusterNode.CONSENSUS_DIR).resolve(RECORDING_LOG));
        this.health = new SequencerHealth(0);
        final PendingReplies replies =
            new PendingReplies(TimeUnit.MILLISECONDS.toNanos(configuration.replyTimeoutMs()));
        this.service = new ExchangeService(nodeId, context.engineConfiguration(),
            context.readModelConfiguration(), cipher, derived, replies, health, failStop,
            new ExchangeService.SnapshotInterval(context.snapshotIntervalCommands(), context.snapshotIntervalMs()));
        this.node = ClusterNode.launch(configuration, clusterDir, context.fsyncMode() == FsyncMode.PER_BATCH,
            service, () -> onTermination(failStop));
        try
        {
            this.readModel = service.started().get(START_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            node.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while node " + nodeId + " started", ex);
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            node.close();
            throw new IOException("node " + nodeId + " could not start its service", ex);
        }
        this.ingress = new IngressAgent(nodeId, node.clientContext(new LeaderLog(nodeId)), replies, health,
            SystemNanoClock.INSTANCE, context.queueCapacity());
        this.ingressRunner = new AgentRunner(ClusterNode.idleStrategy(),
            error -> LOG.error("cluster ingress error", error), null, ingress);
        AgentRunner.startOnThread(ingressRunner);
        awaitCatchUp();
    }

    /**
     * Waits (a bounded time) until this node joined the cluster and applied what it knows committed, so that it does
     * not serve reads older than what was acknowledged before it (re)started. Without a majority there is nothing to
     * join: the node then serves its recovered state, and its writes are refused until a leader is elected.
     */
    private void awaitCatchUp()
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CATCH_UP_TIMEOUT_MS);
        while (!node.caughtUp(service.logPosition()))
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                LOG.warn("node {} has not joined an elected cluster within {} ms; it serves what it recovered " +
                    "(sequence {}) and refuses writes until there is a leader", nodeId, CATCH_UP_TIMEOUT_MS,
                    health.committedSequence());
                return;
            }
            LockSupport.parkNanos(CATCH_UP_POLL_NS);
        }
        LOG.info("node {} caught up with the cluster at sequence {}", nodeId, health.committedSequence());
    }

    /**
     * @param configuration the cluster and this node's place in it.
     * @return what a {@link ServerContext} opens to run this node: its data directory holds the admin token and the
     * secret key (the same on every node), the cluster directory the replicated log and the snapshots. A node keeps
     * no history in PostgreSQL (the history follows a local journal, which a node does not have): it refuses to
     * open with one.
     */
    public static ExchangeCore.Factory factory(final ClusterConfiguration configuration)
    {
        return (context, cipher, history, metrics, derived, failStop) ->
        {
            if (history.store() != HistoryStore.NONE)
            {
                throw new IllegalArgumentException("a cluster node keeps no history in PostgreSQL: run it with " +
                    "--history off");
            }
            return new ClusteredExchange(configuration, context, cipher, derived, failStop);
        };
    }

    private void onTermination(final FailStopHandler failStop)
    {
        final String cause = "the cluster terminated node " + nodeId;
        if (health.stop(cause))
        {
            LOG.error("{}; it stops", cause);
            failStop.onFailStop(cause, new IllegalStateException(cause));
        }
    }

    @Override
    public CommandSubmitter commands()
    {
        return ingress;
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
        return new ClusterAdminApi(nodeId, service, ingress).routes();
    }

    /**
     * Closes this node's session (replies still waiting are answered 5000: their commands may yet be committed by the
     * others), then the service and the node. The cluster goes on without it while a majority remains.
     */
    @Override
    public void close()
    {
        ingressRunner.close();
        node.close();
        if (health.stop("the server is shutting down"))
        {
            LOG.info("Bourse node {} stopped at sequence {}", nodeId, health.committedSequence());
        }
        else
        {
            LOG.error("Bourse node {} stopped after a failure ({}); restart it to rebuild it from its snapshot and " +
                "the replicated log", nodeId, health.stopCause());
        }
    }

    /** Logs the cluster's news: a new leader. */
    private record LeaderLog(int nodeId) implements EgressListener
    {
        @Override
        public void onMessage(final long clusterSessionId, final long timestamp, final DirectBuffer buffer,
            final int offset, final int length, final Header header)
        {
            // the service answers through this node's replies, never through egress
        }

        @Override
        public void onNewLeader(final long clusterSessionId, final long leadershipTermId, final int leaderMemberId,
            final String ingressEndpoints)
        {
            LOG.info("node {} sends to the new leader {} (term {})", nodeId, leaderMemberId, leadershipTermId);
        }
    }
}
