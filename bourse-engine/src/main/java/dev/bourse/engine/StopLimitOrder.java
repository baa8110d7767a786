package dev.bourse.engine;

/** A STOPLIMIT order: a limit order with the stop price that triggers it. */
final class StopLimitOrder extends Order
{
    private final long stopPrice;

    StopLimitOrder(
        final long id,
        final Account account,
        final OrderTerms terms,
        final long price,
        final long stopPrice,
        final long initialQuantity,
        final long reserve,
        final long createdAtMs,
        final String clientOrderId)
    {
        super(id, account, terms, price, initialQuantity, reserve, createdAtMs, clientOrderId);
        this.stopPrice = stopPrice;
    }

    @Override
    long stopPrice()
    {
        return stopPrice;
    }
}
