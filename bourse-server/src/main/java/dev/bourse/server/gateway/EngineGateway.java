package dev.bourse.server.gateway;

import dev.bourse.engine.command.Command;
import dev.bourse.server.sequencer.AppliedCommand;
import dev.bourse.server.sequencer.CommandSubmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Sends commands to the {@link CommandSubmitter} (the single node's engine thread, or a cluster) and turns their
 * outcomes into answers on the caller's own Vert.x context (never on the engine, projection or cluster threads): an
 * applied command's answer comes from {@code onSuccess}, a rejection is its status.
 */
public final class EngineGateway
{
    private final CommandSubmitter commands;
    private final CommandMetrics metrics;
    /** Per event-loop thread: every context on it runs on that thread, so one hand-over queue serves them all. */
    private final ThreadLocal<EventLoopReplies> eventLoopReplies = new ThreadLocal<>();

    /**
     * @param commands where commands go.
     * @param metrics  told each command's outcome.
     */
    public EngineGateway(final CommandSubmitter commands, final CommandMetrics metrics)
    {
        this.commands = commands;
        this.metrics = metrics;
    }

    /**
     * @param command   the command.
     * @param onSuccess the answer of an applied command, built on the caller's context.
     * @return the answer, once the command is durable and visible (or was refused).
     */
    public CompletableFuture<ApiResponse> send(
        final Command command, final Function<AppliedCommand, ApiResponse> onSuccess)
    {
        return commands.submit(command).thenApplyAsync(applied ->
        {
            metrics.commandAnswered(command, applied.status());
            return applied.status().isSuccess() ? onSuccess.apply(applied) : ApiResponse.failure(applied.status());
        }, callerContext());
    }

    private Executor callerContext()
    {
        final Context context = Vertx.currentContext();
        if (context == null)
        {
            return Runnable::run;
        }
        if (!context.isEventLoopContext())
        {
            return task -> context.runOnContext(ignored -> task.run());
        }
        EventLoopReplies replies = eventLoopReplies.get();
        if (replies == null)
        {
            replies = new EventLoopReplies(context);
            eventLoopReplies.set(replies);
        }
        return replies;
    }
}
