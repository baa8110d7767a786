package dev.bourse.server;

import dev.bourse.engine.Status;

/**
 * An answer: a status and, on success, the {@code responseData}.
 *
 * @param status   the status.
 * @param data     the response data; null for none.
 * @param timeOnly whether the envelope holds only {@code timezone} and {@code responseTime} (GET /v1/public/time).
 */
public record ApiResponse(Status status, JsonBody data, boolean timeOnly)
{
    /** The answer of the time endpoint. */
    public static final ApiResponse TIME = new ApiResponse(Status.SUCCESS, null, true);

    /** @return a success with the data. */
    public static ApiResponse ok(final JsonBody data)
    {
        return new ApiResponse(Status.SUCCESS, data, false);
    }

    /** @return a failure: no response data. */
    public static ApiResponse failure(final Status status)
    {
        return new ApiResponse(status, null, false);
    }
}
