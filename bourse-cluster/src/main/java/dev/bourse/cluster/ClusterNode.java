package dev.bourse.cluster;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.ClusteredMediaDriver;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.ElectionState;
import io.aeron.cluster.MillisecondClusterClock;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.exceptions.AeronException;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The Aeron side of one node, in this process: a media driver, the archive that records the replicated log and the
 * snapshots, the consensus module (Raft: elections, replication, commit), and the container that runs the
 * {@link ClusteredService}. Sized for a small machine shared with other work: every Aeron agent shares one thread per
 * component and backs off to 1 ms parks when idle, and the term buffers are small (sparse files in the driver's
 * directory).
 * <p>
 * Files, under the cluster directory: {@code archive/} (the log and the snapshots: what to back up) and
 * {@code consensus/} (the recording log that indexes them, the node's state and mark files). The driver's directory
 * holds only buffers and is deleted at start and at stop.
 */
final class ClusterNode implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
    /** The subdirectory of the consensus module's and the service's files. */
    static final String CONSENSUS_DIR = "consensus";
    private static final String LOG_TERM_LENGTH = "8m";
    private static final String LOCAL_ARCHIVE_CHANNEL = "aeron:ipc?term-length=64k";
    private static final String INGRESS_TERM_LENGTH = "1m";
    private static final int PUBLICATION_TERM_LENGTH = 1024 * 1024;
    private static final int IPC_TERM_LENGTH = 4 * 1024 * 1024;
    private static final int MAX_CONCURRENT_SESSIONS = 64;
    private static final long MAX_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_HEARTBEAT_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long MARK_FILE_LIVENESS_MS = ClusteredServiceContainer.Configuration.LIVENESS_TIMEOUT_MS;
    private static final long MARK_FILE_RETRY_MS = 500;

    private final ClusteredMediaDriver driver;
    private final ClusteredServiceContainer container;
    private final String aeronDir;
    private final ClusterConfiguration.Member self;
    private final String ingressEndpoints;

    private ClusterNode(
        final ClusteredMediaDriver driver,
        final ClusteredServiceContainer container,
        final String aeronDir,
        final ClusterConfiguration configuration)
    {
        this.driver = driver;
        this.container = container;
        this.aeronDir = aeronDir;
        this.self = configuration.self();
        this.ingressEndpoints = configuration.ingressEndpoints();
    }

    /**
     * Launches the node's driver, archive and consensus module, then the service's container.
     *
     * @param configuration the cluster and this node's place in it.
     * @param clusterDir    this node's directory.
     * @param fsync         whether the archive forces what it records to disk before it counts as appended (so a
     *                      commit means a majority has the command on disk, not only in memory).
     * @param service       the service.
     * @param onTermination told when the cluster terminates this node (not at {@link #close()}).
     * @return the running node.
     */
    static ClusterNode launch(
        final ClusterConfiguration configuration,
        final Path clusterDir,
        final boolean fsync,
        final ExchangeService service,
        final Runnable onTermination)
    {
        final ClusterConfiguration.Member self = configuration.self();
        final String aeronDir = configuration.aeronDir(clusterDir);
        final int fileSyncLevel = fsync ? 1 : 0;
        ClusteredMediaDriver driver = null;
        try
        {
            driver = afterStaleMarkFiles(self.id(), () -> ClusteredMediaDriver.launch(
                driverContext(aeronDir),
                archiveContext(self, aeronDir, clusterDir, fileSyncLevel),
                consensusContext(configuration, aeronDir, clusterDir, fileSyncLevel, onTermination)));
            service.snapshotToggle(driver.consensusModule().context().controlToggleCounter());
            final ClusteredServiceContainer container = afterStaleMarkFiles(self.id(), () ->
                ClusteredServiceContainer.launch(containerContext(aeronDir, clusterDir, service, onTermination)));
            LOG.info("node {} runs its cluster member on {} (ports {}-{}), driver directory {}", self.id(),
                self.host(), self.basePort(), self.basePort() + ClusterConfiguration.PORTS_PER_MEMBER - 1, aeronDir);
            return new ClusterNode(driver, container, aeronDir, configuration);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(driver);
            throw ex;
        }
    }

    private static MediaDriver.Context driverContext(final String aeronDir)
    {
        return new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(idleStrategy())
            .termBufferSparseFile(true)
            .publicationTermBufferLength(PUBLICATION_TERM_LENGTH)
            .ipcTermBufferLength(IPC_TERM_LENGTH)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .errorHandler(errorHandler("media driver"));
    }

    private static Archive.Context archiveContext(
        final ClusterConfiguration.Member self, final String aeronDir, final Path clusterDir, final int fileSyncLevel)
    {
        return new Archive.Context()
            .aeronDirectoryName(aeronDir)
            .archiveDir(clusterDir.resolve("archive").toFile())
            .controlChannel("aeron:udp?endpoint=" + self.archiveEndpoint())
            .localControlChannel(LOCAL_ARCHIVE_CHANNEL)
            .replicationChannel("aeron:udp?endpoint=" + self.host() + ":0")
            .archiveClientContext(new AeronArchive.Context()
                .controlResponseChannel("aeron:udp?endpoint=" + self.host() + ":0"))
            .recordingEventsEnabled(false)
            .threadingMode(ArchiveThreadingMode.SHARED)
            .idleStrategySupplier(ClusterNode::idleStrategy)
            .fileSyncLevel(fileSyncLevel)
            .catalogFileSyncLevel(fileSyncLevel)
            .errorHandler(errorHandler("archive"));
    }

    /** @return how the consensus module and the service reach this node's archive. */
    private static AeronArchive.Context localArchive(final String aeronDir)
    {
        return new AeronArchive.Context()
            .lock(NoOpLock.INSTANCE)
            .controlRequestChannel(LOCAL_ARCHIVE_CHANNEL)
            .controlRequestStreamId(AeronArchive.Configuration.localControlStreamId())
            .controlResponseChannel(LOCAL_ARCHIVE_CHANNEL)
            .aeronDirectoryName(aeronDir);
    }

    private static ConsensusModule.Context consensusContext(
        final ClusterConfiguration configuration,
        final String aeronDir,
        final Path clusterDir,
        final int fileSyncLevel,
        final Runnable onTermination)
    {
        final ClusterConfiguration.Member self = configuration.self();
        final long heartbeatTimeoutNs = TimeUnit.MILLISECONDS.toNanos(configuration.leaderHeartbeatTimeoutMs());
        return new ConsensusModule.Context()
            .aeronDirectoryName(aeronDir)
            .clusterMemberId(self.id())
            .clusterMembers(configuration.aeronMembers())
            .clusterDir(clusterDir.resolve(CONSENSUS_DIR).toFile())
            .ingressChannel("aeron:udp")
            .logChannel("aeron:udp?term-length=" + LOG_TERM_LENGTH)
            .replicationChannel("aeron:udp?endpoint=" + self.host() + ":0")
            .archiveContext(localArchive(aeronDir))
            .clusterClock(new MillisecondClusterClock())
            .leaderHeartbeatTimeoutNs(heartbeatTimeoutNs)
            .leaderHeartbeatIntervalNs(Math.min(MAX_HEARTBEAT_INTERVAL_NS, heartbeatTimeoutNs / 10))
            .startupCanvassTimeoutNs(2 * heartbeatTimeoutNs)
            .maxConcurrentSessions(MAX_CONCURRENT_SESSIONS)
            .fileSyncLevel(fileSyncLevel)
            .idleStrategySupplier(ClusterNode::idleStrategy)
            .terminationHook(onTermination)
            .errorHandler(errorHandler("consensus module"));
    }

    private static ClusteredServiceContainer.Context containerContext(
        final String aeronDir, final Path clusterDir, final ClusteredService service, final Runnable onTermination)
    {
        return new ClusteredServiceContainer.Context()
            .aeronDirectoryName(aeronDir)
            .archiveContext(localArchive(aeronDir))
            .clusterDir(clusterDir.resolve(CONSENSUS_DIR).toFile())
            .clusteredService(service)
            .idleStrategySupplier(ClusterNode::idleStrategy)
            .terminationHook(onTermination)
            .errorHandler(errorHandler("service container"));
    }

    /**
     * Launches a component; while it finds the mark file of a previous run still fresh (a node killed less than
     * {@link #MARK_FILE_LIVENESS_MS} ago: Aeron cannot tell it from a running one), waits for it to go stale.
     */
    private static <T> T afterStaleMarkFiles(final int nodeId, final Supplier<T> launcher)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2 * MARK_FILE_LIVENESS_MS);
        while (true)
        {
            try
            {
                return launcher.get();
            }
            catch (final IllegalStateException ex)
            {
                if (ex.getMessage() == null || !ex.getMessage().startsWith("active mark file detected") ||
                    System.nanoTime() - deadlineNs > 0)
                {
                    throw ex;
                }
                LOG.info("node {} found a fresh mark file of an earlier run ({}); waiting for it to go stale, as " +
                    "after a crash", nodeId, ex.getMessage());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(MARK_FILE_RETRY_MS));
            }
        }
    }

    /**
     * @param listener told of the cluster's events (a new leader).
     * @return how this node's gateways connect to the cluster, through this node's driver.
     */
    AeronCluster.Context clientContext(final EgressListener listener)
    {
        return new AeronCluster.Context()
            .aeronDirectoryName(aeronDir)
            .ingressChannel("aeron:udp?term-length=" + INGRESS_TERM_LENGTH)
            .ingressEndpoints(ingressEndpoints)
            .egressChannel("aeron:udp?endpoint=" + self.host() + ":0")
            .egressListener(listener)
            .errorHandler(errorHandler("cluster client"));
    }

    /**
     * @param serviceLogPosition how far the service has read the replicated log.
     * @return whether this node has taken part in an election that is over and its service has applied everything
     * known committed: a node that (re)started serves reads only then, so that it shows every command acknowledged
     * before. False once the consensus module has closed its Aeron client (it terminated): its counters are then
     * unmapped, and reading them would crash the JVM.
     */
    boolean caughtUp(final long serviceLogPosition)
    {
        final ConsensusModule.Context consensus = driver.consensusModule().context();
        return !consensus.aeron().isClosed() &&
            ElectionState.get(consensus.electionStateCounter()) == ElectionState.CLOSED &&
            serviceLogPosition >= consensus.commitPositionCounter().get();
    }

    /** @return how every Aeron agent of a node waits when it has nothing to do. */
    static IdleStrategy idleStrategy()
    {
        return new BackoffIdleStrategy(10, 20, 1_000, MAX_PARK_NS);
    }

    /**
     * Logs what an Aeron component reports: its events and warnings (a leader's heartbeat timed out, a catch-up to
     * retry) in one line, anything else with its stack trace. Aeron recovers from these by itself; a failure it cannot
     * recover from terminates the component, and the node with it.
     */
    private static ErrorHandler errorHandler(final String component)
    {
        return error ->
        {
            if (error instanceof AeronException aeron && aeron.category() == AeronException.Category.WARN)
            {
                LOG.warn("{}: {}", component, error.getMessage());
            }
            else
            {
                LOG.warn("{}: {}", component, error.toString(), error);
            }
        };
    }

    /** Stops the service's container, then the consensus module, the archive and the driver. */
    @Override
    public void close()
    {
        CloseHelper.closeAll(container, driver);
    }
}
