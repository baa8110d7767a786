package dev.bourse.server.gateway;

import java.util.concurrent.CompletableFuture;

/**
 * One endpoint.
 *
 * @param method       the HTTP method.
 * @param path         the path pattern.
 * @param access       who may call it.
 * @param tradeHistory whether the trade-history rate limits apply.
 * @param handler      answers it.
 */
public record Route(String method, PathPattern path, Access access, boolean tradeHistory, Handler handler)
{
    /** Who may call a route. */
    public enum Access
    {
        /** Anyone. */
        PUBLIC,
        /** A request signed with an API key. */
        SIGNED,
        /** The admin token. */
        ADMIN
    }

    /** Answers a request; may complete later (after the engine applied a command). */
    @FunctionalInterface
    public interface Handler
    {
        /**
         * @param request the request.
         * @return the answer.
         * @throws ApiException when the request is refused.
         */
        CompletableFuture<ApiResponse> handle(ApiRequest request);
    }

    /** @return a route. */
    public static Route of(final String method, final String path, final Access access, final Handler handler)
    {
        return new Route(method, new PathPattern(path), access, false, handler);
    }
}
