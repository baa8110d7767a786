package dev.bourse.engine;

/** The life cycle of an order, as {@code status} shows it. */
public enum OrderStatus
{
    /** Accepted, not yet in the book (never observable outside a command: the engine is single-threaded). */
    CREATE,
    /** A STOPLIMIT order waiting for its stop price. */
    PENDING,
    /** In the book, untouched. */
    REQUEST,
    /** Partly filled or partly cancelled, the rest still open. */
    PROCESS,
    /** Nothing remains: filled and/or cancelled. */
    COMPLETE;

    /** @return true while the order can still trade or be cancelled. */
    public boolean isOpen()
    {
        return this == PENDING || this == REQUEST || this == PROCESS;
    }
}
