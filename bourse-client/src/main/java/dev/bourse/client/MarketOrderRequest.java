package dev.bourse.client;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A market order: it fills against the book at once and what cannot fill is cancelled.
 *
 * @param coinPair {@code CURRENCY.MARKET}.
 * @param side     BUY or SELL.
 * @param quantity quantity in Currency units.
 */
public record MarketOrderRequest(String coinPair, OrderSide side, BigDecimal quantity) implements OrderRequest
{
    /** Checks that the fields are present. */
    public MarketOrderRequest
    {
        Objects.requireNonNull(coinPair, "coinPair");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
    }

    Form form()
    {
        return new Form()
            .put("quantity", quantity)
            .put("coinPair", coinPair)
            .put("orderSide", side);
    }
}
