package dev.bourse.server.stream;

/** A client request is refused: answered with an {@code error} reply, nothing changed. */
final class StreamRequestException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final int code;
    private final transient RequestId id;

    StreamRequestException(final StreamError error, final String message, final RequestId id)
    {
        this(error.code(), message, id);
    }

    StreamRequestException(final int code, final String message, final RequestId id)
    {
        super(message, null, false, false);
        this.code = code;
        this.id = id;
    }

    int code()
    {
        return code;
    }

    /** @return the id of the refused request, null when unknown. */
    RequestId id()
    {
        return id;
    }
}
