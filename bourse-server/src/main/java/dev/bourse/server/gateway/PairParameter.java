package dev.bourse.server.gateway;

import dev.bourse.engine.Status;
import dev.bourse.server.readmodel.MarketDirectory;

/** A {@code coinPair} a request names, looked up in the market directory. */
public final class PairParameter
{
    private PairParameter()
    {
    }

    /**
     * @param markets  the market directory.
     * @param coinPair the pair as the request names it.
     * @return the pair.
     * @throws ApiException 4009 when it does not exist.
     */
    public static MarketDirectory.Pair require(final MarketDirectory markets, final String coinPair)
    {
        final MarketDirectory.Pair pair = markets.pair(coinPair);
        if (pair == null)
        {
            throw new ApiException(Status.INVALID_COIN_PAIR);
        }
        return pair;
    }
}
