package dev.bourse.engine;

/** The kind of an order, as {@code orderType} shows it. */
public enum OrderType
{
    /** Takes what the book offers at once; what cannot fill is cancelled. */
    MARKET,
    /** Rests in the book at its price until filled or cancelled. */
    LIMIT,
    /** PENDING until the last trade price reaches its stop price, then a LIMIT order. */
    STOPLIMIT
}
