package dev.bourse.server.admin;

import dev.bourse.engine.Status;
import dev.bourse.server.gateway.ApiException;
import dev.bourse.server.gateway.RequestAuthorizer;
import dev.bourse.server.gateway.Route;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Authorises admin requests by {@code Authorization: Bearer TOKEN}, exactly: one space after {@code Bearer}, the token
 * compared in constant time with nothing around it (extra spaces or tabs are refused); 6000 otherwise.
 */
public final class AdminTokenAuthorizer implements RequestAuthorizer
{
    private static final String BEARER = "Bearer ";

    private final byte[] token;

    /** @param token the admin token. */
    public AdminTokenAuthorizer(final String token)
    {
        if (token == null || token.isEmpty())
        {
            throw new IllegalArgumentException("the admin token must not be empty");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public long authorize(final Route route, final HttpServerRequest request, final byte[] body, final long nowMs)
    {
        final String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        final boolean valid = header != null && header.startsWith(BEARER) &&
            MessageDigest.isEqual(token, header.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8));
        if (!valid)
        {
            throw new ApiException(Status.UNAUTHORIZED);
        }
        return 0;
    }
}
