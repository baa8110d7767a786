package dev.bourse.server.sequencer;

import dev.bourse.engine.command.Command;

import java.util.concurrent.CompletableFuture;

/**
 * Where commands go and how their outcome comes back: the single node's {@link EngineAgent} (journal, then engine),
 * or a node of a cluster (the replicated log, then the engine of every node). The gateways use only this, so they do
 * not know which.
 */
@FunctionalInterface
public interface CommandSubmitter
{
    /**
     * Submits a command; never blocks. Any thread.
     *
     * @param command the command.
     * @return its answer, completed once the command is durable and this server's projections followed it, or at once
     * unapplied: 5001 when it was certainly not sequenced (a queue was full, no leader), 5000 when its outcome is
     * unknown (the server stopped, or no answer came within a bound), 4002 when it cannot be encoded.
     */
    CompletableFuture<AppliedCommand> submit(Command command);
}
