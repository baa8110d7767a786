package dev.bourse.server.stream;

/** The channels a connection subscribes to: three private ones of the logged-in account, three public ones per pair. */
public enum Channel
{
    /** Every change of the account's orders, and its cancel-alls. */
    ORDERS("orders", true),
    /** The account's fills, with their fees. */
    FILLS("fills", true),
    /** The account's balances after each change. */
    BALANCES("balances", true),
    /** The pair's trades. */
    TRADES("trades", false),
    /** The pair's order book: a snapshot, then the changed price levels. */
    BOOK("book", false),
    /** The pair's ticker when a command changed it. */
    TICKER("ticker", false);

    private final String wireName;
    private final boolean privateChannel;

    Channel(final String wireName, final boolean privateChannel)
    {
        this.wireName = wireName;
        this.privateChannel = privateChannel;
    }

    /** @return the name clients use. */
    public String wireName()
    {
        return wireName;
    }

    /** @return whether the channel belongs to the logged-in account (else it belongs to a pair). */
    public boolean isPrivate()
    {
        return privateChannel;
    }

    /** @return the channel of this name, or null. */
    static Channel ofWireName(final String name)
    {
        for (final Channel channel : values())
        {
            if (channel.wireName.equals(name))
            {
                return channel;
            }
        }
        return null;
    }
}
