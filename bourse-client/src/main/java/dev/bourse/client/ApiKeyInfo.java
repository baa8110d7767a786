package dev.bourse.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An API key as the admin API lists it, without its secret.
 *
 * @param accountId  the account.
 * @param apiKey     the key.
 * @param rps        requests per second allowed.
 * @param rpm        requests per minute allowed.
 * @param allowedIps comma-separated IP allow-list, empty for any.
 * @param enabled    false once revoked.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiKeyInfo(
    @JsonProperty("accountId") long accountId,
    @JsonProperty("apiKey") String apiKey,
    @JsonProperty("rps") int rps,
    @JsonProperty("rpm") int rpm,
    @JsonProperty("allowedIps") String allowedIps,
    @JsonProperty("enabled") boolean enabled)
{
}
