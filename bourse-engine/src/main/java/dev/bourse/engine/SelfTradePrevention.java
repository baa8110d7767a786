package dev.bourse.engine;

/**
 * What happens when an incoming order would trade with a resting order of the same account (Binance's modes). The
 * incoming order's mode decides; the resting order's mode plays no part.
 */
public enum SelfTradePrevention
{
    /** The resting order's remainder is cancelled and matching goes on. The default. */
    EXPIRE_MAKER,
    /** The incoming order's remainder is cancelled at that point; the resting order stays. */
    EXPIRE_TAKER,
    /** Both remainders are cancelled. */
    EXPIRE_BOTH,
    /** The two orders trade like any others (what engine-neutral reference workloads assume). */
    NONE
}
