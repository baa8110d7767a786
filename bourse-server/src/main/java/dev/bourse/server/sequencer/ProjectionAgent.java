package dev.bourse.server.sequencer;

import dev.bourse.engine.Status;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The projection thread: takes each durable batch from the engine thread, tells every projection about each of its
 * commands in sequence order ({@link ApplyStep#project}), and releases each command's reply once the projections
 * followed it, so a client reads its own write as soon as it has the answer. The reply futures are completed here;
 * the gateways move their HTTP and JSON work to their own threads. If a projection throws, the server stops
 * (fail-stop): the replies not yet released are answered 5000.
 */
public final class ProjectionAgent implements Agent
{
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionAgent.class);

    private final ApplyStep step;
    private final SequencerHealth health;
    private final FailStopHandler failStop;
    private final OneToOneConcurrentArrayQueue<CommittedBatch> batches;
    private final WakeableIdleStrategy idleStrategy;
    private volatile boolean failed;

    /**
     * @param step             the apply step whose projections this thread runs.
     * @param capacityBatches  durable batches that may wait for the projections; beyond, the engine thread waits.
     * @param health           told how far the projections are, and of a failure.
     * @param failStop         told of a projection's failure.
     */
    public ProjectionAgent(
        final ApplyStep step, final int capacityBatches, final SequencerHealth health, final FailStopHandler failStop)
    {
        this.step = step;
        this.health = health;
        this.failStop = failStop;
        this.batches = new OneToOneConcurrentArrayQueue<>(capacityBatches);
        this.idleStrategy = new WakeableIdleStrategy(() -> !batches.isEmpty());
    }

    /** @return durable batches waiting for the projection thread now (any thread; a moment's view). */
    public int queuedBatches()
    {
        return batches.size();
    }

    /** @return how this agent's thread waits: woken when a batch arrives. */
    public IdleStrategy idleStrategy()
    {
        return idleStrategy;
    }

    /**
     * Hands a durable batch over; the engine thread only.
     *
     * @return false when the queue is full (the engine thread retries) or the projections failed.
     */
    boolean offer(final CommittedBatch batch)
    {
        if (!batches.offer(batch))
        {
            return false;
        }
        idleStrategy.wake();
        return true;
    }

    /** @return whether a projection failed: no batch is taken any more. */
    boolean hasFailed()
    {
        return failed;
    }

    @Override
    public int doWork()
    {
        if (failed)
        {
            return answerQueued();
        }
        final CommittedBatch batch = batches.poll();
        if (batch == null)
        {
            return 0;
        }
        project(batch);
        return batch.size();
    }

    /**
     * Projects every command of the batch, then releases their replies in one burst: an event loop that a reply wakes
     * finds the others of the batch already queued (see {@code EventLoopReplies}), instead of being woken again for
     * each while the next command is projected.
     */
    private void project(final CommittedBatch batch)
    {
        for (int i = 0; i < batch.size(); i++)
        {
            final AppliedCommand applied = batch.applied(i);
            try
            {
                step.project(applied);
            }
            catch (final RuntimeException ex)
            {
                release(batch, i);
                fail(batch, i, applied, ex);
                return;
            }
            health.projected(applied.sequence());
        }
        release(batch, batch.size());
    }

    /** Completes the replies of the batch's first {@code count} commands, which the projections followed. */
    private static void release(final CommittedBatch batch, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            batch.reply(i).complete(batch.applied(i));
        }
    }

    private void fail(final CommittedBatch batch, final int index, final AppliedCommand applied, final Throwable ex)
    {
        failed = true;
        final String cause = "a projection failed on command " + applied.sequence() + " (" +
            applied.command().getClass().getSimpleName() + ")";
        if (health.stop(cause))
        {
            LOG.error("FAIL-STOP: {}; no more writes are accepted and the server stops", cause, ex);
            failStop.onFailStop(cause, ex);
        }
        answerInternalError(batch, index);
        answerQueued();
    }

    /** After a failure: answers 5000 to every batch still queued, or handed over before the engine thread saw it. */
    private int answerQueued()
    {
        int answered = 0;
        for (CommittedBatch next = batches.poll(); next != null; next = batches.poll())
        {
            answerInternalError(next, 0);
            answered += next.size();
        }
        return answered;
    }

    private static void answerInternalError(final CommittedBatch batch, final int from)
    {
        for (int i = from; i < batch.size(); i++)
        {
            batch.reply(i).complete(AppliedCommand.unapplied(batch.applied(i).command(), Status.INTERNAL_SERVER_ERROR));
        }
    }

    /**
     * Projects what is still queued (the engine thread stopped first), so every durable command gets its answer; after
     * a failure, answers it 5000.
     */
    @Override
    public void onClose()
    {
        for (CommittedBatch batch = batches.poll(); batch != null; batch = batches.poll())
        {
            if (failed)
            {
                answerInternalError(batch, 0);
            }
            else
            {
                project(batch);
            }
        }
    }

    @Override
    public String roleName()
    {
        return "bourse-projections";
    }
}
