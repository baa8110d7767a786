package dev.bourse.server.gateway;

import io.vertx.core.http.HttpServerRequest;

/** Decides who is calling a route that is not public. */
@FunctionalInterface
public interface RequestAuthorizer
{
    /**
     * @param route   the matched route.
     * @param request the HTTP request (headers, raw path and query, remote address).
     * @param body    the raw body.
     * @param nowMs   server time.
     * @return the calling account, or 0 when the route is not tied to one.
     * @throws ApiException when the caller is not authorised.
     */
    long authorize(Route route, HttpServerRequest request, byte[] body, long nowMs);
}
