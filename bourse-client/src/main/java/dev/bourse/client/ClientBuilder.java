package dev.bourse.client;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings common to {@link BourseClient} and {@link BourseAdminClient}: base URI (and the other nodes of a cluster),
 * timeouts, retries and the clock.
 *
 * @param <B> the concrete builder.
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>>
{
    final URI baseUri;
    List<URI> failoverUris = List.of();
    Duration connectTimeout = Duration.ofSeconds(5);
    Duration requestTimeout = Duration.ofSeconds(10);
    int maxAttempts = 3;
    Duration initialBackoff = Duration.ofMillis(100);
    Duration maxBackoff = Duration.ofSeconds(2);
    InstantSource clock = InstantSource.system();

    ClientBuilder(final URI baseUri)
    {
        Objects.requireNonNull(baseUri, "baseUri");
        this.baseUri = withoutTrailingSlash(baseUri);
    }

    private static URI withoutTrailingSlash(final URI uri)
    {
        final String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    @SuppressWarnings("unchecked")
    private B self()
    {
        return (B)this;
    }

    /** @return this builder with the time allowed to open a connection (default 5 s). */
    public B connectTimeout(final Duration connectTimeout)
    {
        this.connectTimeout = positive(connectTimeout, "connectTimeout");
        return self();
    }

    /** @return this builder with the time allowed for one request's answer (default 10 s). */
    public B requestTimeout(final Duration requestTimeout)
    {
        this.requestTimeout = positive(requestTimeout, "requestTimeout");
        return self();
    }

    /**
     * @param maxAttempts    attempts in all for a request that is safe to repeat (default 3; 1 = no retry).
     * @param initialBackoff the delay before the second attempt, doubled for each further one (default 100 ms).
     * @param maxBackoff     the longest delay between attempts (default 2 s).
     * @return this builder.
     */
    public B retries(final int maxAttempts, final Duration initialBackoff, final Duration maxBackoff)
    {
        if (maxAttempts < 1 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0)
        {
            throw new IllegalArgumentException("bad retries: " + maxAttempts + ", " + initialBackoff + ", " +
                maxBackoff);
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        return self();
    }

    /**
     * The other nodes of a cluster (docs/CLUSTER.md), each serving the same API. A request that failed to reach the
     * node in use or got no answer, and is retried (a read, a cancel, a cancel-all, a PUT pair, or any request whose
     * connection could not be made), is retried on the next node, which is used from then on. A request that may have
     * reached a node and is not safe to repeat (an order) is never sent again: it ends in
     * {@link OutcomeUnknownException}, on one node as on several.
     *
     * @param uris the base URIs of the other nodes, in the order they are tried.
     * @return this builder.
     */
    public B failoverUris(final URI... uris)
    {
        final List<URI> others = new ArrayList<>();
        for (final URI uri : uris)
        {
            others.add(withoutTrailingSlash(Objects.requireNonNull(uri, "uri")));
        }
        this.failoverUris = List.copyOf(others);
        return self();
    }

    /** @return the base URIs to use: the builder's, then the failover ones. */
    List<URI> baseUris()
    {
        final List<URI> uris = new ArrayList<>();
        uris.add(baseUri);
        uris.addAll(failoverUris);
        return List.copyOf(uris);
    }

    /** @return this builder with the local clock (default the system clock); for tests and simulations. */
    public B clock(final InstantSource clock)
    {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    static Duration positive(final Duration duration, final String name)
    {
        if (duration == null || duration.isNegative() || duration.isZero())
        {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
        return duration;
    }
}
