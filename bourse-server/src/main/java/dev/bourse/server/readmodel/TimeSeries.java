package dev.bourse.server.readmodel;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The recent part of a history: records ordered by time then ID, each with the sequence of the command that made it,
 * kept for a bounded age and a bounded count; appending past either bound lets the oldest records go (the durable
 * history keeps them, see {@link HistoryWindow}). Written by one thread, read by any.
 * <p>
 * The records are a ring of parallel arrays (time, ID, sequence, record) indexed by a position that only grows:
 * {@code head} is the oldest record kept, {@code tail} one past the newest. Records nearly always come in (time, ID)
 * order (commands are stamped with non-decreasing times, trade and transfer IDs grow), so an append writes the slot
 * at the tail and a let-go only moves the head. A record that does not sort after the newest (a self-trade's maker
 * fill comes before its taker fill, whose ID is lower; a time earlier than the newest) is put in its place in a
 * copy of the ring, as is a record that finds the ring full below {@code maxCount}: the ring starts small and doubles,
 * since most accounts have few records. A replaced ring is never written again.
 * <p>
 * Readers take no lock. The writer publishes a let-go (a higher head) before it reuses or clears a slot; a reader
 * reads a slot, then the head, and stops at the first slot the head has passed (a seqlock whose sequence is the
 * position): a record it lists is one that was in the series while it read.
 *
 * @param <T> the record type.
 */
public final class TimeSeries<T>
{
    private static final int FIRST_CAPACITY = 4;
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;
    private static final VarHandle EVICTED_TIMESTAMP_MS;

    static
    {
        try
        {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(TimeSeries.class, "head", long.class);
            TAIL = lookup.findVarHandle(TimeSeries.class, "tail", long.class);
            EVICTED_TIMESTAMP_MS = lookup.findVarHandle(TimeSeries.class, "evictedTimestampMs", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    /** One ring: the record at position {@code p} is at index {@code p & mask} of each array. */
    private static final class Ring
    {
        private final long[] timestampsMs;
        private final long[] ids;
        private final long[] sequences;
        private final Object[] records;
        private final int mask;
        /** The tail this ring was published with: what it holds up to, whatever older tail a reader saw. */
        private final long publishedTail;
        /** The tail when a copy replaced this ring: it holds nothing newer. */
        private volatile long sealedTail = Long.MAX_VALUE;

        private Ring(final int capacity, final long publishedTail)
        {
            timestampsMs = new long[capacity];
            ids = new long[capacity];
            sequences = new long[capacity];
            records = new Object[capacity];
            mask = capacity - 1;
            this.publishedTail = publishedTail;
        }

        private int capacity()
        {
            return mask + 1;
        }

        private void set(final long position, final long timestampMs, final long id, final long sequence,
            final Object record)
        {
            final int index = (int)position & mask;
            timestampsMs[index] = timestampMs;
            ids[index] = id;
            sequences[index] = sequence;
            records[index] = record;
        }

        private void copy(final long position, final Ring from, final long fromPosition)
        {
            final int index = (int)fromPosition & from.mask;
            set(position, from.timestampsMs[index], from.ids[index], from.sequences[index], from.records[index]);
        }

        private long timestampMs(final long position)
        {
            return timestampsMs[(int)position & mask];
        }

        private long id(final long position)
        {
            return ids[(int)position & mask];
        }

        private long sequence(final long position)
        {
            return sequences[(int)position & mask];
        }

        private Object record(final long position)
        {
            return records[(int)position & mask];
        }
    }

    private final long maxAgeMs;
    private final int maxCount;
    private final int maxCapacity;
    private final HistoryWindow window;
    private volatile Ring ring = new Ring(FIRST_CAPACITY, 0);
    /** Written by the writer with release semantics (see the VarHandles), read by readers with acquire. */
    private long head;
    private long tail;
    private long evictedTimestampMs = Long.MIN_VALUE;

    /**
     * @param maxAgeMs records older than this, counted back from the time of the record appended, are let go.
     * @param maxCount at most this many records are kept.
     * @param window   told the sequence of every record let go.
     */
    public TimeSeries(final long maxAgeMs, final int maxCount, final HistoryWindow window)
    {
        if (maxAgeMs <= 0 || maxCount <= 0 || maxCount > 1 << 30)
        {
            throw new IllegalArgumentException("maxAgeMs must be positive and maxCount in [1, 2^30]");
        }
        this.maxAgeMs = maxAgeMs;
        this.maxCount = maxCount;
        this.maxCapacity = Math.max(FIRST_CAPACITY, ceilingPowerOfTwo(maxCount));
        this.window = window;
    }

    private static int ceilingPowerOfTwo(final int value)
    {
        return value <= 1 ? 1 : Integer.highestOneBit(value - 1) << 1;
    }

    /**
     * Appends a record of the command {@code sequence}; the writer thread only. A record with the time and ID of one
     * kept replaces it.
     */
    void append(final long timestampMs, final long id, final long sequence, final T record)
    {
        final Ring current = ring;
        if (head == tail || sortsAfter(timestampMs, id, current, tail - 1))
        {
            // The newest record is never let go (maxAgeMs > 0, maxCount > 0), so letting go first gives it room.
            letGo(timestampMs - maxAgeMs, maxCount - 1);
            if (tail - head < current.capacity())
            {
                VarHandle.storeStoreFence();
                current.set(tail, timestampMs, id, sequence, record);
                TAIL.setRelease(this, tail + 1);
                return;
            }
        }
        insertInCopy(timestampMs, id, sequence, record);
    }

    private static boolean sortsAfter(final long timestampMs, final long id, final Ring ring, final long position)
    {
        final long newestMs = ring.timestampMs(position);
        return timestampMs > newestMs || timestampMs == newestMs && id > ring.id(position);
    }

    /** Lets the oldest records go while there are more than {@code keep} or the oldest is before the time given. */
    private void letGo(final long oldestKeptMs, final int keep)
    {
        final Ring current = ring;
        final long from = head;
        long oldest = from;
        while (oldest < tail && (tail - oldest > keep || current.timestampMs(oldest) < oldestKeptMs))
        {
            evicted(current.timestampMs(oldest), current.sequence(oldest));
            oldest++;
        }
        if (oldest != from)
        {
            HEAD.setRelease(this, oldest);
            VarHandle.storeStoreFence();
            for (long position = from; position < oldest; position++)
            {
                current.records[(int)position & current.mask] = null;
            }
        }
    }

    private void evicted(final long timestampMs, final long sequence)
    {
        window.evicted(sequence);
        if (timestampMs > evictedTimestampMs)
        {
            EVICTED_TIMESTAMP_MS.setRelease(this, timestampMs);
        }
    }

    /**
     * The rare path: puts the record in its place among those kept, in a new ring (larger if it must be), lets the
     * oldest go as the bounds say and publishes the new ring; the old one is sealed at the old tail.
     */
    private void insertInCopy(final long timestampMs, final long id, final long sequence, final T record)
    {
        final Ring current = ring;
        long place = tail;
        while (place > head && !sortsAfter(timestampMs, id, current, place - 1))
        {
            place--;
        }
        final boolean replaces = place < tail && current.timestampMs(place) == timestampMs && current.id(place) == id;
        final long newTail = replaces ? tail : tail + 1;
        // The merged series is at positions head .. newTail - 1, the record at place: let its oldest go.
        final long oldestKeptMs = timestampMs - maxAgeMs;
        long newHead = head;
        while (newHead < newTail)
        {
            final long from = replaces || newHead < place ? newHead : newHead - 1;
            final long oldestMs = newHead == place ? timestampMs : current.timestampMs(from);
            if (newTail - newHead <= maxCount && oldestMs >= oldestKeptMs)
            {
                break;
            }
            evicted(oldestMs, newHead == place ? sequence : current.sequence(from));
            newHead++;
        }
        final Ring copy = new Ring(Math.max(current.capacity(),
            Math.min(maxCapacity, ceilingPowerOfTwo((int)(newTail - newHead)))), newTail);
        for (long position = newHead; position < newTail; position++)
        {
            if (position == place)
            {
                copy.set(position, timestampMs, id, sequence, record);
            }
            else
            {
                copy.copy(position, current, replaces || position < place ? position : position - 1);
            }
        }
        HEAD.setRelease(this, newHead);
        current.sealedTail = tail;
        ring = copy;
        TAIL.setRelease(this, newTail);
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

    /**
     * Writes the count, the time of the newest record let go, then every record with its ID and sequence, oldest
     * first; the writer thread only.
     */
    @SuppressWarnings("unchecked")
    void writeSnapshot(final DataOutput out, final RecordWriter<T> writer) throws IOException
    {
        final Ring current = ring;
        out.writeInt((int)(tail - head));
        out.writeLong(evictedTimestampMs);
        for (long position = head; position < tail; position++)
        {
            out.writeLong(current.timestampMs(position));
            out.writeLong(current.id(position));
            out.writeLong(current.sequence(position));
            writer.write(out, (T)current.record(position));
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
            EVICTED_TIMESTAMP_MS.setRelease(this, in.readLong());
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
    @SuppressWarnings("unchecked")
    public List<T> newestFirst(
        final long fromMs, final long toMs, final Predicate<T> filter, final int max, final long afterSequence)
    {
        final List<T> result = new ArrayList<>(Math.min(max, 128));
        if (fromMs > toMs)
        {
            return result;
        }
        final Ring current = ring;
        final long end = Math.min(Math.max((long)TAIL.getAcquire(this), current.publishedTail), current.sealedTail);
        final long start = (long)HEAD.getAcquire(this);
        for (long position = after(current, start, end, toMs) - 1;
            position >= start && result.size() < max; position--)
        {
            final long timestampMs = current.timestampMs(position);
            final long sequence = current.sequence(position);
            final T record = (T)current.record(position);
            VarHandle.loadLoadFence();
            if (position < (long)HEAD.getAcquire(this) || timestampMs < fromMs || sequence <= afterSequence)
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

    /**
     * @return the first position in {@code [start, end)} of a record after {@code toMs} ({@code end} when none is), or
     * a position at or below the head when the writer let every record of the range go meanwhile.
     */
    private long after(final Ring ring, final long start, final long end, final long toMs)
    {
        long low = start;
        while (low < end)
        {
            long high = end;
            while (low < high)
            {
                final long middle = (low + high) >>> 1;
                if (ring.timestampMs(middle) <= toMs)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
            VarHandle.loadLoadFence();
            final long oldest = (long)HEAD.getAcquire(this);
            if (low >= oldest)
            {
                return low;
            }
            // A slot read was reused meanwhile: search again among the records still kept.
            low = oldest;
        }
        return end;
    }

    /**
     * @param fromMs the start of a time range.
     * @return whether no record from that time on was let go: memory alone answers for the range.
     */
    public boolean completeFrom(final long fromMs)
    {
        return (long)EVICTED_TIMESTAMP_MS.getAcquire(this) < fromMs;
    }
}
