package dev.bourse.server.readmodel;

import dev.bourse.engine.Engine;
import dev.bourse.engine.PairPolicy;
import dev.bourse.engine.Status;
import dev.bourse.engine.event.CurrencyCreated;
import dev.bourse.engine.event.PairUpdated;
import dev.bourse.server.gateway.ApiException;

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

    /** Fills an empty directory with the currencies and pairs of the engine, in creation order. */
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

    /**
     * @return the pair.
     * @throws ApiException 4009 when it does not exist.
     */
    public Pair requirePair(final String coinPair)
    {
        final Pair pair = pair(coinPair);
        if (pair == null)
        {
            throw new ApiException(Status.INVALID_COIN_PAIR);
        }
        return pair;
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
