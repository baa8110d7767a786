package dev.bourse.server;

import dev.bourse.engine.command.Command;

/**
 * The durability seam of the {@link EngineAgent}: every command is appended before the engine applies it, and the
 * batch is committed before any reply of the batch is released. A journal makes the commands durable here; the
 * engine thread is the only caller.
 */
public interface CommandLog
{
    /**
     * Records a command about to be applied.
     *
     * @param timestampMs the time the engine applies it with.
     * @param command     the command.
     */
    void append(long timestampMs, Command command);

    /** Makes every command appended so far durable; replies of the batch are released after it returns. */
    void commit();
}
