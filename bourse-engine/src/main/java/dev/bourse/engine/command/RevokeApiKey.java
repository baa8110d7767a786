package dev.bourse.engine.command;

/** Revokes an API key: requests signed with it are refused (6002) from then on. */
public record RevokeApiKey(String apiKey) implements Command
{
}
