package dev.bourse.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The order book aggregated per price level, best price first on both sides.
 *
 * @param bids the buy side.
 * @param asks the sell side.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderBook(
    @JsonProperty("BID") List<BookLevel> bids,
    @JsonProperty("ASK") List<BookLevel> asks)
{
}
