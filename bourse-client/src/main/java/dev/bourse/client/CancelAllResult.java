package dev.bourse.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The answer to a cancel-all: every listed order is COMPLETE by the time it arrives (Bourse's promise).
 *
 * @param orderIds    the IDs of the orders it cancelled, ascending.
 * @param requestAtMs the engine time of the cancel-all, ms since the epoch.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CancelAllResult(
    @JsonProperty("orderIDList") List<Long> orderIds,
    @JsonProperty("requestAt") long requestAtMs)
{
}
