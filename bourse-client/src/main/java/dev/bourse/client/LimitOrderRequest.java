package dev.bourse.client;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A limit order, or a STOPLIMIT order when {@code stopPrice} is not null.
 *
 * @param coinPair  {@code CURRENCY.MARKET}.
 * @param side      BUY or SELL.
 * @param quantity  quantity in Currency units.
 * @param price     limit price in Market units.
 * @param stopPrice trigger price, or null for a plain limit order.
 */
public record LimitOrderRequest(
    String coinPair, OrderSide side, BigDecimal quantity, BigDecimal price, BigDecimal stopPrice)
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

    Form form()
    {
        return new Form()
            .put("coinPair", coinPair)
            .put("quantity", quantity)
            .put("price", price)
            .put("orderSide", side)
            .put("stopPrice", stopPrice);
    }
}
