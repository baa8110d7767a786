package dev.bourse.client;

/** The type of an order; STOPLIMIT is Bourse's extension (a limit order with a stop price). */
public enum OrderType
{
    MARKET,
    LIMIT,
    STOPLIMIT
}
