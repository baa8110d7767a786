package dev.bourse.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * A trade of a pair as market tradeHistory shows it.
 *
 * @param transactionId the trade ID.
 * @param market        the Market currency.
 * @param currency      the Currency.
 * @param price         the price.
 * @param amount        the quantity.
 * @param totalValue    price * quantity in the Market.
 * @param takerSide     the side of the taker.
 * @param createdAtMs   when it traded, ms since the epoch.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MarketTrade(
    @JsonProperty("transactionID") long transactionId,
    @JsonProperty("market") String market,
    @JsonProperty("currency") String currency,
    @JsonProperty("price") BigDecimal price,
    @JsonProperty("amount") BigDecimal amount,
    @JsonProperty("totalValue") BigDecimal totalValue,
    @JsonProperty("orderSide") OrderSide takerSide,
    @JsonProperty("createdAt") long createdAtMs)
{
}
