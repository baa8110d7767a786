package dev.bourse.client;

/**
 * The server answered with a {@code statusCode} other than 1000. Per the spec such a request changed nothing.
 */
public class BourseException extends BourseClientException
{
    private final StatusCode statusCode;
    private final int code;
    private final String statusMessage;

    /**
     * @param code          the raw {@code statusCode}.
     * @param statusMessage the server's {@code statusMessage}.
     * @param method        the HTTP method of the request.
     * @param path          the request path.
     */
    public BourseException(final int code, final String statusMessage, final String method, final String path)
    {
        super(code + " " + statusMessage, method, path, null);
        this.statusCode = StatusCode.of(code);
        this.code = code;
        this.statusMessage = statusMessage;
    }

    /** @return the status as an enum; {@link StatusCode#UNKNOWN} when this SDK does not know the code. */
    public StatusCode statusCode()
    {
        return statusCode;
    }

    /** @return the raw numeric {@code statusCode} as the server sent it. */
    public int code()
    {
        return code;
    }

    /** @return the server's {@code statusMessage}. */
    public String statusMessage()
    {
        return statusMessage;
    }
}
