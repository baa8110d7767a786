package dev.bourse.engine;

/** Whether a pair accepts new orders. */
public enum PairState
{
    /** New orders and cancellations are accepted. */
    TRADING,
    /** Maintenance: new orders are rejected with 3113, cancellations still work. */
    CANCEL_ONLY
}
