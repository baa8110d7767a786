package dev.bourse.client;

/**
 * What an order does when it would trade with a resting order of the same account (Bourse's extension,
 * {@code selfTradePrevention}); without one, the exchange's default (EXPIRE_MAKER) applies.
 */
public enum SelfTradePrevention
{
    /** The resting order's remainder is cancelled and matching goes on. */
    EXPIRE_MAKER,
    /** This order's remainder is cancelled; the resting order stays. */
    EXPIRE_TAKER,
    /** Both remainders are cancelled. */
    EXPIRE_BOTH,
    /** The two orders trade. */
    NONE
}
