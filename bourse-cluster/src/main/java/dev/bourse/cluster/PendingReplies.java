package dev.bourse.cluster;

import dev.bourse.engine.Status;
import dev.bourse.engine.command.Command;
import dev.bourse.server.sequencer.AppliedCommand;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The replies a node's gateways wait for, by the correlation ID their command was sent into the cluster with. The
 * ingress thread adds and expires them; the service thread completes them once it applied the command, so a reply
 * is released only once the command was committed (a majority has it) and this node's projections followed it. A
 * reply not completed within the timeout is answered 5000: the command was lost with a failed leader, or may still be
 * committed; its outcome is unknown until read back.
 */
final class PendingReplies
{
    private record Pending(Command command, CompletableFuture<AppliedCommand> reply, long deadlineNs)
    {
    }

    private final Map<Long, Pending> byCorrelationId = new ConcurrentHashMap<>();
    private final ArrayDeque<Long> inSendOrder = new ArrayDeque<>();
    private final long timeoutNs;

    /** @param timeoutNs how long a reply may wait. */
    PendingReplies(final long timeoutNs)
    {
        this.timeoutNs = timeoutNs;
    }

    /**
     * Registers a reply before its command is sent; the ingress thread only.
     *
     * @param nowNs the time of sending.
     */
    void add(final long correlationId, final Command command, final CompletableFuture<AppliedCommand> reply,
        final long nowNs)
    {
        byCorrelationId.put(correlationId, new Pending(command, reply, nowNs + timeoutNs));
        inSendOrder.addLast(correlationId);
    }

    /** Answers a reply whose command was not sent after all; the ingress thread only. */
    void fail(final long correlationId, final Status status)
    {
        final Pending pending = byCorrelationId.remove(correlationId);
        if (pending != null)
        {
            pending.reply().complete(AppliedCommand.unapplied(pending.command(), status));
        }
    }

    /** Completes the reply waiting for a command applied on this node, if one is; the service thread only. */
    void complete(final long correlationId, final AppliedCommand applied)
    {
        final Pending pending = byCorrelationId.remove(correlationId);
        if (pending != null)
        {
            pending.reply().complete(applied);
        }
    }

    /**
     * Answers 5000 to every reply past its deadline; the ingress thread only.
     *
     * @return how many were answered.
     */
    int expire(final long nowNs)
    {
        int expired = 0;
        for (Long id = inSendOrder.peekFirst(); id != null; id = inSendOrder.peekFirst())
        {
            final Pending pending = byCorrelationId.get(id);
            if (pending != null && pending.deadlineNs() - nowNs > 0)
            {
                break;
            }
            inSendOrder.removeFirst();
            if (pending != null && byCorrelationId.remove(id, pending))
            {
                pending.reply().complete(AppliedCommand.unapplied(pending.command(), Status.INTERNAL_SERVER_ERROR));
                expired++;
            }
        }
        return expired;
    }

    /** Answers every reply still waiting with the status; at shutdown or after a failure, any thread. */
    void failAll(final Status status)
    {
        for (final Long id : byCorrelationId.keySet())
        {
            final Pending pending = byCorrelationId.remove(id);
            if (pending != null)
            {
                pending.reply().complete(AppliedCommand.unapplied(pending.command(), status));
            }
        }
    }

    /** @return replies waiting. */
    int size()
    {
        return byCorrelationId.size();
    }
}
