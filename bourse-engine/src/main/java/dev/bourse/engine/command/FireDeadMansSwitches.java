package dev.bourse.engine.command;

/**
 * Fires every dead man's switch whose deadline is at or before this command's time, earliest deadline first (then
 * by account): each one disarms and cancels its orders as one cancel-all. The engine reads no clock, so whoever
 * drives it issues this command when {@link dev.bourse.engine.Engine#nextDeadlineMs()} has come (the server's engine
 * thread; a cluster's timer). With nothing due it succeeds and does nothing.
 */
public record FireDeadMansSwitches() implements Command
{
}
