package dev.bourse.engine.command;

import dev.bourse.engine.PairPolicy;

/**
 * Creates a pair, or updates its policy and state. The two currencies are created with the given scales (decimals
 * of their base unit) when they do not exist yet; the scale of an existing currency never changes.
 *
 * @param currency      the Currency code (the first half of the coin pair), 1..16 of [A-Z0-9].
 * @param market        the Market code (the second half).
 * @param currencyScale decimals of the Currency's base unit when it is created, 0..18.
 * @param marketScale   decimals of the Market's base unit when it is created, 0..18.
 * @param policy        the policy of the pair.
 */
public record PutPair(String currency, String market, int currencyScale, int marketScale, PairPolicy policy)
    implements Command
{
    /** @return the coin pair as calls name it: {@code CURRENCY.MARKET}. */
    public String coinPair()
    {
        return currency + "." + market;
    }
}
