package dev.bourse.engine;

/** How long a LIMIT order stays in force, as {@code timeInForce} names it. */
public enum TimeInForce
{
    /** Good till cancelled: what does not fill at once rests in the book. The default. */
    GTC,
    /** Immediate or cancel: fills what it can at once; the remainder is cancelled, nothing rests. */
    IOC,
    /** Fill or kill: fills its whole quantity at once, or nothing (the order is accepted and cancelled whole). */
    FOK,
    /** Post only: rests in the book; rejected (3231) if it would trade at once, so it is always the maker. */
    POST_ONLY
}
