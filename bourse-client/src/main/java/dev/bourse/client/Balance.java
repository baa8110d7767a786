package dev.bourse.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * The balance of one currency.
 *
 * @param currency         the currency.
 * @param balance          the total balance.
 * @param availableBalance what is not reserved by open orders.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Balance(
    @JsonProperty("currency") String currency,
    @JsonProperty("balance") BigDecimal balance,
    @JsonProperty("availableBalance") BigDecimal availableBalance)
{
}
