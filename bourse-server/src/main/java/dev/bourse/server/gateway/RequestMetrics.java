package dev.bourse.server.gateway;

import dev.bourse.engine.Status;

/** What a gateway reports for metrics, on its event loops: each answer with its route, status and latency. */
@FunctionalInterface
public interface RequestMetrics
{
    /** Reports nothing. */
    RequestMetrics NONE = (route, status, durationNs) ->
    {
    };

    /**
     * @param route      the route that answered, or null when none did (an unknown path, a body too large).
     * @param status     the answer's status.
     * @param durationNs from the end of the request's head to the answer written.
     */
    void requestAnswered(Route route, Status status, long durationNs);
}
