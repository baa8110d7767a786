package dev.bourse.server.edge;

import io.netty.channel.Channel;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.impl.ConnectionBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The connection handler of one HTTP port: admits a new connection only while the port has fewer than
 * {@code maxConnections} open and its client IP fewer than {@code maxConnectionsPerIp}; any other is closed at once,
 * before a byte of it is read (so nothing it sent was applied), and counted, not logged one line each (a WARN sums
 * refusals up at most once a minute). An admitted connection gets the {@link RequestEdge} handlers: the request
 * deadline and the HTTP versions served. Thread-safe: every event loop of the port calls it.
 * <p>
 * Vert.x gives no public access to a connection's Netty channel; this class casts to Vert.x's
 * {@link ConnectionBase}, which every HTTP/1.x server connection is (the tests over real sockets would catch a
 * Vert.x upgrade that changed it).
 */
public final class ConnectionGuard implements Handler<HttpConnection>
{
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
    private static final long REFUSAL_LOG_INTERVAL_NS = TimeUnit.MINUTES.toNanos(1);

    private final String name;
    private final ConnectionLimits limits;
    private final AtomicInteger open = new AtomicInteger();
    private final KeyedLimiter perIp;
    private final KeyedLimiter perKey;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refusedTotal = new AtomicLong();
    private final AtomicLong cutOff = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong lastRefusalLogNs = new AtomicLong(System.nanoTime() - REFUSAL_LOG_INTERVAL_NS);
    private final AtomicLong refusalsLogged = new AtomicLong();

    /**
     * @param name   the port's name, for logs and metrics ({@code public}, {@code admin}).
     * @param limits the port's limits.
     */
    public ConnectionGuard(final String name, final ConnectionLimits limits)
    {
        this.name = name;
        this.limits = limits;
        this.perIp = new KeyedLimiter(limits.maxConnectionsPerIp());
        this.perKey = new KeyedLimiter(limits.maxConnectionsPerKey());
    }

    @Override
    public void handle(final HttpConnection connection)
    {
        final Channel channel = ((ConnectionBase)connection).channel();
        final String ip = ipOf(connection.remoteAddress());
        if (open.incrementAndGet() > limits.maxConnections())
        {
            open.decrementAndGet();
            refusedTotal.incrementAndGet();
            refuse(channel, "the port has " + limits.maxConnections() + " connections open");
            return;
        }
        if (!perIp.tryAcquire(ip))
        {
            open.decrementAndGet();
            refuse(channel, ip + " has " + limits.maxConnectionsPerIp() + " connections open");
            return;
        }
        accepted.incrementAndGet();
        channel.closeFuture().addListener(closed ->
        {
            perIp.release(ip);
            open.decrementAndGet();
        });
        RequestEdge.install(channel, limits.requestTimeoutMs(), this);
    }

    /**
     * The per-key cap: a long-lived connection (a stream) that an API key opened claims one of the key's
     * {@code maxConnectionsPerKey} places, given back when the connection closes.
     *
     * @param connection the connection, after the key authenticated on it.
     * @param apiKey     the key.
     * @return false when the key has its limit of connections open: refuse the stream.
     */
    public boolean claimForKey(final HttpConnection connection, final String apiKey)
    {
        if (!perKey.tryAcquire(apiKey))
        {
            return false;
        }
        ((ConnectionBase)connection).channel().closeFuture().addListener(closed -> perKey.release(apiKey));
        return true;
    }

    private void refuse(final Channel channel, final String why)
    {
        channel.close();
        final long now = System.nanoTime();
        final long last = lastRefusalLogNs.get();
        if (now - last >= REFUSAL_LOG_INTERVAL_NS && lastRefusalLogNs.compareAndSet(last, now))
        {
            final long refused = refused();
            LOG.warn("{} port: refused {} connection(s) since the last such line, the latest because {}; refusals " +
                "are counted in bourse_connections_refused_total and summed up here at most once a minute",
                name, refused - refusalsLogged.getAndSet(refused), why);
        }
    }

    void cutOff()
    {
        cutOff.incrementAndGet();
    }

    void malformed()
    {
        malformed.incrementAndGet();
    }

    private static String ipOf(final SocketAddress address)
    {
        return address == null || address.hostAddress() == null ? "" : address.hostAddress();
    }

    /** @return the port's name. */
    public String name()
    {
        return name;
    }

    /** @return the port's limits. */
    public ConnectionLimits limits()
    {
        return limits;
    }

    /** @return connections open now. */
    public int open()
    {
        return open.get();
    }

    /** @return connections admitted since the start. */
    public long accepted()
    {
        return accepted.get();
    }

    /** @return connections refused since the start because the port was full. */
    public long refusedTotal()
    {
        return refusedTotal.get();
    }

    /** @return connections refused since the start because their IP was at its limit. */
    public long refusedPerIp()
    {
        return perIp.refused();
    }

    /** @return streams refused since the start because their API key was at its limit. */
    public long refusedPerKey()
    {
        return perKey.refused();
    }

    /** @return connections refused since the start, for any reason. */
    public long refused()
    {
        return refusedTotal() + refusedPerIp();
    }

    /** @return connections closed since the start because a request did not arrive within the deadline. */
    public long cutOffs()
    {
        return cutOff.get();
    }

    /** @return requests since the start that the HTTP decoder or the version check refused. */
    public long malformedRequests()
    {
        return malformed.get();
    }
}
