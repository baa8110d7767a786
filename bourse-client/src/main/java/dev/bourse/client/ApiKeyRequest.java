package dev.bourse.client;

import java.util.List;

/**
 * The limits of an API key to issue. Null fields take the server's defaults (3 requests a second, 60 a minute,
 * any IP).
 *
 * @param rps        requests per second (1..rpm), or null.
 * @param rpm        requests per minute (1..100000), or null.
 * @param allowedIps IP literals the key may be used from, or null/empty for any.
 */
public record ApiKeyRequest(Integer rps, Integer rpm, List<String> allowedIps)
{
    /** Copies the allow-list. */
    public ApiKeyRequest
    {
        allowedIps = allowedIps == null ? List.of() : List.copyOf(allowedIps);
    }

    /** @return a key with the server's default limits. */
    public static ApiKeyRequest defaults()
    {
        return new ApiKeyRequest(null, null, List.of());
    }

    /** @return this request with these rate limits. */
    public ApiKeyRequest withRateLimit(final int rps, final int rpm)
    {
        return new ApiKeyRequest(rps, rpm, allowedIps);
    }

    /** @return this request with this IP allow-list. */
    public ApiKeyRequest withAllowedIps(final List<String> allowedIps)
    {
        return new ApiKeyRequest(rps, rpm, allowedIps);
    }

    Form form()
    {
        return new Form().put("rps", rps).put("rpm", rpm)
            .put("allowedIps", allowedIps.isEmpty() ? null : String.join(",", allowedIps));
    }
}
