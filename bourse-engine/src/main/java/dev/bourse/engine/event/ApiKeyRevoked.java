package dev.bourse.engine.event;

/** An API key was revoked. */
public record ApiKeyRevoked(long accountId, String apiKey) implements Event
{
}
