package dev.bourse.engine.event;

/** A STOPLIMIT order's stop price was reached: it enters the book as a limit order. */
public record OrderTriggered(OrderView order) implements Event
{
}
