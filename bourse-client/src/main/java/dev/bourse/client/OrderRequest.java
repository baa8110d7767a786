package dev.bourse.client;

import java.math.BigDecimal;

/**
 * An order to place: {@link LimitOrderRequest} (with an optional stop price, making a STOPLIMIT order) or
 * {@link MarketOrderRequest}. Quantities are in Currency units and prices in Market units per Currency unit.
 */
public sealed interface OrderRequest permits LimitOrderRequest, MarketOrderRequest
{
    /** @return the pair, {@code CURRENCY.MARKET}. */
    String coinPair();

    /** @return the side. */
    OrderSide side();

    /** @return the quantity in Currency units. */
    BigDecimal quantity();

    /** @return your ID of the order, or null: with one, placing it is safe to retry. */
    String clientOrderId();

    /**
     * @param coinPair {@code CURRENCY.MARKET}, e.g. {@code BTC.USDT}.
     * @param side     BUY or SELL.
     * @param quantity quantity in Currency units.
     * @param price    limit price in Market units.
     * @return a limit order.
     */
    static LimitOrderRequest limit(
        final String coinPair, final OrderSide side, final BigDecimal quantity, final BigDecimal price)
    {
        return new LimitOrderRequest(coinPair, side, quantity, price, null);
    }

    /**
     * @param coinPair  {@code CURRENCY.MARKET}.
     * @param side      BUY or SELL.
     * @param quantity  quantity in Currency units.
     * @param price     limit price once triggered.
     * @param stopPrice the last trade price that triggers it (at or above for a BUY, at or below for a SELL).
     * @return a stop-limit order (Bourse's extension).
     */
    static LimitOrderRequest stopLimit(
        final String coinPair,
        final OrderSide side,
        final BigDecimal quantity,
        final BigDecimal price,
        final BigDecimal stopPrice)
    {
        return new LimitOrderRequest(coinPair, side, quantity, price, stopPrice);
    }

    /**
     * @param coinPair {@code CURRENCY.MARKET}.
     * @param side     BUY or SELL.
     * @param quantity quantity in Currency units; what cannot fill at once is cancelled.
     * @return a market order.
     */
    static MarketOrderRequest market(final String coinPair, final OrderSide side, final BigDecimal quantity)
    {
        return new MarketOrderRequest(coinPair, side, quantity);
    }
}
