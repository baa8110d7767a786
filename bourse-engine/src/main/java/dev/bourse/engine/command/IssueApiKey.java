package dev.bourse.engine.command;

/**
 * Records an API key of an account. The gateway generates the key and its secret and encrypts the secret before
 * the command is journaled; the engine keeps the record so that keys are journaled like everything else.
 *
 * @param accountId         the owner.
 * @param apiKey            the key, 16..64 characters of [A-Za-z0-9], unique.
 * @param secretCiphertext  the encrypted secret, at most 512 characters.
 * @param requestsPerSecond the key's rate limit per second, positive.
 * @param requestsPerMinute the key's rate limit per minute, positive.
 * @param allowedIps        comma-separated IP addresses allowed to use the key, empty for any; at most 1024 characters.
 */
public record IssueApiKey(
    long accountId,
    String apiKey,
    String secretCiphertext,
    int requestsPerSecond,
    int requestsPerMinute,
    String allowedIps) implements Command
{
}
