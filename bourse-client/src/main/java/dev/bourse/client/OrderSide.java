package dev.bourse.client;

/** The side of an order: BUY or SELL the Currency of a pair. */
public enum OrderSide
{
    BUY,
    SELL
}
