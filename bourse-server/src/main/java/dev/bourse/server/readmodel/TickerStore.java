package dev.bourse.server.readmodel;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Read model of the 24-hour ticker of each pair: one bucket per minute for the last 1440 minutes, so a ticker costs
 * the same however many trades there were. The window is whole minutes: the minute of "now" and the 1439 before it.
 */
public final class TickerStore
{
    /** Minutes in the window. */
    public static final int WINDOW_MINUTES = 1440;
    private static final long MINUTE_MS = 60_000L;

    /**
     * The trades of one minute.
     *
     * @param minute   ms since the epoch / 60000.
     * @param open     first price.
     * @param high     highest price.
     * @param low      lowest price.
     * @param close    last price.
     * @param quantity traded Currency base units.
     */
    private record Bucket(long minute, long open, long high, long low, long close, long quantity)
    {
    }

    /**
     * A 24-hour summary; prices in Market base units, volume in Currency base units. Without trades in the window,
     * open, high, low and close all show the last price (0 before the first trade) and the volume is 0.
     */
    public record Ticker(long last, long volume, long open, long close, long high, long low)
    {
    }

    private static final class PairTicks
    {
        final AtomicReferenceArray<Bucket> buckets = new AtomicReferenceArray<>(WINDOW_MINUTES);
        volatile long lastPrice;
    }

    private final Map<String, PairTicks> pairs = new ConcurrentHashMap<>();

    void onTrade(final String coinPair, final long price, final long quantity, final long timestampMs)
    {
        final PairTicks ticks = pairs.computeIfAbsent(coinPair, pair -> new PairTicks());
        final long minute = Math.floorDiv(timestampMs, MINUTE_MS);
        final int slot = (int)Math.floorMod(minute, (long)WINDOW_MINUTES);
        final Bucket current = ticks.buckets.get(slot);
        final Bucket next = current == null || current.minute() != minute ?
            new Bucket(minute, price, price, price, price, quantity) :
            new Bucket(minute, current.open(), Math.max(current.high(), price), Math.min(current.low(), price), price,
                current.quantity() + quantity);
        ticks.buckets.set(slot, next);
        ticks.lastPrice = price;
    }

    /** Writes each pair's last price and minute buckets; the writer thread only. */
    void writeSnapshot(final DataOutput out) throws IOException
    {
        out.writeInt(pairs.size());
        for (final Map.Entry<String, PairTicks> pair : pairs.entrySet())
        {
            final PairTicks ticks = pair.getValue();
            final List<Bucket> buckets = new ArrayList<>();
            for (int slot = 0; slot < WINDOW_MINUTES; slot++)
            {
                if (ticks.buckets.get(slot) != null)
                {
                    buckets.add(ticks.buckets.get(slot));
                }
            }
            out.writeUTF(pair.getKey());
            out.writeLong(ticks.lastPrice);
            out.writeInt(buckets.size());
            for (final Bucket bucket : buckets)
            {
                out.writeLong(bucket.minute());
                out.writeLong(bucket.open());
                out.writeLong(bucket.high());
                out.writeLong(bucket.low());
                out.writeLong(bucket.close());
                out.writeLong(bucket.quantity());
            }
        }
    }

    /** Restores an empty store from {@link #writeSnapshot}. */
    void readSnapshot(final DataInput in) throws IOException
    {
        final int count = SnapshotFields.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < count; i++)
        {
            final PairTicks ticks = new PairTicks();
            pairs.put(in.readUTF(), ticks);
            ticks.lastPrice = in.readLong();
            final int buckets = SnapshotFields.readCount(in, WINDOW_MINUTES);
            for (int b = 0; b < buckets; b++)
            {
                final Bucket bucket = new Bucket(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                    in.readLong(), in.readLong());
                ticks.buckets.set((int)Math.floorMod(bucket.minute(), (long)WINDOW_MINUTES), bucket);
            }
        }
    }

    /** @return the ticker of the pair for the 24 hours up to {@code nowMs}. */
    public Ticker ticker(final String coinPair, final long nowMs)
    {
        final PairTicks ticks = pairs.get(coinPair);
        if (ticks == null)
        {
            return new Ticker(0, 0, 0, 0, 0, 0);
        }
        final long last = ticks.lastPrice;
        final long nowMinute = Math.floorDiv(nowMs, MINUTE_MS);
        Bucket first = null;
        Bucket latest = null;
        long high = Long.MIN_VALUE;
        long low = Long.MAX_VALUE;
        long volume = 0;
        for (int slot = 0; slot < WINDOW_MINUTES; slot++)
        {
            final Bucket bucket = ticks.buckets.get(slot);
            if (bucket == null || bucket.minute() > nowMinute || bucket.minute() <= nowMinute - WINDOW_MINUTES)
            {
                continue;
            }
            first = first == null || bucket.minute() < first.minute() ? bucket : first;
            latest = latest == null || bucket.minute() > latest.minute() ? bucket : latest;
            high = Math.max(high, bucket.high());
            low = Math.min(low, bucket.low());
            volume += bucket.quantity();
        }
        if (first == null)
        {
            return new Ticker(last, 0, last, last, last, last);
        }
        return new Ticker(last, volume, first.open(), latest.close(), high, low);
    }
}
