package dev.bourse.server;

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
