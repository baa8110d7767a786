package dev.bourse.engine.event;

/**
 * An order was placed again with a client order ID the account still remembers: nothing was placed, and the answer
 * is the order first placed with it. The command's only event.
 *
 * @param accountId     the owner.
 * @param clientOrderId the client order ID.
 * @param orderId       the order first placed with it.
 * @param acceptedAtMs  when that order was accepted.
 */
public record OrderAlreadyAccepted(long accountId, String clientOrderId, long orderId, long acceptedAtMs)
    implements Event
{
}
