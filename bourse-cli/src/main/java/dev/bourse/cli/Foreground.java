package dev.bourse.cli;

import dev.bourse.server.BourseServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a long-lived command ({@code serve}, {@code simulate}) in the foreground until SIGTERM or Ctrl-C, then closes
 * what it runs, in the order given, from the shutdown hook.
 */
final class Foreground
{
    private static final Logger LOG = LoggerFactory.getLogger(Foreground.class);
    private static volatile boolean running;

    private Foreground()
    {
    }

    /** @return whether a command runs until the JVM exits (then {@code main} must not call {@code System.exit}). */
    static boolean isRunning()
    {
        return running;
    }

    /**
     * Blocks until the JVM shuts down and the resources are closed.
     *
     * @param resources closed in this order at shutdown; nulls are skipped.
     * @return 0.
     * @throws InterruptedException when interrupted while waiting.
     */
    static int runUntilShutdown(final List<AutoCloseable> resources) throws InterruptedException
    {
        final CountDownLatch stopped = new CountDownLatch(1);
        closeAtShutdown(resources, stopped);
        stopped.await();
        return 0;
    }

    /**
     * Blocks until the server stops: closed at shutdown with the other resources, or stopped by itself after a
     * failure (fail-stop), when the caller must exit with the code returned, which closes the rest at shutdown.
     *
     * @param resources closed in this order at shutdown; nulls are skipped.
     * @param server    the server.
     * @return {@link BourseServer#EXIT_OK} or {@link BourseServer#EXIT_FAIL_STOP}.
     * @throws InterruptedException when interrupted while waiting.
     */
    static int runUntilServerStops(final List<AutoCloseable> resources, final BourseServer server)
        throws InterruptedException
    {
        closeAtShutdown(resources, new CountDownLatch(1));
        return server.awaitTermination();
    }

    private static void closeAtShutdown(final List<AutoCloseable> resources, final CountDownLatch stopped)
    {
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            for (final AutoCloseable resource : resources)
            {
                try
                {
                    if (resource != null)
                    {
                        resource.close();
                    }
                }
                catch (final Exception ex)
                {
                    LOG.error("stopping {} failed", resource, ex);
                }
            }
            stopped.countDown();
        }, "bourse-shutdown"));
        running = true;
    }
}
