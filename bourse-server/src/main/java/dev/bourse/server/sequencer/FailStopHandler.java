package dev.bourse.server.sequencer;

/**
 * Told once, on the failing thread, that the server must stop: the journal could not append or force a batch, or the
 * engine or a projection threw. The state in memory may be ahead of what is durable (or half changed), so the handler
 * must never snapshot it or serve another write from it; it shuts the server down so that recovery rebuilds the
 * durable prefix. It must not block the calling thread.
 */
@FunctionalInterface
public interface FailStopHandler
{
    /**
     * @param cause what failed, in words for the log and the health endpoint.
     * @param error the exception.
     */
    void onFailStop(String cause, Throwable error);
}
