package dev.bourse.server.simulation;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs each task on the caller's thread at once: snapshots made at a deterministic point of a simulation. */
final class DirectExecutorService extends AbstractExecutorService
{
    private boolean shutdown;

    @Override
    public void execute(final Runnable command)
    {
        if (shutdown)
        {
            throw new IllegalStateException("shut down");
        }
        command.run();
    }

    @Override
    public void shutdown()
    {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow()
    {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown()
    {
        return shutdown;
    }

    @Override
    public boolean isTerminated()
    {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(final long timeout, final TimeUnit unit)
    {
        return true;
    }
}
