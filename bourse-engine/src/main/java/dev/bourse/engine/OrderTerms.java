package dev.bourse.engine;

/**
 * What an order was accepted under, shared by every order accepted under the same: its pair, side, type, time in
 * force, self-trade prevention, and the pair's fee rates at acceptance. Kept once per pair and combination (see
 * {@link Pair#terms}) instead of in every order, which keeps orders small.
 *
 * @param pair                the pair.
 * @param side                BUY or SELL.
 * @param type                MARKET, LIMIT or STOPLIMIT.
 * @param timeInForce         the time in force (GTC unless a LIMIT order says otherwise).
 * @param selfTradePrevention what happens when the order meets an order of its own account.
 * @param makerFeePpm         the maker fee rate at acceptance, millionths.
 * @param takerFeePpm         the taker fee rate at acceptance, millionths.
 */
record OrderTerms(
    Pair pair,
    Side side,
    OrderType type,
    TimeInForce timeInForce,
    SelfTradePrevention selfTradePrevention,
    int makerFeePpm,
    int takerFeePpm)
{
    /** @return the higher of the two fee rates: what a BUY reserves its fees at. */
    int maxFeePpm()
    {
        return Math.max(makerFeePpm, takerFeePpm);
    }
}
