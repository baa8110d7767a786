package dev.bourse.server.readmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A read-model structure's writer and several readers started together, as the projection thread and the event loops
 * use it: each reader reads (and checks what it read) until the writer is done, at least {@value #MIN_READS} times and
 * at most a bound; a failed check fails the run.
 */
final class OneWriterManyReaders
{
    private static final int MIN_READS = 1_000;
    private static final long TIMEOUT_MINUTES = 5;

    /** One read, checked; seeded per reader. */
    @FunctionalInterface
    interface Read
    {
        /** @return whether the answer held anything. */
        boolean readAndCheck(Random random);
    }

    private OneWriterManyReaders()
    {
    }

    /** @return the reads, over all readers, whose answer held anything. */
    static int run(final int readers, final int maxReads, final Runnable writer, final Read read) throws Exception
    {
        final AtomicBoolean written = new AtomicBoolean();
        final CountDownLatch start = new CountDownLatch(1);
        final ExecutorService threads = Executors.newFixedThreadPool(readers + 1);
        try
        {
            final Future<?> writing = threads.submit(() ->
            {
                start.await();
                writer.run();
                written.set(true);
                return null;
            });
            final List<Future<Integer>> reading = new ArrayList<>();
            for (int r = 0; r < readers; r++)
            {
                final Random random = new Random(r);
                reading.add(threads.submit(() ->
                {
                    start.await();
                    int nonEmpty = 0;
                    for (int i = 0; i < maxReads && (!written.get() || i < MIN_READS); i++)
                    {
                        nonEmpty += read.readAndCheck(random) ? 1 : 0;
                    }
                    return nonEmpty;
                }));
            }
            start.countDown();
            writing.get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            int nonEmpty = 0;
            for (final Future<Integer> answers : reading)
            {
                nonEmpty += answers.get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            }
            return nonEmpty;
        }
        finally
        {
            threads.shutdownNow();
        }
    }
}
