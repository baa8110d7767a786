package dev.bourse.simulator;

import dev.bourse.client.PairPolicy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A pair's rules as its policy states them, and the lot the simulator sizes orders in: every price and quantity the
 * simulator sends is rounded and clamped here, so that no order breaks a limit of the pair.
 *
 * @param coinPair       {@code CURRENCY.MARKET}.
 * @param currency       the Currency (what is traded).
 * @param market         the Market (what prices are in).
 * @param priceDecimals  decimals of a price.
 * @param amountDecimals decimals of a quantity.
 * @param minPrice       the lowest price.
 * @param minAmount      the smallest quantity.
 * @param maxAmount      the largest quantity.
 * @param minVolume      the smallest price * quantity.
 * @param maxVolume      the largest price * quantity.
 * @param lot            the smallest valid order at the starting reference price, in Currency units.
 */
record PairRules(
    String coinPair,
    String currency,
    String market,
    int priceDecimals,
    int amountDecimals,
    BigDecimal minPrice,
    BigDecimal minAmount,
    BigDecimal maxAmount,
    BigDecimal minVolume,
    BigDecimal maxVolume,
    BigDecimal lot)
{
    private static final int SIGNIFICANT_DIGITS = 12;
    private static final MathContext SIGNIFICANT = new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);

    /**
     * @param policy         the pair's policy.
     * @param referencePrice the starting reference price, which sets the lot.
     * @return the rules.
     */
    static PairRules of(final PairPolicy policy, final double referencePrice)
    {
        final BigDecimal price = new BigDecimal(referencePrice);
        final BigDecimal forVolume =
            policy.tradeMinVolume().divide(price, policy.amountDecimals(), RoundingMode.CEILING);
        final BigDecimal step = BigDecimal.ONE.movePointLeft(policy.amountDecimals());
        final BigDecimal lot = policy.tradeMinAmount().max(forVolume).max(step)
            .setScale(policy.amountDecimals(), RoundingMode.CEILING);
        return new PairRules(policy.currency() + "." + policy.market(), policy.currency(), policy.market(),
            policy.priceDecimals(), policy.amountDecimals(), policy.minPrice(), policy.tradeMinAmount(),
            policy.tradeMaxAmount(), policy.tradeMinVolume(), policy.tradeMaxVolume(), lot);
    }

    /** @return the price on the pair's tick at or below {@code price}, never below the minimum price. */
    BigDecimal floorPrice(final double price)
    {
        return decimal(price).setScale(priceDecimals, RoundingMode.FLOOR).max(minPrice);
    }

    /** @return the price on the pair's tick at or above {@code price}, never below the minimum price. */
    BigDecimal ceilPrice(final double price)
    {
        return decimal(price).setScale(priceDecimals, RoundingMode.CEILING).max(minPrice);
    }

    /** @return one price tick. */
    BigDecimal tick()
    {
        return BigDecimal.ONE.movePointLeft(priceDecimals);
    }

    /**
     * @param lots  a size in lots.
     * @param price the price the order will trade near, positive.
     * @return the quantity of that many lots on the pair's amount decimals, raised or lowered into the pair's amount
     * and volume limits; null when no quantity fits them at that price.
     */
    BigDecimal quantity(final double lots, final BigDecimal price)
    {
        BigDecimal quantity = currencyAmount(lot.doubleValue() * lots).max(minAmount);
        final BigDecimal forMinVolume = minVolume.divide(price, amountDecimals, RoundingMode.CEILING);
        final BigDecimal forMaxVolume = maxVolume.divide(price, amountDecimals, RoundingMode.FLOOR);
        quantity = quantity.max(forMinVolume).min(maxAmount).min(forMaxVolume);
        final boolean fits = quantity.compareTo(minAmount) >= 0 && quantity.compareTo(maxAmount) <= 0 &&
            quantity.multiply(price).compareTo(minVolume) >= 0 && quantity.multiply(price).compareTo(maxVolume) <= 0;
        return fits ? quantity : null;
    }

    /** @return {@code value} Currency units rounded down to the pair's amount decimals (0 or more). */
    BigDecimal currencyAmount(final double value)
    {
        return decimal(Math.max(0, value)).setScale(amountDecimals, RoundingMode.FLOOR);
    }

    /**
     * @return {@code value} Market units rounded down to the decimals of a volume (price and amount decimals
     * together, which the Market's scale always holds), 0 or more.
     */
    BigDecimal marketAmount(final double value)
    {
        return decimal(Math.max(0, value)).setScale(priceDecimals + amountDecimals, RoundingMode.FLOOR);
    }

    /**
     * @return the value to {@link #SIGNIFICANT_DIGITS} significant digits, so that binary noise (0.1198 computed as
     * 0.11979999999999999) does not move a rounding to the tick.
     */
    private static BigDecimal decimal(final double value)
    {
        return new BigDecimal(value, SIGNIFICANT);
    }
}
