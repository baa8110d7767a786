package dev.bourse.cluster;

import dev.bourse.engine.Status;
import dev.bourse.engine.command.Command;
import dev.bourse.journal.CommandCodecException;
import dev.bourse.server.sequencer.AppliedCommand;
import dev.bourse.server.sequencer.CommandSubmitter;
import dev.bourse.server.sequencer.SequencerHealth;
import io.aeron.Publication;
import io.aeron.cluster.client.AeronCluster;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A node's way into the cluster, on a thread of its own: the gateways {@link #submit} commands into a bounded queue;
 * the agent sends each as an {@link IngressCodec} message (this node's ID, a correlation ID, the command) through its
 * {@link AeronCluster} client to the leader, and registers the reply in the {@link PendingReplies} that this node's
 * service completes once it applied the command. The client follows a new leader by itself; when it lost the cluster
 * the agent connects again. A command is answered at once 5001 when it certainly did not enter the cluster (no
 * leader, back pressure, the queue full), 4002 when it cannot be encoded, and 5000 when its reply did not come within
 * the reply timeout (lost with a failed leader, or committed late: its outcome is unknown).
 */
final class IngressAgent implements Agent, CommandSubmitter
{
    private static final Logger LOG = LoggerFactory.getLogger(IngressAgent.class);
    private static final long KEEP_ALIVE_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long EXPIRE_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long BACK_PRESSURE_WAIT_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int BATCH_LIMIT = 256;

    private record Request(Command command, CompletableFuture<AppliedCommand> reply)
    {
    }

    private final int nodeId;
    private final AeronCluster.Context clientContext;
    private final PendingReplies replies;
    private final SequencerHealth health;
    private final NanoClock clock;
    private final ManyToOneConcurrentArrayQueue<Request> queue;
    private final int maxPending;
    private final List<Request> batch = new ArrayList<>(BATCH_LIMIT);
    private final IngressCodec codec = new IngressCodec();
    private AeronCluster cluster;
    private AeronCluster.AsyncConnect connecting;
    private long nextCorrelationId;
    private long lastSentNs;
    private long lastExpiredNs;
    private boolean wasConnected;
    private volatile boolean closed;

    /**
     * @param nodeId        this node's ID, the origin of its commands.
     * @param clientContext how to connect to the cluster; cloned for every attempt.
     * @param replies       where replies wait for this node's service.
     * @param health        whether writes are accepted.
     * @param clock         the time of deadlines.
     * @param queueCapacity commands that may wait to be sent, and replies that may wait.
     */
    IngressAgent(
        final int nodeId,
        final AeronCluster.Context clientContext,
        final PendingReplies replies,
        final SequencerHealth health,
        final NanoClock clock,
        final int queueCapacity)
    {
        this.nodeId = nodeId;
        this.clientContext = clientContext;
        this.replies = replies;
        this.health = health;
        this.clock = clock;
        this.queue = new ManyToOneConcurrentArrayQueue<>(queueCapacity);
        this.maxPending = queueCapacity;
        // correlation IDs of an earlier run of this node may come back when it replays its log: start elsewhere
        this.nextCorrelationId = new SecureRandom().nextLong() & Long.MAX_VALUE;
    }

    @Override
    public CompletableFuture<AppliedCommand> submit(final Command command)
    {
        final CompletableFuture<AppliedCommand> reply = new CompletableFuture<>();
        if (closed || !health.acceptingWrites())
        {
            reply.complete(AppliedCommand.unapplied(command, Status.INTERNAL_SERVER_ERROR));
        }
        else if (!queue.offer(new Request(command, reply)))
        {
            reply.complete(AppliedCommand.unapplied(command, Status.INTERNAL_TIMEOUT));
        }
        return reply;
    }

    /** @return the leader this node's client sends to, or -1 while it has none. */
    int leaderNodeId()
    {
        final AeronCluster client = cluster;
        return client == null || client.isClosed() ? -1 : client.leaderMemberId();
    }

    @Override
    public int doWork()
    {
        final long nowNs = clock.nanoTime();
        int work = 0;
        if (cluster == null || cluster.isClosed())
        {
            work += connect();
        }
        else
        {
            work += cluster.pollEgress();
        }
        work += send(nowNs);
        if (nowNs - lastExpiredNs >= EXPIRE_INTERVAL_NS)
        {
            lastExpiredNs = nowNs;
            work += replies.expire(nowNs);
        }
        if (cluster != null && !cluster.isClosed() && nowNs - lastSentNs >= KEEP_ALIVE_NS &&
            cluster.sendKeepAlive())
        {
            lastSentNs = nowNs;
        }
        return work;
    }

    private int connect()
    {
        if (cluster != null)
        {
            cluster = null;
            LOG.warn("node {} lost its cluster session; connecting again", nodeId);
        }
        try
        {
            if (connecting == null)
            {
                connecting = AeronCluster.asyncConnect(clientContext.clone());
            }
            final AeronCluster connected = connecting.poll();
            if (connected == null)
            {
                return 0;
            }
            connecting = null;
            cluster = connected;
            if (!wasConnected)
            {
                wasConnected = true;
                LOG.info("node {} is connected to the cluster, leader {}", nodeId, connected.leaderMemberId());
            }
            return 1;
        }
        catch (final RuntimeException ex)
        {
            if (connecting != null)
            {
                connecting.close();
                connecting = null;
            }
            LOG.debug("node {} could not connect to the cluster yet: {}", nodeId, ex.toString());
            return 1;
        }
    }

    private int send(final long nowNs)
    {
        batch.clear();
        queue.drainTo(batch, BATCH_LIMIT);
        for (final Request request : batch)
        {
            if (cluster == null || cluster.isClosed() || replies.size() >= maxPending)
            {
                request.reply().complete(AppliedCommand.unapplied(request.command(), Status.INTERNAL_TIMEOUT));
                continue;
            }
            final long correlationId = nextCorrelationId++;
            final int length;
            try
            {
                length = codec.encode(nodeId, correlationId, request.command());
            }
            catch (final CommandCodecException ex)
            {
                LOG.warn("a {} cannot be encoded, so it is refused unapplied: {}",
                    request.command().getClass().getSimpleName(), ex.getMessage());
                request.reply().complete(AppliedCommand.unapplied(request.command(), Status.INVALID_PARAMETER));
                continue;
            }
            replies.add(correlationId, request.command(), request.reply(), nowNs);
            if (offer(length, nowNs))
            {
                lastSentNs = nowNs;
            }
            else
            {
                replies.fail(correlationId, Status.INTERNAL_TIMEOUT);
            }
        }
        return batch.size();
    }

    /** @return whether the message entered the ingress publication; waits out a short back pressure. */
    private boolean offer(final int length, final long nowNs)
    {
        while (true)
        {
            final long result = cluster.offer(codec.buffer(), 0, length);
            if (result > 0)
            {
                return true;
            }
            if ((result != Publication.BACK_PRESSURED && result != Publication.ADMIN_ACTION) ||
                clock.nanoTime() - nowNs > BACK_PRESSURE_WAIT_NS)
            {
                return false;
            }
            Thread.onSpinWait();
        }
    }

    /** Closes the session; what waits to be sent is answered 5001, replies still waiting 5000. */
    @Override
    public void onClose()
    {
        closed = true;
        for (Request request = queue.poll(); request != null; request = queue.poll())
        {
            request.reply().complete(AppliedCommand.unapplied(request.command(), Status.INTERNAL_TIMEOUT));
        }
        replies.failAll(Status.INTERNAL_SERVER_ERROR);
        if (connecting != null)
        {
            connecting.close();
        }
        if (cluster != null)
        {
            cluster.close();
        }
    }

    @Override
    public String roleName()
    {
        return "bourse-ingress";
    }
}
