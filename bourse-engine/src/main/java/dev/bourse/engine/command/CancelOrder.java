package dev.bourse.engine.command;

/**
 * Cancels the remainder of one open order of the account (3321 for an unknown, foreign or completed order): the
 * order with the ID, or, when {@code clientOrderId} is not null, the order the account remembers under that client
 * order ID ({@code orderId} is then not used).
 *
 * @param accountId     the owner.
 * @param orderId       the order's ID.
 * @param clientOrderId the order's client order ID, or null to cancel by {@code orderId}.
 */
public record CancelOrder(long accountId, long orderId, String clientOrderId) implements Command
{
    /** Cancels by order ID. */
    public CancelOrder(final long accountId, final long orderId)
    {
        this(accountId, orderId, null);
    }

    /** @return a cancel of the order the account placed with this client order ID. */
    public static CancelOrder byClientOrderId(final long accountId, final String clientOrderId)
    {
        return new CancelOrder(accountId, 0, clientOrderId);
    }
}
