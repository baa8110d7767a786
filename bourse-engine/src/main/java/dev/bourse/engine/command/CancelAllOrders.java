package dev.bourse.engine.command;

/**
 * Cancels every open order (PENDING, REQUEST, PROCESS) of the account on one pair, as one command: partial fills
 * are kept, every reserve is released, and nothing else is touched. Works in CANCEL_ONLY.
 */
public record CancelAllOrders(long accountId, String coinPair) implements Command
{
}
