package dev.bourse.engine.event;

/**
 * An order traded in the trade {@code tradeId}; the view is the order after the fill (its reserve already adjusted).
 *
 * @param order    the order after the fill.
 * @param tradeId  the trade.
 * @param price    the trade's price, base units of the Market per whole Currency unit.
 * @param quantity the quantity filled, base units of the Currency.
 * @param volume   price x quantity, base units of the Market.
 * @param fee      what this fill cost the order's owner, base units of the Market.
 * @param maker    whether the order was the resting one.
 */
public record OrderFilled(OrderView order, long tradeId, long price, long quantity, long volume, long fee,
    boolean maker) implements Event
{
    /** @return true when this fill completed the order (FULL), false for a PARTIAL fill. */
    public boolean full()
    {
        return order.remainQuantity() == 0;
    }
}
