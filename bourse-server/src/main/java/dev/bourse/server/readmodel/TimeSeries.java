package dev.bourse.server.readmodel;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/**
 * The recent part of a history: records ordered by time then ID, each with the sequence of the command that made it,
 * kept for a bounded age and a bounded count; appending past either bound lets the oldest records go (the durable
 * history keeps them, see {@link HistoryWindow}). Records are appended in sequence order, so their (time, ID) order
 * is their sequence order. Written by one thread, read by any.
 *
 * @param <T> the record type.
 */
public final class TimeSeries<T>
{
    private record Key(long timestampMs, long id)
    {
    }

    private record Entry<T>(long sequence, T record)
    {
    }

    private static final Comparator<Key> ORDER =
        Comparator.comparingLong(Key::timestampMs).thenComparingLong(Key::id);

    private final ConcurrentSkipListMap<Key, Entry<T>> records = new ConcurrentSkipListMap<>(ORDER);
    private final long maxAgeMs;
    private final int maxCount;
    private final HistoryWindow window;
    private int count;
    private volatile long evictedTimestampMs = Long.MIN_VALUE;

    /**
     * @param maxAgeMs records older than this (relative to the newest append) are let go.
     * @param maxCount at most this many records are kept.
     * @param window   told the sequence of every record let go.
     */
    public TimeSeries(final long maxAgeMs, final int maxCount, final HistoryWindow window)
    {
        if (maxAgeMs <= 0 || maxCount <= 0)
        {
            throw new IllegalArgumentException("maxAgeMs and maxCount must be positive");
        }
        this.maxAgeMs = maxAgeMs;
        this.maxCount = maxCount;
        this.window = window;
    }

    /** Appends a record of the command {@code sequence}; the writer thread only. */
    void append(final long timestampMs, final long id, final long sequence, final T record)
    {
        if (records.put(new Key(timestampMs, id), new Entry<>(sequence, record)) == null)
        {
            count++;
        }
        final long oldestKeptMs = timestampMs - maxAgeMs;
        for (Map.Entry<Key, Entry<T>> oldest = records.firstEntry();
            oldest != null && (count > maxCount || oldest.getKey().timestampMs() < oldestKeptMs);
            oldest = records.firstEntry())
        {
            window.evicted(oldest.getValue().sequence());
            evictedTimestampMs = Math.max(evictedTimestampMs, oldest.getKey().timestampMs());
            records.remove(oldest.getKey());
            count--;
        }
    }

    /** Writes one record of a snapshot. */
    @FunctionalInterface
    interface RecordWriter<T>
    {
        void write(DataOutput out, T record) throws IOException;
    }

    /** Reads one record of a snapshot. */
    @FunctionalInterface
    interface RecordReader<T>
    {
        T read(DataInput in) throws IOException;
    }

    /** Writes the time of the newest record let go, then every record with its sequence, oldest first. */
    void writeSnapshot(final DataOutput out, final RecordWriter<T> writer) throws IOException
    {
        out.writeInt(count);
        out.writeLong(evictedTimestampMs);
        int written = 0;
        for (final Map.Entry<Key, Entry<T>> entry : records.entrySet())
        {
            out.writeLong(entry.getKey().timestampMs());
            out.writeLong(entry.getKey().id());
            out.writeLong(entry.getValue().sequence());
            writer.write(out, entry.getValue().record());
            written++;
        }
        if (written != count)
        {
            throw new IllegalStateException("the series counted " + count + " records but holds " + written);
        }
    }

    /**
     * Appends the records of a snapshot, applying this series' bounds.
     *
     * @param format           the read model snapshot's format; before 3, records have no sequence and take the
     *                         snapshot's.
     * @param snapshotSequence the sequence the snapshot was taken at.
     */
    void readSnapshot(final DataInput in, final RecordReader<T> reader, final int format, final long snapshotSequence)
        throws IOException
    {
        final int records = SnapshotFields.readCount(in, Integer.MAX_VALUE);
        final boolean sequenced = format >= ReadModel.SNAPSHOT_VERSION_WITH_SEQUENCES;
        if (sequenced)
        {
            evictedTimestampMs = in.readLong();
        }
        for (int i = 0; i < records; i++)
        {
            final long timestampMs = in.readLong();
            final long id = in.readLong();
            final long sequence = sequenced ? in.readLong() : snapshotSequence;
            append(timestampMs, id, sequence, reader.read(in));
        }
    }

    /**
     * @param fromMs earliest time, inclusive.
     * @param toMs   latest time, inclusive.
     * @param filter which records to list.
     * @param max    the most to list.
     * @return matching records kept in memory, newest first.
     */
    public List<T> newestFirst(final long fromMs, final long toMs, final Predicate<T> filter, final int max)
    {
        return newestFirst(fromMs, toMs, filter, max, 0);
    }

    /**
     * @param fromMs        earliest time, inclusive.
     * @param toMs          latest time, inclusive.
     * @param filter        which records to list.
     * @param max           the most to list.
     * @param afterSequence only records of commands after this sequence.
     * @return matching records kept in memory, newest first.
     */
    public List<T> newestFirst(
        final long fromMs, final long toMs, final Predicate<T> filter, final int max, final long afterSequence)
    {
        final List<T> result = new ArrayList<>(Math.min(max, 128));
        if (fromMs > toMs)
        {
            return result;
        }
        for (final Entry<T> entry : records.subMap(
            new Key(fromMs, Long.MIN_VALUE), true, new Key(toMs, Long.MAX_VALUE), true).descendingMap().values())
        {
            if (result.size() >= max || entry.sequence() <= afterSequence)
            {
                break;
            }
            if (filter.test(entry.record()))
            {
                result.add(entry.record());
            }
        }
        return result;
    }

    /**
     * @param fromMs the start of a time range.
     * @return whether no record from that time on was let go: memory alone answers for the range.
     */
    public boolean completeFrom(final long fromMs)
    {
        return evictedTimestampMs < fromMs;
    }
}
