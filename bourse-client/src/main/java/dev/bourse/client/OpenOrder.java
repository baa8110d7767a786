package dev.bourse.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * An open order as openOrders lists it.
 *
 * @param orderId       the order's ID.
 * @param market        the Market currency.
 * @param currency      the Currency.
 * @param type          the order type.
 * @param side          the side.
 * @param requestAmount the quantity asked (after cancellations).
 * @param remainAmount  the quantity still open.
 * @param price         the limit price (0 for MARKET).
 * @param stopPrice     the stop price of a STOPLIMIT order, null otherwise.
 * @param status        the status.
 * @param createdAtMs   when it was placed.
 * @param completedAtMs when it completed, 0 while open.
 * @param clientOrderId your ID of the order, or null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenOrder(
    @JsonProperty("orderID") long orderId,
    @JsonProperty("market") String market,
    @JsonProperty("currency") String currency,
    @JsonProperty("orderType") OrderType type,
    @JsonProperty("orderSide") OrderSide side,
    @JsonProperty("requestAmount") BigDecimal requestAmount,
    @JsonProperty("remainAmount") BigDecimal remainAmount,
    @JsonProperty("price") BigDecimal price,
    @JsonProperty("stopPrice") BigDecimal stopPrice,
    @JsonProperty("status") OrderStatus status,
    @JsonProperty("createdAt") long createdAtMs,
    @JsonProperty("completedAt") long completedAtMs,
    @JsonProperty("clientOrderId") String clientOrderId)
{
}
