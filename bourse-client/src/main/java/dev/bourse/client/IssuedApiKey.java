package dev.bourse.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A newly issued API key with its secret, which the server shows only this once.
 *
 * @param accountId  the account.
 * @param apiKey     the key.
 * @param apiSecret  the secret.
 * @param rps        requests per second allowed.
 * @param rpm        requests per minute allowed.
 * @param allowedIps comma-separated IP allow-list, empty for any.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssuedApiKey(
    @JsonProperty("accountId") long accountId,
    @JsonProperty("apiKey") String apiKey,
    @JsonProperty("apiSecret") String apiSecret,
    @JsonProperty("rps") int rps,
    @JsonProperty("rpm") int rpm,
    @JsonProperty("allowedIps") String allowedIps)
{
}
