package dev.bourse.engine;

/**
 * A MARKET order. It never rests; what a BUY reserves comes from walking the book at acceptance, so it is kept
 * rather than derived.
 */
final class MarketOrder extends Order
{
    private final long reservedValue;

    MarketOrder(
        final long id,
        final Account account,
        final OrderTerms terms,
        final long initialQuantity,
        final long reserve,
        final long createdAtMs,
        final String clientOrderId)
    {
        super(id, account, terms, 0, initialQuantity, reserve, createdAtMs, clientOrderId);
        this.reservedValue = reserve;
    }

    @Override
    long reservedValue()
    {
        return reservedValue;
    }
}
