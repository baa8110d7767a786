package dev.bourse.engine.command;

/** Cancels the remainder of one open order of the account (3321 for an unknown, foreign or completed order). */
public record CancelOrder(long accountId, long orderId) implements Command
{
}
