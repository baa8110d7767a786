package dev.bourse.journal;

import dev.bourse.engine.command.Command;

/**
 * The engine thread's view of the journal: every command is appended before it is applied, and a batch is committed
 * before any of its replies is released. {@link JournalWriter} implements it.
 */
public interface CommandLog
{
    /**
     * Adds a command to the current batch. It is durable only once {@link #commit()} returns (or earlier, when the
     * batch or the segment fills up); until then a crash may lose it.
     *
     * @param timestampMs the time the command is applied with.
     * @param command     the command.
     * @return the command's sequence number: 1 for the first command ever journaled, then each one more.
     * @throws CommandCodecException when the command cannot be journaled (too large, invalid string): nothing was
     *                               appended, the command must be refused without applying it.
     */
    long append(long timestampMs, Command command);

    /** Makes every appended command durable (per the fsync mode) before it returns. */
    void commit();
}
