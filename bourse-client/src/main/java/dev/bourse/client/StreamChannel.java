package dev.bourse.client;

import java.util.Objects;

/**
 * A channel of the streams: the logged-in account's {@link #orders()}, {@link #fills()} and {@link #balances()}, or a
 * pair's {@link #trades(String)}, {@link #book(String)} and {@link #ticker(String)}.
 *
 * @param name     the channel's name: orders, fills, balances, trades, book or ticker.
 * @param coinPair the pair of a public channel, null for a private one.
 */
public record StreamChannel(String name, String coinPair)
{
    /** @return every change of the account's orders, and its cancel-alls. */
    public static StreamChannel orders()
    {
        return new StreamChannel("orders", null);
    }

    /** @return the account's fills. */
    public static StreamChannel fills()
    {
        return new StreamChannel("fills", null);
    }

    /** @return the account's balances after each change. */
    public static StreamChannel balances()
    {
        return new StreamChannel("balances", null);
    }

    /** @return the trades of a pair. */
    public static StreamChannel trades(final String coinPair)
    {
        return new StreamChannel("trades", Objects.requireNonNull(coinPair, "coinPair"));
    }

    /** @return the order book of a pair, kept by the SDK from a snapshot and the changes. */
    public static StreamChannel book(final String coinPair)
    {
        return new StreamChannel("book", Objects.requireNonNull(coinPair, "coinPair"));
    }

    /** @return the ticker of a pair. */
    public static StreamChannel ticker(final String coinPair)
    {
        return new StreamChannel("ticker", Objects.requireNonNull(coinPair, "coinPair"));
    }

    /** @return whether the channel belongs to the logged-in account. */
    public boolean isPrivate()
    {
        return coinPair == null;
    }

    /** @return the name the server knows it by: {@code orders}, {@code book:BTC.USDT}. */
    public String wireName()
    {
        return coinPair == null ? name : name + ":" + coinPair;
    }
}
