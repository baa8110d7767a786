package dev.bourse.server;

import dev.bourse.journal.CommandLog;
import dev.bourse.engine.command.Command;

/** A {@link CommandLog} that keeps nothing, for tests of the agent alone. */
final class DiscardingCommandLog implements CommandLog
{
    /** The one instance. */
    static final DiscardingCommandLog INSTANCE = new DiscardingCommandLog();

    private DiscardingCommandLog()
    {
    }

    @Override
    public void append(final long timestampMs, final Command command)
    {
    }

    @Override
    public void commit()
    {
    }
}
