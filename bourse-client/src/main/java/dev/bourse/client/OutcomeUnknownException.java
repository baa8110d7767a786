package dev.bourse.client;

/**
 * A request that is not safe to repeat (placing an order without a client order ID, an admin write such as a
 * deposit) was sent, but no answer came back (timeout, connection reset). The server may or may not have applied it.
 * The SDK never re-sends such a request: for an order, list the open orders (or read the order history) to learn
 * whether it was placed before placing it again. Give orders a client order ID and the SDK retries them instead.
 */
public class OutcomeUnknownException extends BourseTransportException
{
    /**
     * @param method the HTTP method.
     * @param path   the request path.
     * @param cause  the underlying failure.
     */
    public OutcomeUnknownException(final String method, final String path, final Throwable cause)
    {
        super("the request was sent but its outcome is unknown (" + cause + "); check open orders before retrying",
            method, path, cause);
    }
}
