package dev.bourse.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to placing or cancelling one order: 1000 means accepted (or cancellation requested).
 *
 * @param orderId     the order's ID.
 * @param requestAtMs the engine time of the request, ms since the epoch.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderAck(
    @JsonProperty("orderID") long orderId,
    @JsonProperty("requestAt") long requestAtMs)
{
}
