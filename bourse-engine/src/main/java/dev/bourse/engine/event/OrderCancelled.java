package dev.bourse.engine.event;

/**
 * The remainder of an order was cancelled and its reserve released: by its owner, because a market order could not
 * fill, or by self-trade prevention. The view is the order after it, COMPLETE. A cancel-all emits no event per order
 * but one {@link AllOrdersCancelled}.
 */
public record OrderCancelled(OrderView order, CancelReason reason) implements Event
{
    /** Why an order's remainder was cancelled. */
    public enum CancelReason
    {
        /** A single cancel by the owner. */
        USER,
        /**
         * Part of a cancel-all by the owner: never in an event of the engine (see {@link AllOrdersCancelled}), but the
         * reason projections give the orders a cancel-all lists.
         */
        CANCEL_ALL,
        /** What a market order could not fill. */
        UNFILLED_MARKET,
        /** A resting order that would have traded with an incoming order of the same account. */
        SELF_TRADE
    }
}
