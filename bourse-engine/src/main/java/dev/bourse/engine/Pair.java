package dev.bourse.engine;

/** A pair with its policy, book, stop orders and last trade price. */
final class Pair
{
    private static final int SIDES = Side.values().length;
    private static final int TYPES = OrderType.values().length;
    private static final int TIMES_IN_FORCE = TimeInForce.values().length;
    private static final int PREVENTIONS = SelfTradePrevention.values().length;

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
    /** The last price at which every stop order it triggers has been triggered (0 before any trade: none). */
    long triggersCheckedAtPrice;
    /** The terms of orders accepted now, by combination of side, type, time in force and self-trade prevention. */
    private final OrderTerms[] currentTerms = new OrderTerms[SIDES * TYPES * TIMES_IN_FORCE * PREVENTIONS];

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

    /** @return the side of the book, or of the stops when it is PENDING, an open order of this pair rests in. */
    BookSide sideOf(final Order order)
    {
        return order.isPending() ? stops(order.side()) : book(order.side());
    }

    /** @return the terms of an order accepted now with these options, at the pair's fee rates now; shared. */
    OrderTerms terms(
        final Side side, final OrderType type, final TimeInForce timeInForce, final SelfTradePrevention prevention)
    {
        final int slot = ((side.ordinal() * TYPES + type.ordinal()) * TIMES_IN_FORCE + timeInForce.ordinal()) *
            PREVENTIONS + prevention.ordinal();
        final OrderTerms terms = currentTerms[slot];
        if (terms != null && terms.makerFeePpm() == policy.makerFeePpm() &&
            terms.takerFeePpm() == policy.takerFeePpm())
        {
            return terms;
        }
        final OrderTerms now = new OrderTerms(this, side, type, timeInForce, prevention, policy.makerFeePpm(),
            policy.takerFeePpm());
        currentTerms[slot] = now;
        return now;
    }

    /** @return the open orders on the pair. */
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
