package dev.bourse.engine.event;

/**
 * An account was opened.
 *
 * @param accountId the account.
 * @param label     its label, empty for none.
 */
public record AccountCreated(long accountId, String label) implements Event
{
}
