package dev.bourse.server;

import dev.bourse.journal.CommandLog;
import dev.bourse.engine.command.Command;

/** A {@link CommandLog} that keeps nothing: state lives in memory only and is lost when the process ends. */
public final class DiscardingCommandLog implements CommandLog
{
    /** The one instance. */
    public static final DiscardingCommandLog INSTANCE = new DiscardingCommandLog();

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
