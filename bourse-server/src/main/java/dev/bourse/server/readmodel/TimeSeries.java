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
 * Records ordered by time then ID, kept for a bounded age and a bounded count: appending past either bound forgets
 * the oldest records. Written by one thread, read by any.
 *
 * @param <T> the record type.
 */
public final class TimeSeries<T>
{
    private record Key(long timestampMs, long id)
    {
    }

    private static final Comparator<Key> ORDER =
        Comparator.comparingLong(Key::timestampMs).thenComparingLong(Key::id);

    private final ConcurrentSkipListMap<Key, T> records = new ConcurrentSkipListMap<>(ORDER);
    private final long maxAgeMs;
    private final int maxCount;
    private int count;

    /**
     * @param maxAgeMs records older than this (relative to the newest append) are forgotten.
     * @param maxCount at most this many records are kept.
     */
    public TimeSeries(final long maxAgeMs, final int maxCount)
    {
        if (maxAgeMs <= 0 || maxCount <= 0)
        {
            throw new IllegalArgumentException("maxAgeMs and maxCount must be positive");
        }
        this.maxAgeMs = maxAgeMs;
        this.maxCount = maxCount;
    }

    /** Appends a record; the writer thread only. */
    void append(final long timestampMs, final long id, final T record)
    {
        if (records.put(new Key(timestampMs, id), record) == null)
        {
            count++;
        }
        final long oldestKeptMs = timestampMs - maxAgeMs;
        for (Map.Entry<Key, T> oldest = records.firstEntry();
            oldest != null && (count > maxCount || oldest.getKey().timestampMs() < oldestKeptMs);
            oldest = records.firstEntry())
        {
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

    /** Writes every record, oldest first; the writer thread only. */
    void writeSnapshot(final DataOutput out, final RecordWriter<T> writer) throws IOException
    {
        out.writeInt(count);
        int written = 0;
        for (final Map.Entry<Key, T> entry : records.entrySet())
        {
            out.writeLong(entry.getKey().timestampMs());
            out.writeLong(entry.getKey().id());
            writer.write(out, entry.getValue());
            written++;
        }
        if (written != count)
        {
            throw new IllegalStateException("the series counted " + count + " records but holds " + written);
        }
    }

    /** Appends the records of a snapshot, applying this series' bounds. */
    void readSnapshot(final DataInput in, final RecordReader<T> reader) throws IOException
    {
        final int records = SnapshotFields.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < records; i++)
        {
            final long timestampMs = in.readLong();
            final long id = in.readLong();
            append(timestampMs, id, reader.read(in));
        }
    }

    /**
     * @param fromMs earliest time, inclusive.
     * @param toMs   latest time, inclusive.
     * @param filter which records to list.
     * @param max    the most to list.
     * @return matching records, newest first.
     */
    public List<T> newestFirst(final long fromMs, final long toMs, final Predicate<T> filter, final int max)
    {
        final List<T> result = new ArrayList<>(Math.min(max, 128));
        if (fromMs > toMs)
        {
            return result;
        }
        for (final T record : records.subMap(
            new Key(fromMs, Long.MIN_VALUE), true, new Key(toMs, Long.MAX_VALUE), true).descendingMap().values())
        {
            if (result.size() >= max)
            {
                break;
            }
            if (filter.test(record))
            {
                result.add(record);
            }
        }
        return result;
    }
}
