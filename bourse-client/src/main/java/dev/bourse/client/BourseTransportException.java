package dev.bourse.client;

/**
 * No answer could be obtained (connection refused or reset, timeout, a non-JSON or non-200 answer) after the
 * retries allowed for the request. For requests that are retried (reads, cancels) or that certainly were not sent,
 * this is the final failure; for a request that may have been applied see {@link OutcomeUnknownException}.
 */
public class BourseTransportException extends BourseClientException
{
    /**
     * @param message what went wrong.
     * @param method  the HTTP method.
     * @param path    the request path.
     * @param cause   the underlying failure.
     */
    public BourseTransportException(
        final String message, final String method, final String path, final Throwable cause)
    {
        super(message, method, path, cause);
    }
}
