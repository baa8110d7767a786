package dev.bourse.client;

/**
 * The state of a pair: TRADING, or CANCEL_ONLY (maintenance: new orders get 3113, cancellations work).
 */
public enum PairState
{
    TRADING,
    CANCEL_ONLY
}
