package dev.bourse.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How many open orders an account has on one pair.
 *
 * @param coinPair the pair.
 * @param count    its open orders.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenOrderCount(
    @JsonProperty("coinPair") String coinPair,
    @JsonProperty("count") int count)
{
}
