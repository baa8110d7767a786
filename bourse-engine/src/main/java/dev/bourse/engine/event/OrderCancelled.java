package dev.bourse.engine.event;

/**
 * The remainder of an order was cancelled and its reserve released: by its owner, because a market, IOC or FOK order
 * could not fill, or by self-trade prevention. The view is the order after it, COMPLETE. A cancel-all emits no event
 * per order but one {@link AllOrdersCancelled}.
 */
public record OrderCancelled(OrderView order, CancelReason reason) implements Event
{
    /** Why an order's remainder was cancelled. */
    public enum CancelReason
    {
        /** A single cancel by the owner. */
        USER,
        /**
         * Part of a cancel-all asked by the owner: never in an {@link OrderCancelled} (see
         * {@link AllOrdersCancelled}), but the reason projections give the orders a cancel-all lists.
         */
        CANCEL_ALL,
        /** What a market order could not fill. */
        UNFILLED_MARKET,
        /** What an IOC limit order could not fill at once. */
        UNFILLED_IOC,
        /** A FOK limit order that could not fill whole at once: all of it. */
        UNFILLED_FOK,
        /**
         * An order that would have traded with an order of the same account: the resting one (EXPIRE_MAKER,
         * EXPIRE_BOTH) or the incoming one (EXPIRE_TAKER, EXPIRE_BOTH).
         */
        SELF_TRADE,
        /**
         * Part of a cancel-all fired by the account's dead man's switch: like {@link #CANCEL_ALL}, only in
         * {@link AllOrdersCancelled}.
         */
        DEAD_MANS_SWITCH
    }
}
