package dev.bourse.engine;

/** The side of an order: BUY pays the Market currency for the Currency, SELL the reverse. */
public enum Side
{
    BUY,
    SELL;

    /** @return the side an order of this side trades against. */
    public Side opposite()
    {
        return this == BUY ? SELL : BUY;
    }
}
