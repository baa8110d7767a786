package dev.bourse.journal;

import dev.bourse.engine.command.Command;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;

/**
 * A replay on two threads: a reader thread ({@value #READER_THREAD_NAME}) runs the {@link JournalReader} (reads the
 * segments, checks every record's CRC32C and sequence number, decodes the commands) into batches of up to
 * {@value #BATCH_RECORDS} records, while the calling thread gives the records of the batches before to the
 * {@link RecordHandler}, in sequence order. The handler and the progress listener run on the calling thread only.
 * <p>
 * {@value #BATCHES} batches are allocated once and go round between two queues (filled, free): the reader is at most
 * that many batches ahead and waits (parked) when all are filled.
 * <p>
 * What the single-threaded read gives, the pipeline gives the same way: every valid record before a damaged one
 * reaches the handler, then the reader's exception (a {@link JournalCorruptionException},
 * {@link UnsupportedFormatVersionException}, {@link UncheckedIOException}...) is thrown on the calling thread, the
 * same instance; progress is reported after the same records. When the handler throws, the reader thread is told to
 * stop (flag and interrupt), joined, and the handler's exception propagates: no reader thread outlives
 * {@link #replay}. Whatever ends the reader thread (an interrupt from elsewhere, an {@link Error} while it waits for a
 * free batch) reaches the calling thread as an exception: the read never just stops.
 */
final class ReplayPipeline
{
    /** The name of the reader thread. */
    static final String READER_THREAD_NAME = "journal-replay-reader";
    /** Records per batch at most. */
    static final int BATCH_RECORDS = 1024;
    /** Batches in flight at most (filled or being filled). */
    static final int BATCHES = 8;

    private static final ThreadFactory READER_THREADS = runnable ->
    {
        final Thread thread = new Thread(runnable, READER_THREAD_NAME);
        thread.setDaemon(true);
        return thread;
    };

    /** Records decoded by the reader, and what ended the read when this is the last batch. */
    private static final class Batch
    {
        final long[] sequences;
        final long[] timestampsMs;
        final Command[] commands;
        int count;
        boolean progressDue;
        long progressRecords;
        long progressBytesScanned;
        long progressTotalBytes;
        boolean last;
        JournalTail tail;
        Throwable failure;

        Batch(final int records)
        {
            sequences = new long[records];
            timestampsMs = new long[records];
            commands = new Command[records];
        }

        void clear()
        {
            count = 0;
            progressDue = false;
        }
    }

    /** Thrown on the reader thread to end its read when the calling thread has stopped replaying. */
    private static final class Cancelled extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        Cancelled()
        {
            super("journal replay cancelled", null, false, false);
        }
    }

    /** The reader thread's side: fills batches from the reader's callbacks. */
    private static final class Producer implements Runnable, RecordHandler, JournalReader.ProgressListener
    {
        private final JournalReader reader;
        private final long fromSequence;
        private final BlockingQueue<Batch> filled;
        private final BlockingQueue<Batch> free;
        /** The last batch when the read ends while the reader holds no batch (it failed waiting for one). */
        private final Batch end = new Batch(0);
        private volatile boolean cancelled;
        private Batch current;

        Producer(
            final JournalReader reader, final long fromSequence, final BlockingQueue<Batch> filled,
            final BlockingQueue<Batch> free)
        {
            this.reader = reader;
            this.fromSequence = fromSequence;
            this.filled = filled;
            this.free = free;
        }

        @Override
        public void run()
        {
            try
            {
                current = nextFree();
                final JournalTail tail = reader.read(fromSequence, this, this);
                finish(tail, null);
            }
            catch (final Cancelled ex)
            {
                if (!cancelled)
                {
                    final InterruptedIOException interrupted =
                        new InterruptedIOException("journal replay reader thread interrupted");
                    finish(null, new UncheckedIOException(interrupted));
                }
                // else the calling thread has stopped replaying: nobody takes the batches any more
            }
            catch (final RuntimeException | Error ex)
            {
                if (!cancelled)
                {
                    finish(null, ex);
                }
            }
        }

        @Override
        public void onRecord(final long sequence, final long timestampMs, final Command command)
        {
            Batch batch = current;
            if (batch.count == BATCH_RECORDS)
            {
                publish();
                batch = current;
            }
            final int index = batch.count;
            batch.sequences[index] = sequence;
            batch.timestampsMs[index] = timestampMs;
            batch.commands[index] = command;
            batch.count = index + 1;
        }

        @Override
        public void onProgress(final long records, final long bytesScanned, final long totalBytes)
        {
            final Batch batch = current;
            batch.progressDue = true;
            batch.progressRecords = records;
            batch.progressBytesScanned = bytesScanned;
            batch.progressTotalBytes = totalBytes;
            publish();
        }

        void cancel()
        {
            cancelled = true;
        }

        /** Hands over the last batch: the one being filled, or the end batch when none is (there is always room). */
        private void finish(final JournalTail tail, final Throwable failure)
        {
            final Batch batch = current != null ? current : end;
            batch.last = true;
            batch.tail = tail;
            batch.failure = failure;
            current = null;
            filled.add(batch);
        }

        private void publish()
        {
            final Batch batch = current;
            current = null;
            filled.add(batch);
            current = nextFree();
        }

        private Batch nextFree()
        {
            if (cancelled)
            {
                throw new Cancelled();
            }
            try
            {
                return free.take();
            }
            catch (final InterruptedException ex)
            {
                throw new Cancelled();
            }
        }
    }

    private final ThreadFactory threads;

    /** A pipeline on a daemon thread named {@value #READER_THREAD_NAME}. */
    ReplayPipeline()
    {
        this(READER_THREADS);
    }

    /** @param threads makes the reader thread (a test's, to see it end). */
    ReplayPipeline(final ThreadFactory threads)
    {
        this.threads = threads;
    }

    /**
     * Replays as {@link JournalReader#read(long, RecordHandler)} does, the reading on a thread of its own.
     *
     * @param reader       the reader, used by the reader thread only until this returns.
     * @param fromSequence the first sequence number wanted, at least 1.
     * @param handler      receives the records, on the calling thread.
     * @param progress     told of the progress after the records it counts, on the calling thread.
     * @return the tail of the journal.
     * @throws JournalCorruptionException        as the reader throws it, after every record before the damage.
     * @throws UnsupportedFormatVersionException as the reader throws it.
     * @throws UncheckedIOException              when reading fails, or the calling thread is interrupted (with an
     *                                           {@link InterruptedIOException}, the thread's interrupt flag set).
     */
    JournalTail replay(
        final JournalReader reader, final long fromSequence, final RecordHandler handler,
        final JournalReader.ProgressListener progress)
    {
        final BlockingQueue<Batch> filled = new ArrayBlockingQueue<>(BATCHES + 1);
        final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
        for (int i = 0; i < BATCHES; i++)
        {
            free.add(new Batch(BATCH_RECORDS));
        }
        final Producer producer = new Producer(reader, fromSequence, filled, free);
        final Thread thread = threads.newThread(producer);
        thread.start();
        boolean ended = false;
        try
        {
            while (true)
            {
                final Batch batch = take(filled);
                apply(batch, handler, progress);
                if (batch.last)
                {
                    ended = true;
                    return end(batch);
                }
                batch.clear();
                // the reader's from here on: not even batch.last may be read again
                free.add(batch);
            }
        }
        finally
        {
            if (!ended)
            {
                producer.cancel();
                thread.interrupt();
            }
            joinUninterruptibly(thread);
        }
    }

    private static void apply(
        final Batch batch, final RecordHandler handler, final JournalReader.ProgressListener progress)
    {
        final long[] sequences = batch.sequences;
        final long[] timestampsMs = batch.timestampsMs;
        final Command[] commands = batch.commands;
        for (int i = 0, count = batch.count; i < count; i++)
        {
            handler.onRecord(sequences[i], timestampsMs[i], commands[i]);
        }
        if (batch.progressDue)
        {
            progress.onProgress(batch.progressRecords, batch.progressBytesScanned, batch.progressTotalBytes);
        }
    }

    private static JournalTail end(final Batch batch)
    {
        final Throwable failure = batch.failure;
        if (failure instanceof Error error)
        {
            throw error;
        }
        if (failure != null)
        {
            throw (RuntimeException)failure;
        }
        return batch.tail;
    }

    private static Batch take(final BlockingQueue<Batch> filled)
    {
        try
        {
            return filled.take();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            final InterruptedIOException interrupted = new InterruptedIOException("journal replay interrupted");
            interrupted.initCause(ex);
            throw new UncheckedIOException(interrupted);
        }
    }

    private static void joinUninterruptibly(final Thread thread)
    {
        boolean interrupted = false;
        while (thread.isAlive())
        {
            try
            {
                thread.join();
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }
}
