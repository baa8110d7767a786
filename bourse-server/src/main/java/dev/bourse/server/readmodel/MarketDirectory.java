package dev.bourse.server.readmodel;

import dev.bourse.engine.Engine;
import dev.bourse.engine.PairPolicy;
import dev.bourse.engine.PairPolicyCodec;
import dev.bourse.engine.event.CurrencyCreated;
import dev.bourse.engine.event.PairUpdated;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Read model of currencies (with their scales) and pairs (with their policies), in creation order. */
public final class MarketDirectory
{
    /** A pair as the read model knows it. */
    public record Pair(int pairId, String coinPair, String currency, String market, PairPolicy policy)
    {
    }

    private final Map<String, Integer> scales = new ConcurrentHashMap<>();
    private final List<String> currencies = new CopyOnWriteArrayList<>();
    private final Map<String, Pair> pairs = new ConcurrentHashMap<>();
    private final List<String> coinPairs = new CopyOnWriteArrayList<>();

    void onCurrencyCreated(final CurrencyCreated event)
    {
        addCurrency(event.currency(), event.scale());
    }

    void onPairUpdated(final PairUpdated event)
    {
        putPair(new Pair(event.pairId(), event.coinPair(), event.currency(), event.market(), event.policy()));
    }

    private void addCurrency(final String currency, final int scale)
    {
        if (scales.putIfAbsent(currency, scale) == null)
        {
            currencies.add(currency);
        }
    }

    private void putPair(final Pair pair)
    {
        if (pairs.put(pair.coinPair(), pair) == null)
        {
            coinPairs.add(pair.coinPair());
        }
    }

    /**
     * Fills an empty directory with the currencies and pairs of an engine, in creation order: only to read a snapshot
     * of the first format, which did not hold the directory (see {@link ReadModel#readSnapshot}).
     */
    void restoreFrom(final Engine engine)
    {
        for (final String currency : engine.currencies())
        {
            addCurrency(currency, engine.currencyScale(currency));
        }
        final List<String> engineCoinPairs = engine.coinPairs();
        for (int pairId = 0; pairId < engineCoinPairs.size(); pairId++)
        {
            final String coinPair = engineCoinPairs.get(pairId);
            final int dot = coinPair.indexOf('.');
            putPair(new Pair(pairId, coinPair, coinPair.substring(0, dot), coinPair.substring(dot + 1),
                engine.pairPolicy(coinPair)));
        }
    }

    /** Writes the currencies and pairs in creation order; the writer thread only. */
    void writeSnapshot(final DataOutput out) throws IOException
    {
        out.writeInt(currencies.size());
        for (final String currency : currencies)
        {
            out.writeUTF(currency);
            out.writeInt(scales.get(currency));
        }
        out.writeInt(coinPairs.size());
        for (final String coinPair : coinPairs)
        {
            final Pair pair = pairs.get(coinPair);
            out.writeInt(pair.pairId());
            out.writeUTF(pair.currency());
            out.writeUTF(pair.market());
            PairPolicyCodec.write(pair.policy(), out);
        }
    }

    /** Restores an empty directory from {@link #writeSnapshot}. */
    void readSnapshot(final DataInput in) throws IOException
    {
        final int currencyCount = SnapshotFields.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < currencyCount; i++)
        {
            addCurrency(in.readUTF(), in.readInt());
        }
        final int pairCount = SnapshotFields.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < pairCount; i++)
        {
            final int pairId = in.readInt();
            final String currency = in.readUTF();
            final String market = in.readUTF();
            putPair(new Pair(pairId, currency + "." + market, currency, market, PairPolicyCodec.read(in)));
        }
    }

    /** @return the scale of the currency, or -1 when it does not exist. */
    public int scale(final String currency)
    {
        final Integer scale = currency == null ? null : scales.get(currency);
        return scale == null ? -1 : scale;
    }

    /** @return whether the currency exists. */
    public boolean hasCurrency(final String currency)
    {
        return scale(currency) >= 0;
    }

    /** @return the currency codes in creation order. */
    public List<String> currencies()
    {
        return List.copyOf(currencies);
    }

    /** @return the pair, or null. */
    public Pair pair(final String coinPair)
    {
        return coinPair == null ? null : pairs.get(coinPair);
    }

    /** @return the pairs in creation order. */
    public List<Pair> pairs()
    {
        return coinPairs.stream().map(pairs::get).toList();
    }

    /** @return whether some pair has this currency as its Market. */
    public boolean isMarket(final String currency)
    {
        for (final Pair pair : pairs.values())
        {
            if (pair.market().equals(currency))
            {
                return true;
            }
        }
        return false;
    }

    /** @return whether some pair has this currency as its Currency. */
    public boolean isTradedCurrency(final String currency)
    {
        for (final Pair pair : pairs.values())
        {
            if (pair.currency().equals(currency))
            {
                return true;
            }
        }
        return false;
    }
}
