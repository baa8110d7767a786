package dev.bourse.client;

import java.time.Duration;
import java.util.List;

/**
 * What a {@link BourseStream} subscribes to, whether the server cancels the account's orders when the connection
 * ends, and how the stream waits between reconnections.
 *
 * @param channels                the channels.
 * @param cancelOnDisconnect      whether the server cancels the account's open orders when this stream's connection
 *                                ends (closed, dropped, or silent past the heartbeat timeout); re-enabled after each
 *                                reconnection.
 * @param cancelOnDisconnectPairs the pairs to cancel on, or empty for every pair.
 * @param initialBackoff          the wait before the first reconnection, doubled after each failed one.
 * @param maxBackoff              the longest wait between reconnections.
 */
public record StreamOptions(List<StreamChannel> channels, boolean cancelOnDisconnect,
    List<String> cancelOnDisconnectPairs, Duration initialBackoff, Duration maxBackoff)
{
    public StreamOptions
    {
        channels = List.copyOf(channels);
        cancelOnDisconnectPairs = List.copyOf(cancelOnDisconnectPairs);
        if (channels.isEmpty() && !cancelOnDisconnect)
        {
            throw new IllegalArgumentException("a stream needs a channel or cancel-on-disconnect");
        }
        ClientBuilder.positive(initialBackoff, "initialBackoff");
        if (maxBackoff.compareTo(initialBackoff) < 0)
        {
            throw new IllegalArgumentException("maxBackoff must be at least initialBackoff: " + maxBackoff);
        }
    }

    /** @return these channels, no cancel-on-disconnect, reconnections after 100 ms doubling up to 5 s. */
    public static StreamOptions of(final StreamChannel... channels)
    {
        return new StreamOptions(List.of(channels), false, List.of(), Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    /**
     * @param pairs the pairs whose orders are cancelled when the connection ends; none for every pair.
     * @return a stream of no channel that only holds cancel-on-disconnect (a dead man's switch).
     */
    public static StreamOptions cancelOnDisconnectOnly(final String... pairs)
    {
        return new StreamOptions(List.of(), true, List.of(pairs), Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    /**
     * @param pairs the pairs whose orders are cancelled when the connection ends; none for every pair.
     * @return these options with cancel-on-disconnect.
     */
    public StreamOptions withCancelOnDisconnect(final String... pairs)
    {
        return new StreamOptions(channels, true, List.of(pairs), initialBackoff, maxBackoff);
    }

    /** @return these options with other waits between reconnections. */
    public StreamOptions withReconnectBackoff(final Duration initial, final Duration max)
    {
        return new StreamOptions(channels, cancelOnDisconnect, cancelOnDisconnectPairs, initial, max);
    }

    /** @return whether a login is needed: a private channel or cancel-on-disconnect. */
    boolean needsLogin()
    {
        return cancelOnDisconnect || channels.stream().anyMatch(StreamChannel::isPrivate);
    }

    boolean has(final StreamChannel channel)
    {
        return channels.contains(channel);
    }
}
