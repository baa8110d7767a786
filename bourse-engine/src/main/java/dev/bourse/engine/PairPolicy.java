package dev.bourse.engine;

/**
 * The trading policy of a pair. Prices are in base units of the Market currency per one whole unit of the
 * Currency; amounts in base units of the Currency; volumes in base units of the Market (see {@link Engine}).
 *
 * @param displayName      a human name, at most 64 characters.
 * @param minPrice         the lowest price accepted (3203 below it), base units of the Market, at least 1.
 * @param priceDecimals    decimals a price may have (3204 beyond), 0..the Market's scale.
 * @param amountDecimals   decimals a quantity may have (3213 beyond), 0..the Currency's scale;
 *                         {@code priceDecimals + amountDecimals} may not exceed the Market's scale, so that
 *                         every volume is exact in base units.
 * @param minAmount        the smallest quantity (3211), base units of the Currency.
 * @param maxAmount        the largest quantity (3212), base units of the Currency.
 * @param minVolume        the smallest price x quantity (3221), base units of the Market.
 * @param maxVolume        the largest price x quantity (3222), base units of the Market.
 * @param makerFeePpm      fee of the resting order, in millionths of the volume (1000 = 0.1 %).
 * @param takerFeePpm      fee of the incoming order, in millionths of the volume.
 * @param state            TRADING or CANCEL_ONLY.
 */
public record PairPolicy(
    String displayName,
    long minPrice,
    int priceDecimals,
    int amountDecimals,
    long minAmount,
    long maxAmount,
    long minVolume,
    long maxVolume,
    int makerFeePpm,
    int takerFeePpm,
    PairState state)
{
    /** One whole fee rate: a rate of {@code PPM} millionths is 100 %. */
    public static final int PPM = 1_000_000;

    /** @return this policy with another state. */
    public PairPolicy withState(final PairState newState)
    {
        return new PairPolicy(displayName, minPrice, priceDecimals, amountDecimals, minAmount, maxAmount,
            minVolume, maxVolume, makerFeePpm, takerFeePpm, newState);
    }
}
