package dev.bourse.server.gateway;

import dev.bourse.engine.Status;

import java.util.Map;

/**
 * A request that passed routing and authorisation.
 *
 * @param method     the HTTP method.
 * @param pathParams the captures of the route's path, decoded.
 * @param params     query and form parameters, decoded.
 * @param accountId  the calling account (signed routes), 0 otherwise.
 * @param nowMs      server time when the request was handled.
 */
public record ApiRequest(String method, Map<String, String> pathParams, RequestParameters params, long accountId,
    long nowMs)
{
    /** @return the path capture; routes always capture what their handler reads. */
    public String pathParam(final String name)
    {
        final String value = pathParams.get(name);
        if (value == null)
        {
            throw new ApiException(Status.BAD_REQUEST);
        }
        return value;
    }
}
