package dev.bourse.client;

/**
 * The status of an order (spec section 4): CREATE, PENDING (an untriggered STOPLIMIT), REQUEST (in the book,
 * untouched), PROCESS (partly filled or partly cancelled), COMPLETE (filled and/or cancelled: nothing remains).
 */
public enum OrderStatus
{
    CREATE,
    PENDING,
    REQUEST,
    PROCESS,
    COMPLETE;

    /** @return whether the order can still trade or be cancelled. */
    public boolean isOpen()
    {
        return this != COMPLETE;
    }
}
