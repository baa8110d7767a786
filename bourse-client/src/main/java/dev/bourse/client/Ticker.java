package dev.bourse.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * The ticker of a pair: best prices, last price, and the last 24 h. Prices in the Market, volume in the Currency.
 *
 * @param bid    the best bid, 0 when there is none.
 * @param ask    the best ask, 0 when there is none.
 * @param last   the last trade price, 0 before the first trade.
 * @param volume the quantity traded in the last 24 h.
 * @param open   the first price of the last 24 h.
 * @param close  the last price of the last 24 h.
 * @param high   the highest price of the last 24 h.
 * @param low    the lowest price of the last 24 h.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ticker(
    @JsonProperty("bid") BigDecimal bid,
    @JsonProperty("ask") BigDecimal ask,
    @JsonProperty("last") BigDecimal last,
    @JsonProperty("volume") BigDecimal volume,
    @JsonProperty("open") BigDecimal open,
    @JsonProperty("close") BigDecimal close,
    @JsonProperty("high") BigDecimal high,
    @JsonProperty("low") BigDecimal low)
{
}
