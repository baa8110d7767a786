package dev.bourse.loadgen;

/** What one generated request does. */
public enum Operation
{
    /** A limit order priced away from the other side of the book: it rests. */
    LIMIT_RESTING,
    /** A limit order priced through the other side of the book: it trades. */
    LIMIT_CROSSING,
    /** A cancel of one of the session's live orders. */
    CANCEL,
    /** A cancel of all the session's orders on the pair. */
    CANCEL_ALL,
    /** Order info of one of the session's orders. */
    ORDER_INFO
}
