package dev.bourse.client;

/**
 * The client-side rate limiter could not grant a permit within the configured wait, so the request was
 * <b>not sent</b>. Retrying later is safe.
 */
public class RateLimitTimeoutException extends BourseClientException
{
    /**
     * @param waitMs how long the request waited.
     * @param method the HTTP method.
     * @param path   the request path.
     */
    public RateLimitTimeoutException(final long waitMs, final String method, final String path)
    {
        super("no rate-limit permit within " + waitMs + " ms; the request was not sent", method, path, null);
    }
}
