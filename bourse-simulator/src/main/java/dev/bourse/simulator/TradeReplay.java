package dev.bourse.simulator;

import java.util.List;

/**
 * The replay of a recorded trade file: the reference price at a time is the price of the last recorded trade at or
 * before it, the file's clock running {@code speed} times as fast as the wall clock (2 = twice as fast, 0.5 = half
 * as fast) from its first trade. The trades themselves are the replay's taker orders ({@link #tradeAt(long)} and
 * {@link #dueAtMs(long)}). With {@code loop}, the file starts over after its last trade, one average gap later;
 * without it the price stays at the last trade's and no trade is due any more.
 */
public final class TradeReplay implements ReferencePrice
{
    private final List<RecordedTrade> trades;
    private final double speed;
    private final boolean loop;
    private final long firstMs;
    private final long periodMs;

    /**
     * @param trades the recorded trades, at least one, in time order ({@link TradeFile#read}).
     * @param speed  how many recorded milliseconds pass in one wall-clock millisecond, positive.
     * @param loop   whether the file starts over after its last trade.
     */
    public TradeReplay(final List<RecordedTrade> trades, final double speed, final boolean loop)
    {
        if (trades.isEmpty() || !(speed > 0) || Double.isInfinite(speed))
        {
            throw new IllegalArgumentException("a replay needs trades and a positive speed: " + trades.size() +
                " trades, speed " + speed);
        }
        this.trades = List.copyOf(trades);
        this.speed = speed;
        this.loop = loop;
        this.firstMs = trades.getFirst().timeMs();
        final long spanMs = trades.getLast().timeMs() - firstMs;
        this.periodMs = spanMs + Math.max(1, spanMs / Math.max(1, trades.size() - 1));
    }

    @Override
    public double priceAt(final long elapsedMs)
    {
        final long recordedMs = (long)(Math.max(0, elapsedMs) * speed);
        final long offsetMs = loop ? recordedMs % periodMs : recordedMs;
        return trades.get(lastAtOrBefore(firstMs + offsetMs)).price().doubleValue();
    }

    /** @return how many trades the replay holds. */
    public int size()
    {
        return trades.size();
    }

    /**
     * @param sequence the number of a replayed trade: 0, 1, 2... across loops.
     * @return whether such a trade exists (always with {@code loop}).
     */
    public boolean hasTrade(final long sequence)
    {
        return sequence >= 0 && (loop || sequence < trades.size());
    }

    /** @return the recorded trade replayed as number {@code sequence}. */
    public RecordedTrade tradeAt(final long sequence)
    {
        return trades.get((int)(sequence % trades.size()));
    }

    /** @return when the replayed trade {@code sequence} is due, in wall-clock ms since the start. */
    public long dueAtMs(final long sequence)
    {
        final long cycle = sequence / trades.size();
        final long recordedMs = cycle * periodMs + tradeAt(sequence).timeMs() - firstMs;
        return (long)Math.ceil(recordedMs / speed);
    }

    private int lastAtOrBefore(final long timeMs)
    {
        int low = 0;
        int high = trades.size() - 1;
        while (low < high)
        {
            final int middle = (low + high + 1) >>> 1;
            if (trades.get(middle).timeMs() <= timeMs)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        return low;
    }
}
