package dev.bourse.engine;

/** A currency: its code, scale and the exchange-wide totals that prove conservation. */
final class Currency
{
    final int id;
    final String code;
    final int scale;
    /** Deposited amounts less withdrawn amounts; every balance is bounded by it, so balances never overflow. */
    long netDeposits;
    /** Trading and transfer fees collected by the exchange. */
    long fees;

    Currency(final int id, final String code, final int scale)
    {
        this.id = id;
        this.code = code;
        this.scale = scale;
    }
}
