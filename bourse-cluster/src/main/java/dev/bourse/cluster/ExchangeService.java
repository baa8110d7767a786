package dev.bourse.cluster;

import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.Status;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.FireDeadMansSwitches;
import dev.bourse.journal.CommandCodecException;
import dev.bourse.server.auth.SecretCipher;
import dev.bourse.server.readmodel.DerivedProjection;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.recovery.ExchangeRecovery;
import dev.bourse.server.sequencer.AppliedCommand;
import dev.bourse.server.sequencer.ApplyStep;
import dev.bourse.server.sequencer.FailStopHandler;
import dev.bourse.server.sequencer.Projection;
import dev.bourse.server.sequencer.SequencerHealth;
import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.cluster.ClusterControl;
import io.aeron.cluster.codecs.CloseReason;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The exchange as an Aeron Cluster service; one per node, on the service container's thread. Its message handler is
 * the {@link ApplyStep}: every committed message of the replicated log is a gateway's command, applied with
 * {@link ApplyStep#applyDurable} at the next sequence (the service counts them itself, and keeps the count in its
 * snapshots) and at the log's timestamp, and projected into this node's {@link ReadModel}. Every node applies the same
 * commands in the same order at the same times, so every node computes the same state. The service on the node whose
 * gateway sent a command then completes that gateway's waiting reply ({@link PendingReplies}): a reply is released
 * only once a majority has the command and this node's projections followed it.
 *
 * <h2>Time</h2>
 * A command's timestamp is the cluster time of its log entry (milliseconds), never below the previous command's, so
 * that a new leader whose clock is behind cannot move time backwards. No local clock enters the state.
 *
 * <h2>Timers</h2>
 * The dead man's switch is engine state, and time enters the engine only with commands: after every command (and
 * after loading a snapshot) the service schedules, moves or cancels its one cluster timer
 * ({@link Cluster#scheduleTimer}) for {@link dev.bourse.engine.Engine#nextDeadlineMs()}, and
 * {@link #onTimerEvent} applies a {@link FireDeadMansSwitches} through the same apply step at the timer's timestamp.
 * Timer events are in the log and timers in the consensus module's snapshot, so every node fires the same switches at
 * the same point of the log.
 *
 * <h2>Snapshots</h2>
 * {@link #onTakeSnapshot} streams {@link ClusterSnapshot} (the engine's and the read model's codecs) into the snapshot
 * publication; {@link #onStart} loads the newest one, and the cluster replays the log after it. The leader's service
 * asks for a snapshot (the consensus module's control toggle) once enough commands or time have passed since the
 * last one; every node then snapshots at the same log position.
 *
 * <h2>Failure</h2>
 * An exception of the engine or a projection is a bug after which the state may be half changed: the service stops
 * the node (fail-stop), answers every waiting reply 5000 and applies nothing more. A message that is not a command
 * (a stray client) is skipped, the same way on every node.
 */
final class ExchangeService implements ClusteredService
{
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeService.class);
    private static final int REPORT_REQUESTS = 64;
    private static final long DEAD_MANS_SWITCH_TIMER = 1;
    private static final long NO_DEADLINE = Long.MAX_VALUE;
    private static final Command FIRE_DEAD_MANS_SWITCHES = new FireDeadMansSwitches();

    /**
     * When the leader asks for a snapshot.
     *
     * @param intervalCommands commands after the last snapshot that make the next one due.
     * @param intervalMs       time after the last snapshot that makes the next one due if a command was applied.
     */
    record SnapshotInterval(long intervalCommands, long intervalMs)
    {
    }

    private final int nodeId;
    private final EngineConfiguration engineConfiguration;
    private final ReadModel.Configuration readModelConfiguration;
    private final SecretCipher cipher;
    private final List<DerivedProjection> derived;
    private final PendingReplies replies;
    private final SequencerHealth health;
    private final FailStopHandler failStop;
    private final SnapshotInterval snapshotInterval;
    private final IngressCodec codec = new IngressCodec();
    private final CompletableFuture<ReadModel> started = new CompletableFuture<>();
    private final ManyToOneConcurrentArrayQueue<CompletableFuture<StateReport>> reportRequests =
        new ManyToOneConcurrentArrayQueue<>(REPORT_REQUESTS);
    private AtomicCounter snapshotToggle;
    private Cluster cluster;
    private ApplyStep step;
    private ReadModel readModel;
    private long lastTimestampMs = Long.MIN_VALUE;
    private long scheduledDeadlineMs = NO_DEADLINE;
    private long lastSnapshotSequence;
    private long snapshotRequestedSequence;
    private long snapshotRequestedNs;
    private volatile long logPosition;
    private volatile Cluster.Role role = Cluster.Role.FOLLOWER;
    private volatile int leaderNodeId = -1;

    /**
     * @param nodeId                 this node's ID: the origin of the commands its gateways send.
     * @param engineConfiguration    the engine's limits.
     * @param readModelConfiguration the read model's bounds.
     * @param cipher                 decrypts API secrets.
     * @param derived                projections after the read model (the stream publisher), told of the loaded
     *                               snapshot before the log replays after it.
     * @param replies                the replies this node's gateways wait for.
     * @param health                 told what is applied, and of a failure.
     * @param failStop               told when the engine or a projection failed.
     * @param snapshotInterval       when the leader asks for a snapshot.
     */
    ExchangeService(
        final int nodeId,
        final EngineConfiguration engineConfiguration,
        final ReadModel.Configuration readModelConfiguration,
        final SecretCipher cipher,
        final List<DerivedProjection> derived,
        final PendingReplies replies,
        final SequencerHealth health,
        final FailStopHandler failStop,
        final SnapshotInterval snapshotInterval)
    {
        this.nodeId = nodeId;
        this.engineConfiguration = engineConfiguration;
        this.readModelConfiguration = readModelConfiguration;
        this.cipher = cipher;
        this.derived = List.copyOf(derived);
        this.replies = replies;
        this.health = health;
        this.failStop = failStop;
        this.snapshotInterval = snapshotInterval;
    }

    /** @param toggle the consensus module's control toggle, through which the leader asks for snapshots. */
    void snapshotToggle(final AtomicCounter toggle)
    {
        this.snapshotToggle = toggle;
    }

    /** @return completed with the read model once the service started (its snapshot loaded), or with the failure. */
    CompletableFuture<ReadModel> started()
    {
        return started;
    }

    /** @return this node's role, as the cluster last told it. */
    Cluster.Role role()
    {
        return role;
    }

    /** @return how far the service has read the replicated log, as of its last duty cycle. */
    long logPosition()
    {
        return logPosition;
    }

    /** @return the leader of the current term, -1 before the first election this node saw. */
    int leaderNodeId()
    {
        return leaderNodeId;
    }

    /**
     * Asks for the state between two commands; any thread.
     *
     * @return completed on the service thread, or at once exceptionally when too many reports are waiting.
     */
    CompletableFuture<StateReport> report()
    {
        final CompletableFuture<StateReport> report = new CompletableFuture<>();
        if (!reportRequests.offer(report))
        {
            report.completeExceptionally(new IllegalStateException("too many state reports are waiting"));
        }
        return report;
    }

    @Override
    public void onStart(final Cluster cluster, final Image snapshotImage)
    {
        this.cluster = cluster;
        try
        {
            final ExchangeRecovery exchange =
                ExchangeRecovery.empty(engineConfiguration, readModelConfiguration, cipher);
            long sequence = 0;
            if (snapshotImage != null)
            {
                sequence = ClusterSnapshot.read(
                    new DataInputStream(new SnapshotInput(snapshotImage, cluster.idleStrategy())), exchange);
                LOG.info("node {} loaded the snapshot at sequence {}", nodeId, sequence);
            }
            readModel = exchange.readModel();
            final List<Projection> projections = new ArrayList<>();
            projections.add(readModel);
            for (final DerivedProjection projection : derived)
            {
                projection.onRecovered(readModel, sequence);
                projections.add(projection);
            }
            step = new ApplyStep(exchange.engine(), sequence, projections);
            lastTimestampMs = exchange.lastTimestampMs();
            scheduledDeadlineMs = step.engine().nextDeadlineMs(); // the consensus module's snapshot holds its timer
            lastSnapshotSequence = sequence;
            snapshotRequestedSequence = sequence;
            snapshotRequestedNs = System.nanoTime();
            applied(sequence);
            role = cluster.role();
            started.complete(readModel);
        }
        catch (final IOException | RuntimeException ex)
        {
            started.completeExceptionally(ex);
            throw stop("node " + nodeId + " could not load its snapshot", ex);
        }
    }

    @Override
    public void onSessionMessage(
        final ClientSession session,
        final long timestamp,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final Header header)
    {
        final Command command;
        try
        {
            command = codec.command(buffer, offset, length);
        }
        catch (final CommandCodecException ex)
        {
            LOG.warn("skipped a message of {} bytes that is not a command: {}", length, ex.getMessage());
            return;
        }
        final long timestampMs = Math.max(lastTimestampMs, timestamp);
        final long sequence = step.lastSequence() + 1;
        final AppliedCommand applied;
        try
        {
            applied = step.applyDurable(sequence, timestampMs, command);
        }
        catch (final RuntimeException ex)
        {
            throw stop("the engine or a projection failed on command " + sequence + " (" +
                command.getClass().getSimpleName() + ")", ex);
        }
        lastTimestampMs = timestampMs;
        applied(sequence);
        scheduleDeadMansSwitch();
        if (IngressCodec.originNodeId(buffer, offset) == nodeId)
        {
            replies.complete(IngressCodec.correlationId(buffer, offset), applied);
        }
    }

    /** Keeps the one cluster timer on the engine's next dead man's switch deadline (the same on every node). */
    private void scheduleDeadMansSwitch()
    {
        final long deadlineMs = step.engine().nextDeadlineMs();
        if (deadlineMs == scheduledDeadlineMs)
        {
            return;
        }
        if (deadlineMs == NO_DEADLINE)
        {
            cluster.cancelTimer(DEAD_MANS_SWITCH_TIMER);
        }
        else
        {
            cluster.scheduleTimer(DEAD_MANS_SWITCH_TIMER, deadlineMs);
        }
        scheduledDeadlineMs = deadlineMs;
    }

    private void applied(final long sequence)
    {
        health.committed(sequence);
        health.projected(sequence);
    }

    /**
     * Stops the node for good: the state may be half changed, so nothing more is applied or snapshotted.
     *
     * @return the exception that ends the service's thread.
     */
    private AgentTerminationException stop(final String cause, final Throwable ex)
    {
        if (health.stop(cause))
        {
            LOG.error("FAIL-STOP: {}; this node applies nothing more, waiting commands were answered 5000, and it " +
                "stops so that a restart rebuilds it from a snapshot and the replicated log", cause, ex);
            failStop.onFailStop(cause, ex);
        }
        replies.failAll(Status.INTERNAL_SERVER_ERROR);
        return new AgentTerminationException(ex);
    }

    @Override
    public void onTimerEvent(final long correlationId, final long timestamp)
    {
        if (correlationId != DEAD_MANS_SWITCH_TIMER)
        {
            return;
        }
        scheduledDeadlineMs = NO_DEADLINE;
        final long timestampMs = Math.max(lastTimestampMs, timestamp);
        final long sequence = step.lastSequence() + 1;
        try
        {
            step.applyDurable(sequence, timestampMs, FIRE_DEAD_MANS_SWITCHES);
        }
        catch (final RuntimeException ex)
        {
            throw stop("the engine or a projection failed on command " + sequence + " (FireDeadMansSwitches)", ex);
        }
        lastTimestampMs = timestampMs;
        applied(sequence);
        scheduleDeadMansSwitch();
    }

    @Override
    public void onTakeSnapshot(final ExclusivePublication snapshotPublication)
    {
        final long sequence = step.lastSequence();
        try (DataOutputStream out =
            new DataOutputStream(new SnapshotOutput(snapshotPublication, cluster.idleStrategy())))
        {
            ClusterSnapshot.write(out, sequence, step.engine(), lastTimestampMs, readModel);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("node " + nodeId + " could not write its snapshot", ex);
        }
        lastSnapshotSequence = sequence;
        LOG.info("node {} took a snapshot at sequence {} (log position {}), state hash {}", nodeId, sequence,
            cluster.logPosition(), Long.toHexString(step.engine().stateHash()));
    }

    @Override
    public void onRoleChange(final Cluster.Role newRole)
    {
        role = newRole;
        LOG.info("node {} is now {}", nodeId, newRole);
    }

    @Override
    public void onNewLeadershipTermEvent(
        final long leadershipTermId,
        final long logPosition,
        final long timestamp,
        final long termBaseLogPosition,
        final int leaderMemberId,
        final int logSessionId,
        final TimeUnit timeUnit,
        final int appVersion)
    {
        if (timeUnit != TimeUnit.MILLISECONDS)
        {
            throw stop("the cluster's time unit must be milliseconds, not " + timeUnit,
                new IllegalStateException("cluster time unit " + timeUnit));
        }
        leaderNodeId = leaderMemberId;
        LOG.info("node {} follows leader {} in term {}", nodeId, leaderMemberId, leadershipTermId);
    }

    /** Answers the state reports asked for, and asks for a snapshot when one is due; between two commands. */
    @Override
    public int doBackgroundWork(final long nowNs)
    {
        if (step == null)
        {
            return 0;
        }
        logPosition = cluster.logPosition();
        int work = 0;
        for (CompletableFuture<StateReport> report = reportRequests.poll(); report != null;
            report = reportRequests.poll())
        {
            report.complete(StateReport.of(step.engine(), step.lastSequence(), cluster.logPosition()));
            work++;
        }
        return work + requestSnapshotWhenDue(nowNs);
    }

    private int requestSnapshotWhenDue(final long nowNs)
    {
        final long sequence = step.lastSequence();
        final long since = Math.max(lastSnapshotSequence, snapshotRequestedSequence);
        final boolean due = sequence - since >= snapshotInterval.intervalCommands() ||
            (sequence > since && nowNs - snapshotRequestedNs >= TimeUnit.MILLISECONDS.toNanos(
                snapshotInterval.intervalMs()));
        if (!due || role != Cluster.Role.LEADER || snapshotToggle == null ||
            !ClusterControl.ToggleState.SNAPSHOT.toggle(snapshotToggle))
        {
            return 0;
        }
        snapshotRequestedSequence = sequence;
        snapshotRequestedNs = nowNs;
        LOG.info("node {} leads and asks for a snapshot at sequence {}", nodeId, sequence);
        return 1;
    }

    @Override
    public void onTerminate(final Cluster cluster)
    {
        LOG.info("node {} terminates at sequence {}", nodeId, step == null ? 0 : step.lastSequence());
    }

    @Override
    public void onSessionOpen(final ClientSession session, final long timestamp)
    {
        // sessions are the gateways' cluster clients; a command names its origin node itself
    }

    @Override
    public void onSessionClose(final ClientSession session, final long timestamp, final CloseReason closeReason)
    {
        // see onSessionOpen
    }
}
