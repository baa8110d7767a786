package dev.bourse.server.gateway;

import io.vertx.core.Context;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs answers on one event loop, handed over from the projection thread, with one hand-over per burst instead of one
 * per answer: the first answer of a burst schedules a drain on the loop, the answers that follow before it runs join
 * its queue. A projected batch of commands thus wakes each event loop about once, not once per command (a wake-up is
 * a system call when the loop sleeps). A drain runs at most {@value #MAX_DRAIN_TASKS} answers, then yields the loop
 * and schedules the next.
 */
final class EventLoopReplies implements Executor
{
    static final int MAX_DRAIN_TASKS = 4_096;

    private final Context context;
    private final ManyToOneConcurrentLinkedQueue<Runnable> tasks = new ManyToOneConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    /** @param context an event-loop context: the answers run on its thread. */
    EventLoopReplies(final Context context)
    {
        if (!context.isEventLoopContext())
        {
            throw new IllegalArgumentException("not an event-loop context: " + context);
        }
        this.context = context;
    }

    @Override
    public void execute(final Runnable task)
    {
        tasks.offer(task);
        scheduleDrain();
    }

    private void scheduleDrain()
    {
        if (drainScheduled.compareAndSet(false, true))
        {
            context.runOnContext(ignored -> drain());
        }
    }

    private void drain()
    {
        drainScheduled.set(false);
        for (int i = 0; i < MAX_DRAIN_TASKS; i++)
        {
            final Runnable task = tasks.poll();
            if (task == null)
            {
                return;
            }
            task.run();
        }
        if (!tasks.isEmpty())
        {
            scheduleDrain();
        }
    }
}
