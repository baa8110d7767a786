package dev.bourse.server.sequencer;

import dev.bourse.engine.command.Command;
import dev.bourse.journal.CommandLog;

/** A {@link CommandLog} that numbers commands and keeps nothing, for tests of the agents alone. */
final class DiscardingCommandLog implements CommandLog
{
    private long lastSequence;

    @Override
    public long append(final long timestampMs, final Command command)
    {
        return ++lastSequence;
    }

    @Override
    public void commit()
    {
    }
}
