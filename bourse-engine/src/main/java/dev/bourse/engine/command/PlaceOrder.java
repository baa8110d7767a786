package dev.bourse.engine.command;

import dev.bourse.engine.OrderType;
import dev.bourse.engine.Side;

/**
 * Places an order.
 *
 * @param accountId the owner.
 * @param coinPair  {@code CURRENCY.MARKET}.
 * @param type      MARKET, LIMIT or STOPLIMIT.
 * @param side      BUY or SELL.
 * @param price     the limit price in base units of the Market per whole Currency unit; 0 for MARKET.
 * @param stopPrice the stop price for STOPLIMIT, same unit; 0 otherwise.
 * @param quantity  base units of the Currency, positive.
 */
public record PlaceOrder(
    long accountId, String coinPair, OrderType type, Side side, long price, long stopPrice, long quantity)
    implements Command
{
    /** @return a LIMIT order. */
    public static PlaceOrder limit(
        final long accountId, final String coinPair, final Side side, final long price, final long quantity)
    {
        return new PlaceOrder(accountId, coinPair, OrderType.LIMIT, side, price, 0, quantity);
    }

    /** @return a MARKET order. */
    public static PlaceOrder market(final long accountId, final String coinPair, final Side side, final long quantity)
    {
        return new PlaceOrder(accountId, coinPair, OrderType.MARKET, side, 0, 0, quantity);
    }

    /** @return a STOPLIMIT order. */
    public static PlaceOrder stopLimit(
        final long accountId,
        final String coinPair,
        final Side side,
        final long price,
        final long stopPrice,
        final long quantity)
    {
        return new PlaceOrder(accountId, coinPair, OrderType.STOPLIMIT, side, price, stopPrice, quantity);
    }
}
