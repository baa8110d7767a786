package dev.bourse.server.sequencer;

import java.util.concurrent.CompletableFuture;

/**
 * The sequenced commands of one journal batch and the replies waiting for them, handed from the engine thread to the
 * projection thread once the batch is durable. Filled by the engine thread only, then read by the projection thread
 * only (the queue between them orders the two).
 */
final class CommittedBatch
{
    private final AppliedCommand[] applied;
    private final CompletableFuture<AppliedCommand>[] replies;
    private int size;

    @SuppressWarnings("unchecked")
    CommittedBatch(final int capacity)
    {
        this.applied = new AppliedCommand[capacity];
        this.replies = (CompletableFuture<AppliedCommand>[])new CompletableFuture<?>[capacity];
    }

    void add(final AppliedCommand command, final CompletableFuture<AppliedCommand> reply)
    {
        applied[size] = command;
        replies[size] = reply;
        size++;
    }

    int size()
    {
        return size;
    }

    AppliedCommand applied(final int index)
    {
        return applied[index];
    }

    CompletableFuture<AppliedCommand> reply(final int index)
    {
        return replies[index];
    }

    long lastSequence()
    {
        return size == 0 ? 0 : applied[size - 1].sequence();
    }
}
