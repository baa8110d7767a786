package dev.bourse.engine.event;

import java.util.List;

/**
 * The outcome of a cancel-all: the IDs it cancelled, ascending (empty when none was open). It is the last event of
 * its command, after one {@link OrderCancelled} per ID.
 */
public record AllOrdersCancelled(long accountId, String coinPair, List<Long> orderIds) implements Event
{
    public AllOrdersCancelled
    {
        orderIds = List.copyOf(orderIds);
    }
}
