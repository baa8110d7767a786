package dev.bourse.server.stream;

/**
 * One subscription of a connection: a private channel ({@code orders}), or a public channel of a pair
 * ({@code book:BTC.USDT}).
 *
 * @param channel  the channel.
 * @param coinPair the pair of a public channel, null for a private one.
 */
public record Subscription(Channel channel, String coinPair)
{
    /** @return the name clients use: {@code orders}, {@code book:BTC.USDT}. */
    public String wireName()
    {
        return coinPair == null ? channel.wireName() : channel.wireName() + ":" + coinPair;
    }

    /**
     * @param name a channel name as a client sends it.
     * @return the subscription it names, or null when no channel has this name (the pair is not checked here).
     */
    static Subscription parse(final String name)
    {
        final int colon = name.indexOf(':');
        final Channel channel = Channel.ofWireName(colon < 0 ? name : name.substring(0, colon));
        if (channel == null || channel.isPrivate() != (colon < 0) || (colon >= 0 && colon == name.length() - 1))
        {
            return null;
        }
        return new Subscription(channel, colon < 0 ? null : name.substring(colon + 1));
    }
}
