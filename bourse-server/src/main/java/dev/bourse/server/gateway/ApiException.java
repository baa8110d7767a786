package dev.bourse.server.gateway;

import dev.bourse.engine.Status;

/** A request is refused with a status code of the API; thrown by parsers and handlers, answered by the gateway. */
public final class ApiException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final transient Status status;

    /** @param status the status the request is answered with, never SUCCESS. */
    public ApiException(final Status status)
    {
        super(status.code() + " " + status.message(), null, false, false);
        if (status.isSuccess())
        {
            throw new IllegalArgumentException("an ApiException cannot carry SUCCESS");
        }
        this.status = status;
    }

    /** @return the status. */
    public Status status()
    {
        return status;
    }
}
