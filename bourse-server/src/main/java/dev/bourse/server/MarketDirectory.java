package dev.bourse.server;

import dev.bourse.engine.PairPolicy;
import dev.bourse.engine.Status;
import dev.bourse.engine.event.CurrencyCreated;
import dev.bourse.engine.event.PairUpdated;

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
        if (scales.putIfAbsent(event.currency(), event.scale()) == null)
        {
            currencies.add(event.currency());
        }
    }

    void onPairUpdated(final PairUpdated event)
    {
        final Pair pair = new Pair(event.pairId(), event.coinPair(), event.currency(), event.market(), event.policy());
        if (pairs.put(event.coinPair(), pair) == null)
        {
            coinPairs.add(event.coinPair());
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
