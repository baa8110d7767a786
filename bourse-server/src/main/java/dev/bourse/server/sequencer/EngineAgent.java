package dev.bourse.server.sequencer;

import dev.bourse.engine.Engine;
import dev.bourse.engine.Status;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.event.Event;
import dev.bourse.journal.CommandCodecException;
import dev.bourse.journal.CommandLog;
import dev.bourse.server.readmodel.ReadModel;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The one thread that owns the {@link Engine}. The HTTP event loops {@link #submit} commands into a bounded queue;
 * the agent drains them in batches of at most {@code batchLimit}, and for each command takes its timestamp from the
 * clock (never earlier than the previous one), appends it to the {@link CommandLog}, applies it and updates the
 * {@link ReadModel}. After the batch it commits the log, and only then completes the replies of the batch, so a
 * reply is never seen before its command is logged and visible to reads. After the replies it tells the
 * {@link CommitListener}, which may take a snapshot on this thread between batches.
 */
public final class EngineAgent implements Agent
{
    /** Told on the engine thread after each batch is committed and its replies released. */
    @FunctionalInterface
    public interface CommitListener
    {
        /** Does nothing. */
        CommitListener NONE = lastTimestampMs ->
        {
        };

        /**
         * A batch was committed; the engine and the read model are quiet until this returns.
         *
         * @param lastTimestampMs the timestamp of the batch's last command.
         */
        void onCommitted(long lastTimestampMs);
    }

    private static final Logger LOG = LoggerFactory.getLogger(EngineAgent.class);

    private record Request(Command command, CompletableFuture<EngineReply> reply)
    {
    }

    private final Engine engine;
    private final ReadModel readModel;
    private final CommandLog commandLog;
    private final EpochClock clock;
    private final CommitListener commitListener;
    private final ManyToOneConcurrentArrayQueue<Request> queue;
    private final WakeableIdleStrategy idleStrategy;
    private final int batchLimit;
    private final List<Request> batch;
    private final List<EngineReply> replies;
    private final List<Event> events = new ArrayList<>();
    private long lastTimestampMs;
    private volatile boolean closed;

    /**
     * @param engine        the engine, used by this agent's thread only from now on.
     * @param readModel     the read model the agent keeps up to date.
     * @param commandLog    where commands are logged before they are applied.
     * @param clock         the time of each command.
     * @param queueCapacity commands that may wait; {@link #submit} refuses more.
     * @param batchLimit    commands applied before the log is committed and the replies released.
     * @param lastTimestampMs the timestamp of the last command already applied (recovered), or
     *                      {@link Long#MIN_VALUE}: command timestamps never go below it.
     * @param commitListener told after each batch.
     */
    public EngineAgent(
        final Engine engine,
        final ReadModel readModel,
        final CommandLog commandLog,
        final EpochClock clock,
        final int queueCapacity,
        final int batchLimit,
        final long lastTimestampMs,
        final CommitListener commitListener)
    {
        if (batchLimit <= 0)
        {
            throw new IllegalArgumentException("batchLimit must be positive");
        }
        this.engine = engine;
        this.readModel = readModel;
        this.commandLog = commandLog;
        this.clock = clock;
        this.lastTimestampMs = lastTimestampMs;
        this.commitListener = commitListener;
        this.queue = new ManyToOneConcurrentArrayQueue<>(queueCapacity);
        this.idleStrategy = new WakeableIdleStrategy(() -> !queue.isEmpty());
        this.batchLimit = batchLimit;
        this.batch = new ArrayList<>(batchLimit);
        this.replies = new ArrayList<>(batchLimit);
    }

    /**
     * Queues a command; never blocks. Any thread.
     *
     * @param command the command.
     * @return its reply, completed on the engine thread; completed at once with 5001 when the queue is full or the
     * agent is closed.
     */
    public CompletableFuture<EngineReply> submit(final Command command)
    {
        final CompletableFuture<EngineReply> reply = new CompletableFuture<>();
        if (closed || !queue.offer(new Request(command, reply)))
        {
            reply.complete(new EngineReply(Status.INTERNAL_TIMEOUT, List.of(), 0));
            return reply;
        }
        idleStrategy.wake();
        return reply;
    }

    /** @return how the thread running this agent waits for work: woken by {@link #submit}. */
    public IdleStrategy idleStrategy()
    {
        return idleStrategy;
    }

    @Override
    public int doWork()
    {
        batch.clear();
        replies.clear();
        queue.drainTo(batch, batchLimit);
        if (batch.isEmpty())
        {
            return 0;
        }
        for (final Request request : batch)
        {
            replies.add(apply(request.command()));
        }
        try
        {
            commandLog.commit();
        }
        catch (final RuntimeException ex)
        {
            LOG.error("the command log failed to commit a batch of {} commands: stopping the engine", batch.size(), ex);
            closed = true;
            releaseAll(Status.INTERNAL_SERVER_ERROR);
            throw ex;
        }
        for (int i = 0; i < batch.size(); i++)
        {
            batch.get(i).reply().complete(replies.get(i));
        }
        commitListener.onCommitted(lastTimestampMs);
        return batch.size();
    }

    private EngineReply apply(final Command command)
    {
        final long timestampMs = nextTimestampMs();
        try
        {
            commandLog.append(timestampMs, command);
        }
        catch (final CommandCodecException ex)
        {
            LOG.warn("a {} cannot be journaled, so it is refused unapplied: {}", command.getClass().getSimpleName(),
                ex.getMessage());
            return new EngineReply(Status.INVALID_PARAMETER, List.of(), timestampMs);
        }
        catch (final RuntimeException ex)
        {
            LOG.error("the command log failed to append a command; it is not applied", ex);
            return new EngineReply(Status.INTERNAL_SERVER_ERROR, List.of(), timestampMs);
        }
        events.clear();
        final Status status;
        try
        {
            status = engine.apply(command, timestampMs, events::add);
        }
        catch (final RuntimeException ex)
        {
            LOG.error("the engine failed on a {}", command.getClass().getSimpleName(), ex);
            return new EngineReply(Status.INTERNAL_CORE_ERROR, List.of(), timestampMs);
        }
        try
        {
            readModel.onCommand(engine, status, events, timestampMs);
        }
        catch (final RuntimeException ex)
        {
            LOG.error("the read model failed to follow a {}; reads may be stale", command.getClass().getSimpleName(),
                ex);
        }
        return new EngineReply(status, events, timestampMs);
    }

    private long nextTimestampMs()
    {
        lastTimestampMs = Math.max(lastTimestampMs, clock.time());
        return lastTimestampMs;
    }

    private void releaseAll(final Status status)
    {
        for (final Request request : batch)
        {
            request.reply().complete(new EngineReply(status, List.of(), 0));
        }
        batch.clear();
    }

    @Override
    public void onClose()
    {
        closed = true;
        for (Request request = queue.poll(); request != null; request = queue.poll())
        {
            request.reply().complete(new EngineReply(Status.INTERNAL_TIMEOUT, List.of(), 0));
        }
    }

    @Override
    public String roleName()
    {
        return "bourse-engine";
    }
}
