package dev.bourse.server.stream;

/**
 * The codes of {@code error} replies that are the streams' own (docs/STREAMS.md); login and pair errors carry the
 * REST API's codes instead (4001 to 6005, 4009). An error changes nothing.
 */
enum StreamError
{
    /** Not a JSON object, a field twice, or something after the object. */
    MALFORMED(7000),
    /** {@code op} names no operation. */
    UNKNOWN_OP(7001),
    /** A channel name that is no channel. */
    UNKNOWN_CHANNEL(7002),
    /** A private channel or cancel-on-disconnect before a login. */
    LOGIN_REQUIRED(7003),
    /** A second login on the same connection. */
    ALREADY_LOGGED_IN(7004),
    /** More subscriptions than the key or the address may hold. */
    TOO_MANY_SUBSCRIPTIONS(7005),
    /** The resume point has left the window (or is not one of this stream's): resync from REST. */
    RESUME_UNAVAILABLE(7006),
    /** A field missing, of the wrong type, out of range or unknown. */
    INVALID_FIELD(7007),
    /** A message larger than the limit; the connection is closed (1009). */
    MESSAGE_TOO_LARGE(7008),
    /** More connections than the key or the address may open; the connection is closed (4005). */
    TOO_MANY_CONNECTIONS(7009);

    private final int code;

    StreamError(final int code)
    {
        this.code = code;
    }

    int code()
    {
        return code;
    }
}
