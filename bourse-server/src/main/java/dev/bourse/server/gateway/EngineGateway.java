package dev.bourse.server.gateway;

import dev.bourse.engine.command.Command;
import dev.bourse.server.sequencer.EngineAgent;
import dev.bourse.server.sequencer.EngineReply;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Sends commands to the {@link EngineAgent} and turns its replies into answers: a rejection is its status. */
public final class EngineGateway
{
    private final EngineAgent agent;

    /** @param agent the engine's agent. */
    public EngineGateway(final EngineAgent agent)
    {
        this.agent = agent;
    }

    /**
     * @param command   the command.
     * @param onSuccess the answer of an applied command.
     * @return the answer, once the engine applied (or rejected) the command.
     */
    public CompletableFuture<ApiResponse> send(final Command command, final Function<EngineReply, ApiResponse> onSuccess)
    {
        return agent.submit(command).thenApply(reply ->
            reply.status().isSuccess() ? onSuccess.apply(reply) : ApiResponse.failure(reply.status()));
    }
}
