package dev.bourse.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * One of the caller's fills as account tradeHistory shows it.
 *
 * @param transactionId      the trade ID.
 * @param orderId            the caller's order.
 * @param market             the Market currency.
 * @param currency           the Currency.
 * @param price              the price.
 * @param amount             the quantity.
 * @param fee                the fee, in the Market.
 * @param totalConsideration price * amount + fee, in the Market, for both sides (as the original defines it).
 * @param side               the side of the caller's order.
 * @param fillType           FULL when the fill completed the order.
 * @param createdAtMs        when it traded.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountTrade(
    @JsonProperty("transactionID") long transactionId,
    @JsonProperty("orderID") long orderId,
    @JsonProperty("market") String market,
    @JsonProperty("currency") String currency,
    @JsonProperty("price") BigDecimal price,
    @JsonProperty("amount") BigDecimal amount,
    @JsonProperty("fee") BigDecimal fee,
    @JsonProperty("totalConsideration") BigDecimal totalConsideration,
    @JsonProperty("orderSide") OrderSide side,
    @JsonProperty("fillType") FillType fillType,
    @JsonProperty("createdAt") long createdAtMs)
{
}
