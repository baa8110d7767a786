package dev.bourse.engine;

/** An API key as the engine keeps it; the secret is ciphertext that only the gateway can open. */
record ApiKeyRecord(
    long accountId,
    String apiKey,
    String secretCiphertext,
    int requestsPerSecond,
    int requestsPerMinute,
    String allowedIps,
    boolean revoked)
{
    ApiKeyRecord revoke()
    {
        return new ApiKeyRecord(accountId, apiKey, secretCiphertext, requestsPerSecond, requestsPerMinute,
            allowedIps, true);
    }
}
