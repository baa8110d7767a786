package dev.bourse.engine.event;

import dev.bourse.engine.Status;

/** The command was rejected with this status and changed nothing. Always the only event of its command. */
public record CommandRejected(Status status) implements Event
{
}
