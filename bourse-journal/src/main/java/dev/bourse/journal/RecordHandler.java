package dev.bourse.journal;

import dev.bourse.engine.command.Command;

/** Receives journal records in sequence order, on the thread that called the read or the recovery. */
@FunctionalInterface
public interface RecordHandler
{
    /**
     * @param sequence    the record's sequence number (1, 2, 3...).
     * @param timestampMs the timestamp the command was applied with.
     * @param command     the command.
     */
    void onRecord(long sequence, long timestampMs, Command command);
}
