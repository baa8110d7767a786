package dev.bourse.engine.event;

/** The balance of an account in a currency after a change; {@code available = balance - reserved}. */
public record BalanceChanged(long accountId, String currency, long balance, long available) implements Event
{
}
