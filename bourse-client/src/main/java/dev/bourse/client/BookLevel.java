package dev.bourse.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * One price level of the order book.
 *
 * @param price  the price.
 * @param amount the total quantity at that price.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookLevel(
    @JsonProperty("price") BigDecimal price,
    @JsonProperty("amount") BigDecimal amount)
{
}
