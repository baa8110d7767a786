package dev.bourse.server.sequencer;

import dev.bourse.engine.Status;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.FireDeadMansSwitches;
import dev.bourse.journal.CommandCodecException;
import dev.bourse.journal.CommandLog;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * The engine thread, the sequencer of the exchange. The gateways {@link #submit} commands into a bounded queue; the
 * agent drains them in batches of at most {@code batchLimit}, and for each command takes its timestamp from the clock
 * (never earlier than the previous one), appends it to the {@link CommandLog} (which gives its sequence) and applies
 * it to the engine ({@link ApplyStep#apply}). After the batch it commits the log, and only then hands the batch to the
 * {@link ProjectionAgent}, which makes it visible (projections, then replies). Nothing of a command is visible before
 * its batch is durable, and no HTTP or JSON work happens on this thread.
 * <p>
 * Dead man's switches: the engine reads no clock, so at the start of each pass the agent compares the engine's
 * {@link dev.bourse.engine.Engine#nextDeadlineMs() next deadline} with its clock and, when it has come, puts one
 * {@link FireDeadMansSwitches} first in the batch: journaled, applied, committed and projected like a client's
 * command (nobody waits for its answer), at most one a pass. A pass starts at the latest 1 ms after the previous one
 * when idle (the idle strategy's longest park), so a switch fires within about a millisecond of its deadline, plus
 * the batch and fsync in progress under load. The first pass after a restart fires every deadline that passed while
 * the server was down, before any command submitted since.
 * <p>
 * Group commit: each batch pays for one sync. Under load the agent may pause briefly before taking a batch, so that
 * it carries more commands ({@link CommitDelay}); a quiet server's command never waits.
 * <p>
 * Fail-stop: when the log cannot append or commit, or the engine throws, the agent stops accepting writes at once,
 * answers every command not yet durable with 5000 (outcome unknown: it may be durable if an earlier part of the batch
 * was forced), and tells the {@link FailStopHandler}. It never applies another command: the engine's state may be
 * ahead of the journal, or half changed.
 */
public final class EngineAgent implements Agent, CommandSubmitter
{
    /** Told on the engine thread after each batch is durable and handed to the projections. */
    @FunctionalInterface
    public interface CommitListener
    {
        /** Does nothing. */
        CommitListener NONE = (lastSequence, lastTimestampMs) ->
        {
        };

        /**
         * @param lastSequence    the sequence of the batch's last command, durable now.
         * @param lastTimestampMs the timestamp of the batch's last command.
         */
        void onCommitted(long lastSequence, long lastTimestampMs);
    }

    private static final Logger LOG = LoggerFactory.getLogger(EngineAgent.class);
    private static final long HANDOFF_PARK_NS = TimeUnit.MICROSECONDS.toNanos(20);
    private static final Command FIRE_DEAD_MANS_SWITCHES = new FireDeadMansSwitches();

    private record Request(Command command, CompletableFuture<AppliedCommand> reply)
    {
    }

    private final ApplyStep step;
    private final CommandLog commandLog;
    private final EpochClock clock;
    private final ProjectionAgent projections;
    private final CommitListener commitListener;
    private final SequencerHealth health;
    private final FailStopHandler failStop;
    private final SequencerMetrics metrics;
    private final ManyToOneConcurrentArrayQueue<Request> queue;
    private final WakeableIdleStrategy idleStrategy;
    private final int batchLimit;
    private final CommitDelay commitDelay;
    private final LongConsumer pauseNs;
    private final List<Request> batch;
    private int previousBatchSize;
    private long lastTimestampMs;
    private volatile boolean stopped;

    /**
     * @param step            the apply step over the recovered engine.
     * @param commandLog      where commands are journaled before they are applied.
     * @param clock           the time of each command.
     * @param queueCapacity   commands that may wait; {@link #submit} refuses more with 5001.
     * @param batchLimit      commands applied before the log is committed.
     * @param commitDelay     when to pause for a fuller batch under load.
     * @param lastTimestampMs the timestamp of the last command recovered, or {@link Long#MIN_VALUE}: command
     *                        timestamps never go below it.
     * @param projections     the projection thread that makes durable batches visible.
     * @param commitListener  told after each durable batch (snapshots).
     * @param health          told what is durable, and of a failure.
     * @param failStop        told of a failure of the log or the engine.
     * @param metrics         told of each durable batch: its size and where its time went.
     */
    public EngineAgent(
        final ApplyStep step,
        final CommandLog commandLog,
        final EpochClock clock,
        final int queueCapacity,
        final int batchLimit,
        final CommitDelay commitDelay,
        final long lastTimestampMs,
        final ProjectionAgent projections,
        final CommitListener commitListener,
        final SequencerHealth health,
        final FailStopHandler failStop,
        final SequencerMetrics metrics)
    {
        this(step, commandLog, clock, queueCapacity, batchLimit, commitDelay, LockSupport::parkNanos, lastTimestampMs,
            projections, commitListener, health, failStop, metrics);
    }

    /** As the public constructor, with the pause of {@link CommitDelay} made by {@code pauseNs} (tests). */
    EngineAgent(
        final ApplyStep step,
        final CommandLog commandLog,
        final EpochClock clock,
        final int queueCapacity,
        final int batchLimit,
        final CommitDelay commitDelay,
        final LongConsumer pauseNs,
        final long lastTimestampMs,
        final ProjectionAgent projections,
        final CommitListener commitListener,
        final SequencerHealth health,
        final FailStopHandler failStop,
        final SequencerMetrics metrics)
    {
        if (batchLimit <= 0)
        {
            throw new IllegalArgumentException("batchLimit must be positive");
        }
        this.step = step;
        this.commandLog = commandLog;
        this.clock = clock;
        this.lastTimestampMs = lastTimestampMs;
        this.projections = projections;
        this.commitListener = commitListener;
        this.health = health;
        this.failStop = failStop;
        this.metrics = metrics;
        this.queue = new ManyToOneConcurrentArrayQueue<>(queueCapacity);
        this.idleStrategy = new WakeableIdleStrategy(() -> !queue.isEmpty());
        this.batchLimit = batchLimit;
        this.commitDelay = commitDelay;
        this.pauseNs = pauseNs;
        this.batch = new ArrayList<>(batchLimit);
    }

    /**
     * Queues a command; never blocks. Any thread.
     *
     * @param command the command.
     * @return its answer, completed on the projection thread once the command is durable and visible; at once with
     * 5001 when the queue is full, with 5000 once the server stopped accepting writes.
     */
    @Override
    public CompletableFuture<AppliedCommand> submit(final Command command)
    {
        final CompletableFuture<AppliedCommand> reply = new CompletableFuture<>();
        if (stopped)
        {
            reply.complete(AppliedCommand.unapplied(command, Status.INTERNAL_SERVER_ERROR));
            return reply;
        }
        if (!queue.offer(new Request(command, reply)))
        {
            reply.complete(AppliedCommand.unapplied(command, Status.INTERNAL_TIMEOUT));
            return reply;
        }
        idleStrategy.wake();
        return reply;
    }

    /** @return commands waiting for the engine thread now (any thread; a moment's view). */
    public int queueDepth()
    {
        return queue.size();
    }

    /** @return how the thread running this agent waits for work: woken by {@link #submit}. */
    public IdleStrategy idleStrategy()
    {
        return idleStrategy;
    }

    @Override
    public int doWork()
    {
        if (stopped || projections.hasFailed())
        {
            stopped = true;
            return answerQueued(Status.INTERNAL_SERVER_ERROR);
        }
        batch.clear();
        if (commitDelay.pausesAfter(previousBatchSize, queue.size()))
        {
            pauseNs.accept(commitDelay.delayNs());
        }
        if (step.engine().nextDeadlineMs() <= clock.time())
        {
            batch.add(new Request(FIRE_DEAD_MANS_SWITCHES, new CompletableFuture<>()));
        }
        queue.drainTo(batch, batchLimit - batch.size());
        previousBatchSize = batch.size();
        if (batch.isEmpty())
        {
            return 0;
        }
        final CommittedBatch committed = new CommittedBatch(batch.size());
        long markNs = System.nanoTime();
        long appendNs = 0;
        long applyNs = 0;
        for (final Request request : batch)
        {
            final long timestampMs = nextTimestampMs();
            final long sequence;
            try
            {
                sequence = commandLog.append(timestampMs, request.command());
            }
            catch (final CommandCodecException ex)
            {
                LOG.warn("a {} cannot be journaled, so it is refused unapplied: {}", nameOf(request.command()),
                    ex.getMessage());
                request.reply().complete(AppliedCommand.unapplied(request.command(), Status.INVALID_PARAMETER));
                continue;
            }
            catch (final RuntimeException ex)
            {
                stop("the journal failed to append a " + nameOf(request.command()), ex);
                return batch.size();
            }
            final long appendedNs = System.nanoTime();
            appendNs += appendedNs - markNs;
            try
            {
                committed.add(step.apply(sequence, timestampMs, request.command()), request.reply());
            }
            catch (final RuntimeException ex)
            {
                stop("the engine failed on command " + sequence + " (" + nameOf(request.command()) + ")", ex);
                return batch.size();
            }
            markNs = System.nanoTime();
            applyNs += markNs - appendedNs;
        }
        try
        {
            commandLog.commit();
        }
        catch (final RuntimeException ex)
        {
            stop("the journal failed to commit a batch of " + committed.size() + " commands", ex);
            return batch.size();
        }
        metrics.batchCommitted(batch.size(), appendNs, applyNs, System.nanoTime() - markNs);
        if (committed.size() > 0)
        {
            health.committed(committed.lastSequence());
            handOver(committed);
            commitListener.onCommitted(committed.lastSequence(), lastTimestampMs);
        }
        return batch.size();
    }

    /** Waits for room in the projection thread's queue; backpressure, bounded by the projections' progress. */
    private void handOver(final CommittedBatch committed)
    {
        while (!projections.offer(committed))
        {
            if (projections.hasFailed())
            {
                stopped = true;
                for (int i = 0; i < committed.size(); i++)
                {
                    committed.reply(i).complete(
                        AppliedCommand.unapplied(committed.applied(i).command(), Status.INTERNAL_SERVER_ERROR));
                }
                return;
            }
            LockSupport.parkNanos(HANDOFF_PARK_NS);
        }
    }

    private long nextTimestampMs()
    {
        lastTimestampMs = Math.max(lastTimestampMs, clock.time());
        return lastTimestampMs;
    }

    private void stop(final String cause, final RuntimeException ex)
    {
        stopped = true;
        for (final Request request : batch)
        {
            request.reply().complete(AppliedCommand.unapplied(request.command(), Status.INTERNAL_SERVER_ERROR));
        }
        answerQueued(Status.INTERNAL_SERVER_ERROR);
        if (health.stop(cause))
        {
            LOG.error("FAIL-STOP: {}; no more writes are accepted, commands not yet durable were answered 5000, " +
                "and the server stops so that recovery rebuilds what is durable", cause, ex);
            failStop.onFailStop(cause, ex);
        }
    }

    /** Answers every queued command unapplied; the engine thread only (the queue's one consumer). */
    private int answerQueued(final Status status)
    {
        int answered = 0;
        for (Request request = queue.poll(); request != null; request = queue.poll())
        {
            request.reply().complete(AppliedCommand.unapplied(request.command(), status));
            answered++;
        }
        return answered;
    }

    private static String nameOf(final Command command)
    {
        return command.getClass().getSimpleName();
    }

    /** Answers what still waits with 5001: the server is shutting down and the command was never journaled. */
    @Override
    public void onClose()
    {
        stopped = true;
        answerQueued(Status.INTERNAL_TIMEOUT);
    }

    @Override
    public String roleName()
    {
        return "bourse-engine";
    }
}
