package dev.bourse.engine.event;

/**
 * An order traded in the trade {@code tradeId}; the view is the order after the fill. {@code fee} is what this
 * fill cost the order's owner in the Market currency, {@code full} whether it left nothing to fill.
 */
public record OrderFilled(OrderView order, long tradeId, long price, long quantity, long fee, boolean maker)
    implements Event
{
    /** @return true when this fill completed the order (FULL), false for a PARTIAL fill. */
    public boolean full()
    {
        return order.remainQuantity() == 0;
    }
}
