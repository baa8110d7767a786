package dev.bourse.server.edge;

/**
 * The limits of one HTTP port.
 *
 * @param maxConnections      connections open at once on the port; beyond, a new connection is closed at once.
 * @param maxConnectionsPerIp connections open at once from one client IP address.
 * @param maxConnectionsPerKey connections open at once that one API key has claimed (long-lived streams, see
 *                             {@link ConnectionGuard#claimForKey}).
 * @param requestTimeoutMs    the time a request may take to arrive, from the first read that carries a part of it to
 *                            the end of its body; beyond, the connection is closed without an answer.
 * @param idleTimeoutMs       the time a connection may stay without traffic (keep-alive between requests).
 */
public record ConnectionLimits(int maxConnections, int maxConnectionsPerIp, int maxConnectionsPerKey,
    long requestTimeoutMs, long idleTimeoutMs)
{
    public ConnectionLimits
    {
        if (maxConnections < 1 || maxConnectionsPerIp < 1 || maxConnectionsPerKey < 1 || requestTimeoutMs < 1 ||
            idleTimeoutMs < 1)
        {
            throw new IllegalArgumentException("connection limits must be positive: " + maxConnections + ", " +
                maxConnectionsPerIp + ", " + maxConnectionsPerKey + ", " + requestTimeoutMs + ", " + idleTimeoutMs);
        }
    }

    /** @return the same limits with at most {@code maxConnections} connections (and no more per IP or key). */
    public ConnectionLimits withMaxConnections(final int maxConnections)
    {
        return new ConnectionLimits(maxConnections, Math.min(maxConnectionsPerIp, maxConnections),
            Math.min(maxConnectionsPerKey, maxConnections), requestTimeoutMs, idleTimeoutMs);
    }
}
