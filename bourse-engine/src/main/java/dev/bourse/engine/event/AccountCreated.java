package dev.bourse.engine.event;

/** An account was opened. */
public record AccountCreated(long accountId) implements Event
{
}
