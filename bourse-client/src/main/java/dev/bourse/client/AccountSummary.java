package dev.bourse.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * An account as the admin API shows it.
 *
 * @param accountId      the account.
 * @param label          its label, empty for none (Bourse's extension).
 * @param balances       its balances.
 * @param openOrderCount its open orders on all pairs.
 * @param openOrders     its open orders per pair.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountSummary(
    @JsonProperty("accountId") long accountId,
    @JsonProperty("label") String label,
    @JsonProperty("balances") List<Balance> balances,
    @JsonProperty("openOrderCount") int openOrderCount,
    @JsonProperty("openOrders") List<OpenOrderCount> openOrders)
{
}
