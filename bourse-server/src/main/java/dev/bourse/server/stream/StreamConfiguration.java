package dev.bourse.server.stream;

import java.util.List;

/**
 * The bounds of the WebSocket streams ({@code /v1/ws}); see docs/STREAMS.md for what each one means to a client.
 *
 * @param windowMessages          stream messages kept in memory for resuming (all channels together).
 * @param pingIntervalMs          how often the server pings each connection.
 * @param heartbeatTimeoutMs      a connection from which nothing (a pong or a message) arrived for this long is
 *                                closed (4002); with cancel-on-disconnect, that is a disconnect.
 * @param idleTimeoutMs           a connection without any subscription or cancel-on-disconnect for this long is closed
 *                                (4004).
 * @param sendBufferBytes         characters written to a connection but not yet taken by its socket; a message that
 *                                would go beyond closes the connection as too slow (4001).
 * @param maxMessageBytes         the largest message a client may send (1009 beyond).
 * @param maxRequestsPerSecond    client messages a connection may send in any second (6004 beyond, ignored).
 * @param maxConnectionsPerIp     open connections from one address.
 * @param maxConnectionsPerKey    connections logged in with one API key.
 * @param maxSubscriptionsPerIp   subscriptions of all the connections from one address.
 * @param maxSubscriptionsPerKey  subscriptions of all the connections logged in with one API key.
 */
public record StreamConfiguration(
    int windowMessages,
    long pingIntervalMs,
    long heartbeatTimeoutMs,
    long idleTimeoutMs,
    int sendBufferBytes,
    int maxMessageBytes,
    int maxRequestsPerSecond,
    int maxConnectionsPerIp,
    int maxConnectionsPerKey,
    int maxSubscriptionsPerIp,
    int maxSubscriptionsPerKey)
{
    /** The defaults of docs/STREAMS.md. */
    public static final StreamConfiguration DEFAULT =
        new StreamConfiguration(200_000, 5_000, 15_000, 60_000, 1 << 20, 4_096, 20, 100, 10, 1_000, 200);

    public StreamConfiguration
    {
        if (windowMessages <= 0 || pingIntervalMs <= 0 || heartbeatTimeoutMs <= pingIntervalMs || idleTimeoutMs <= 0 ||
            sendBufferBytes <= 0 || maxMessageBytes < 256 || maxRequestsPerSecond <= 0 || maxConnectionsPerIp <= 0 ||
            maxConnectionsPerKey <= 0 || maxSubscriptionsPerIp <= 0 || maxSubscriptionsPerKey <= 0)
        {
            throw new IllegalArgumentException("not a valid stream configuration (the heartbeat timeout must exceed " +
                "the ping interval, every bound must be positive): " + this);
        }
    }

    /** The configuration keys of the fields, in order, as {@code stream<Key>} in the server's configuration. */
    public static final List<String> KEYS = List.of("WindowMessages", "PingIntervalMs", "HeartbeatTimeoutMs",
        "IdleTimeoutMs", "SendBufferBytes", "MaxMessageBytes", "MaxRequestsPerSecond", "MaxConnectionsPerIp",
        "MaxConnectionsPerKey", "MaxSubscriptionsPerIp", "MaxSubscriptionsPerKey");

    /**
     * @param key   one of {@link #KEYS}.
     * @param value its value, a whole number.
     * @return this configuration with that value.
     * @throws IllegalArgumentException for an unknown key or a value out of range.
     */
    public StreamConfiguration with(final String key, final String value)
    {
        final int field = KEYS.indexOf(key);
        if (field < 0)
        {
            throw new IllegalArgumentException("unknown configuration key: stream" + key);
        }
        final long[] values = {windowMessages, pingIntervalMs, heartbeatTimeoutMs, idleTimeoutMs, sendBufferBytes,
            maxMessageBytes, maxRequestsPerSecond, maxConnectionsPerIp, maxConnectionsPerKey, maxSubscriptionsPerIp,
            maxSubscriptionsPerKey};
        values[field] = Long.parseLong(value.trim());
        return new StreamConfiguration(Math.toIntExact(values[0]), values[1], values[2], values[3],
            Math.toIntExact(values[4]), Math.toIntExact(values[5]), Math.toIntExact(values[6]),
            Math.toIntExact(values[7]), Math.toIntExact(values[8]), Math.toIntExact(values[9]),
            Math.toIntExact(values[10]));
    }
}
