package dev.bourse.client;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A limit order, or a STOPLIMIT order when {@code stopPrice} is not null.
 *
 * @param coinPair            {@code CURRENCY.MARKET}.
 * @param side                BUY or SELL.
 * @param quantity            quantity in Currency units.
 * @param price               limit price in Market units.
 * @param stopPrice           trigger price, or null for a plain limit order.
 * @param timeInForce         GTC, IOC, FOK or POST_ONLY (a STOPLIMIT order takes GTC only), or null for GTC.
 * @param selfTradePrevention the self-trade prevention, or null for the exchange's default.
 * @param clientOrderId       your ID of the order (1..36 of {@code [A-Za-z0-9_-]}), or null; with one, placing the
 *                            order is retried when no answer came, since a repeat answers the order first placed.
 */
public record LimitOrderRequest(
    String coinPair,
    OrderSide side,
    BigDecimal quantity,
    BigDecimal price,
    BigDecimal stopPrice,
    TimeInForce timeInForce,
    SelfTradePrevention selfTradePrevention,
    String clientOrderId)
    implements OrderRequest
{
    /** Checks that the required fields are present. */
    public LimitOrderRequest
    {
        Objects.requireNonNull(coinPair, "coinPair");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
    }

    /** A limit (or stop-limit) order with the exchange's defaults: GTC, no self-trade mode, no client order ID. */
    public LimitOrderRequest(
        final String coinPair, final OrderSide side, final BigDecimal quantity, final BigDecimal price,
        final BigDecimal stopPrice)
    {
        this(coinPair, side, quantity, price, stopPrice, null, null, null);
    }

    /** @return this order with a time in force. */
    public LimitOrderRequest withTimeInForce(final TimeInForce newTimeInForce)
    {
        return new LimitOrderRequest(coinPair, side, quantity, price, stopPrice, newTimeInForce, selfTradePrevention,
            clientOrderId);
    }

    /** @return this order with a self-trade prevention. */
    public LimitOrderRequest withSelfTradePrevention(final SelfTradePrevention prevention)
    {
        return new LimitOrderRequest(coinPair, side, quantity, price, stopPrice, timeInForce, prevention,
            clientOrderId);
    }

    /** @return this order with a client order ID. */
    public LimitOrderRequest withClientOrderId(final String newClientOrderId)
    {
        return new LimitOrderRequest(coinPair, side, quantity, price, stopPrice, timeInForce, selfTradePrevention,
            newClientOrderId);
    }

    Form form()
    {
        return new Form()
            .put("coinPair", coinPair)
            .put("quantity", quantity)
            .put("price", price)
            .put("orderSide", side)
            .put("stopPrice", stopPrice)
            .put("timeInForce", timeInForce)
            .put("selfTradePrevention", selfTradePrevention)
            .put("clientOrderId", clientOrderId);
    }
}
