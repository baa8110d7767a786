package dev.bourse.server.gateway;

import dev.bourse.engine.Status;
import dev.bourse.engine.command.Command;

/** What the gateways report for metrics, on their event loops: each command's outcome. */
@FunctionalInterface
public interface CommandMetrics
{
    /** Reports nothing. */
    CommandMetrics NONE = (command, status) ->
    {
    };

    /**
     * @param command a command a gateway sent to the engine.
     * @param status  its outcome: the engine's status, or why it was not applied (5001 queue full, 5000 stopped,
     *                4002 too large to journal).
     */
    void commandAnswered(Command command, Status status);
}
