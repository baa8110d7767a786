package dev.bourse.engine.event;

/** An API key was recorded for an account (the secret stays encrypted). */
public record ApiKeyIssued(
    long accountId,
    String apiKey,
    String secretCiphertext,
    int requestsPerSecond,
    int requestsPerMinute,
    String allowedIps) implements Event
{
}
