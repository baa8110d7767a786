package dev.bourse.client;

/**
 * The root of every exception the SDK throws (all unchecked). It names the HTTP request that failed.
 */
public class BourseClientException extends RuntimeException
{
    private final String method;
    private final String path;

    /**
     * @param message what went wrong.
     * @param method  the HTTP method of the request.
     * @param path    the request path, without the query.
     * @param cause   the underlying failure, or null.
     */
    public BourseClientException(final String message, final String method, final String path, final Throwable cause)
    {
        super(message + " [" + method + " " + path + "]", cause);
        this.method = method;
        this.path = path;
    }

    /** @return the HTTP method of the failed request. */
    public String method()
    {
        return method;
    }

    /** @return the path of the failed request, without the query. */
    public String path()
    {
        return path;
    }
}
