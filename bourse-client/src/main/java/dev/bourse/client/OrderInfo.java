package dev.bourse.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * An order as order information (v2) shows it, open or completed. Fee rates are fractions (0.001 = 0.1 %).
 *
 * @param orderId               the order's ID.
 * @param market                the Market currency.
 * @param currency              the Currency.
 * @param type                  the order type.
 * @param side                  the side.
 * @param price                 the limit price.
 * @param stopPrice             the stop price of a STOPLIMIT order, null otherwise.
 * @param initialRequestAmount  the quantity first asked.
 * @param requestAmount         the quantity asked after cancellation.
 * @param remainAmount          the quantity still open.
 * @param filledAmount          the quantity filled.
 * @param reservedValue         the funds reserved for requestAmount (the amount after cancellation): a BUY
 *                              requestAmount * price * (1 + fee rate) in the Market, a SELL requestAmount.
 * @param reserveRemainingValue the part of the reserve still held.
 * @param makerFeeRate          the maker fee as a fraction.
 * @param takerFeeRate          the taker fee as a fraction.
 * @param status                the status.
 * @param createdAtMs           when it was placed.
 * @param completedAtMs         when it completed, 0 while open.
 * @param averageFillPrice      filled volume / filled quantity, 0 without fills.
 * @param clientOrderId         your ID of the order, or null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderInfo(
    @JsonProperty("orderID") long orderId,
    @JsonProperty("market") String market,
    @JsonProperty("currency") String currency,
    @JsonProperty("orderType") OrderType type,
    @JsonProperty("orderSide") OrderSide side,
    @JsonProperty("price") BigDecimal price,
    @JsonProperty("stopPrice") BigDecimal stopPrice,
    @JsonProperty("initialRequestAmount") BigDecimal initialRequestAmount,
    @JsonProperty("requestAmount") BigDecimal requestAmount,
    @JsonProperty("remainAmount") BigDecimal remainAmount,
    @JsonProperty("filledAmount") BigDecimal filledAmount,
    @JsonProperty("reservedValue") BigDecimal reservedValue,
    @JsonProperty("reserveRemainingValue") BigDecimal reserveRemainingValue,
    @JsonProperty("makerFeeRate") BigDecimal makerFeeRate,
    @JsonProperty("takerFeeRate") BigDecimal takerFeeRate,
    @JsonProperty("status") OrderStatus status,
    @JsonProperty("createdAt") long createdAtMs,
    @JsonProperty("completedAt") long completedAtMs,
    @JsonProperty("averageFillPrice") BigDecimal averageFillPrice,
    @JsonProperty("clientOrderId") String clientOrderId)
{
}
