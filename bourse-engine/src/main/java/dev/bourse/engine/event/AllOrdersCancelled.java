package dev.bourse.engine.event;

import dev.bourse.engine.Side;
import dev.bourse.engine.event.OrderCancelled.CancelReason;

/**
 * The outcome of a cancel-all (asked by the account, or fired by its dead man's switch): the open orders it
 * cancelled, ascending by ID (empty when none was open), as one event with one primitive array and no event per
 * order. Every listed order completed at the command's time with its remainder cancelled and its reserve released,
 * exactly as {@link OrderView#withRemainderCancelled} derives from the order's previous view; {@link BalanceChanged}
 * events of the account precede this event.
 *
 * @param accountId the account whose orders were cancelled.
 * @param coinPair  the pair they were on, or null when the cancel-all covered every pair.
 * @param side      the side it covered, or null for both.
 * @param reason    {@link CancelReason#CANCEL_ALL} when the account asked, {@link CancelReason#DEAD_MANS_SWITCH}
 *                  when its switch fired.
 * @param orderIds  the cancelled orders, ascending.
 */
public record AllOrdersCancelled(long accountId, String coinPair, Side side, CancelReason reason, OrderIdList orderIds)
    implements Event
{
    /** A cancel-all of both sides of one pair, asked by the account. */
    public AllOrdersCancelled(final long accountId, final String coinPair, final OrderIdList orderIds)
    {
        this(accountId, coinPair, null, CancelReason.CANCEL_ALL, orderIds);
    }
}
