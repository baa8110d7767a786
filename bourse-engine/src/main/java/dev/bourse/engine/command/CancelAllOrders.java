package dev.bourse.engine.command;

import dev.bourse.engine.Side;

/**
 * Cancels every open order (PENDING, REQUEST, PROCESS) of the account on one pair or on every pair, of one side or
 * both, as one command: partial fills are kept, every reserve is released, and nothing else is touched. Works in
 * CANCEL_ONLY. It costs time in proportion to the account's open orders on the pairs it covers.
 *
 * @param accountId the account.
 * @param coinPair  the pair, or null for every pair.
 * @param side      the side whose orders are cancelled, or null for both.
 */
public record CancelAllOrders(long accountId, String coinPair, Side side) implements Command
{
    /** Cancels both sides of the pair (null: every pair). */
    public CancelAllOrders(final long accountId, final String coinPair)
    {
        this(accountId, coinPair, null);
    }
}
