package dev.bourse.client;

/** How long a limit order stays in force (Bourse's extension, {@code timeInForce}). */
public enum TimeInForce
{
    /** Good till cancelled: what does not fill at once rests in the book (the default). */
    GTC,
    /** Immediate or cancel: fills what it can at once, the rest is cancelled. */
    IOC,
    /** Fill or kill: fills its whole quantity at once, or is cancelled whole. */
    FOK,
    /** Post only: rests in the book; refused with 3231 if it would trade at once. */
    POST_ONLY
}
