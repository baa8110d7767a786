package dev.bourse.engine.event;

/** An order was accepted: its ID exists from now on and its reserve is taken. Fills, if any, follow. */
public record OrderAccepted(OrderView order) implements Event
{
}
