package dev.bourse.engine.event;

/**
 * The outcome of a cancel-all: the open orders it cancelled, ascending by ID (empty when none was open), as one
 * event with one primitive array and no event per order. Every listed order completed at the command's time with
 * its remainder cancelled and its reserve released, exactly as {@link OrderView#withRemainderCancelled} derives from
 * the order's previous view; {@link BalanceChanged} events of the account precede this event.
 *
 * @param accountId the account whose orders were cancelled.
 * @param coinPair  the pair they were on.
 * @param orderIds  the cancelled orders, ascending.
 */
public record AllOrdersCancelled(long accountId, String coinPair, OrderIdList orderIds) implements Event
{
}
