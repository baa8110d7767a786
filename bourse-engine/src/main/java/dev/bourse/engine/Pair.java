package dev.bourse.engine;

/** A pair with its policy, book, stop orders and last trade price. */
final class Pair
{
    final int id;
    final String coinPair;
    final Currency currency;
    final Currency market;
    final BookSide bids = BookSide.highestFirst();
    final BookSide asks = BookSide.lowestFirst();
    final BookSide buyStops = BookSide.lowestFirst();
    final BookSide sellStops = BookSide.highestFirst();
    PairPolicy policy;
    long tickSize;
    long lotSize;
    long volumeFactor;
    long lastPrice;

    Pair(final int id, final Currency currency, final Currency market, final PairPolicy policy)
    {
        this.id = id;
        this.coinPair = currency.code + "." + market.code;
        this.currency = currency;
        this.market = market;
        updatePolicy(policy);
    }

    void updatePolicy(final PairPolicy newPolicy)
    {
        policy = newPolicy;
        tickSize = Money.pow10(market.scale - newPolicy.priceDecimals());
        lotSize = Money.pow10(currency.scale - newPolicy.amountDecimals());
        volumeFactor = Money.pow10(market.scale - newPolicy.priceDecimals() - newPolicy.amountDecimals());
    }

    /**
     * @return {@code price * quantity / 10^currencyScale} in Market base units, exact for a price on the tick and a
     * quantity on the lot.
     * @throws ArithmeticException when it does not fit a long.
     */
    long volume(final long price, final long quantity)
    {
        return Math.multiplyExact(Math.multiplyExact(price / tickSize, quantity / lotSize), volumeFactor);
    }

    BookSide book(final Side side)
    {
        return side == Side.BUY ? bids : asks;
    }

    BookSide stops(final Side side)
    {
        return side == Side.BUY ? buyStops : sellStops;
    }

    int openOrderCount()
    {
        return bids.orderCount() + asks.orderCount() + buyStops.orderCount() + sellStops.orderCount();
    }

    /** @return the higher of the two fee rates: what a BUY reserves for. */
    int maxFeePpm()
    {
        return Math.max(policy.makerFeePpm(), policy.takerFeePpm());
    }
}
