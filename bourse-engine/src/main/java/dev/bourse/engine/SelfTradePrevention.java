package dev.bourse.engine;

/** What happens when an incoming order would trade with a resting order of the same account. */
public enum SelfTradePrevention
{
    /** The resting order's remainder is cancelled and matching goes on (Binance's EXPIRE_MAKER). The default. */
    EXPIRE_MAKER,
    /** The two orders trade like any others (what engine-neutral reference workloads assume). */
    NONE
}
