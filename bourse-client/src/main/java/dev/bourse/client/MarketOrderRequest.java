package dev.bourse.client;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A market order: it fills against the book at once and what cannot fill is cancelled.
 *
 * @param coinPair            {@code CURRENCY.MARKET}.
 * @param side                BUY or SELL.
 * @param quantity            quantity in Currency units.
 * @param selfTradePrevention the self-trade prevention, or null for the exchange's default.
 * @param clientOrderId       your ID of the order (1..36 of {@code [A-Za-z0-9_-]}), or null; with one, placing the
 *                            order is retried when no answer came, since a repeat answers the order first placed.
 */
public record MarketOrderRequest(
    String coinPair, OrderSide side, BigDecimal quantity, SelfTradePrevention selfTradePrevention,
    String clientOrderId) implements OrderRequest
{
    /** Checks that the fields are present. */
    public MarketOrderRequest
    {
        Objects.requireNonNull(coinPair, "coinPair");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
    }

    /** A market order with the exchange's default self-trade prevention and no client order ID. */
    public MarketOrderRequest(final String coinPair, final OrderSide side, final BigDecimal quantity)
    {
        this(coinPair, side, quantity, null, null);
    }

    /** @return this order with a self-trade prevention. */
    public MarketOrderRequest withSelfTradePrevention(final SelfTradePrevention prevention)
    {
        return new MarketOrderRequest(coinPair, side, quantity, prevention, clientOrderId);
    }

    /** @return this order with a client order ID. */
    public MarketOrderRequest withClientOrderId(final String newClientOrderId)
    {
        return new MarketOrderRequest(coinPair, side, quantity, selfTradePrevention, newClientOrderId);
    }

    Form form()
    {
        return new Form()
            .put("quantity", quantity)
            .put("coinPair", coinPair)
            .put("orderSide", side)
            .put("selfTradePrevention", selfTradePrevention)
            .put("clientOrderId", clientOrderId);
    }
}
