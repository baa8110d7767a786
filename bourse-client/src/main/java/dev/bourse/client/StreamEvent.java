package dev.bourse.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * What a {@link BourseStream} delivers: the stream's messages as typed records (written as JSON they have the
 * server's field names, {@code type} first), and the connection's own events ({@link Connected},
 * {@link Disconnected}, {@link Resynced}). Objects inside the messages are the REST API's records: an order is an
 * {@link OrderInfo} exactly as {@code GET /v2/account/orders/{id}} shows it.
 */
public sealed interface StreamEvent
{
    /** @return the message type as the server names it ({@code order}, {@code book}, ...). */
    @JsonProperty("type")
    String type();

    /** What happened to an order. */
    enum OrderEventType
    {
        ACCEPTED, TRIGGERED, PARTIALLY_FILLED, FILLED, CANCELLED
    }

    /** Why an order's remainder was cancelled. */
    enum CancelReason
    {
        /** A cancel by its owner. */
        USER,
        /** A cancel-all by its owner ({@link OrdersCancelled} of the same sequence lists it). */
        CANCEL_ALL,
        /** What a market order could not fill. */
        UNFILLED_MARKET,
        /** A resting order that would have traded with an order of the same account. */
        SELF_TRADE
    }

    /** A message of the stream, with its place. */
    sealed interface Message extends StreamEvent
    {
        /** @return the journal sequence of the command the message came from. */
        @JsonProperty("seq")
        long sequence();

        /** @return the message's index among the command's messages. */
        @JsonProperty("idx")
        int index();

        /** @return the message's place in the stream. */
        @JsonIgnore
        default StreamPlace place()
        {
            return new StreamPlace(sequence(), index());
        }
    }

    /**
     * One of the account's orders changed (channel orders).
     *
     * @param sequence      the command's sequence.
     * @param index         the message's index in it.
     * @param timestampMs   the command's time.
     * @param publishedAtUs the server's clock (microseconds) when the message was made, after its command was durable.
     * @param event         what happened.
     * @param reason        why it was cancelled (CANCELLED only, else null).
     * @param order         the order after the change.
     */
    @JsonPropertyOrder({"type", "seq", "idx", "timestamp", "publishedAtUs", "event", "reason", "order"})
    record OrderChanged(long sequence, int index, @JsonProperty("timestamp") long timestampMs, long publishedAtUs,
        OrderEventType event, CancelReason reason, OrderInfo order) implements Message
    {
        @Override
        public String type()
        {
            return "order";
        }
    }

    /**
     * A cancel-all of the account, with every order it cancelled; an {@link OrderChanged} for each follows (channel
     * orders).
     */
    @JsonPropertyOrder({"type", "seq", "idx", "timestamp", "publishedAtUs", "coinPair", "orderIDList"})
    record OrdersCancelled(long sequence, int index, @JsonProperty("timestamp") long timestampMs, long publishedAtUs,
        String coinPair, @JsonProperty("orderIDList") List<Long> orderIds) implements Message
    {
        @Override
        public String type()
        {
            return "cancelAll";
        }
    }

    /**
     * One fill of one of the account's orders, as account tradeHistory shows it (channel fills).
     *
     * @param maker whether the account's order was the resting one.
     */
    @JsonPropertyOrder({"type", "seq", "idx", "timestamp", "publishedAtUs", "maker", "fill"})
    record Filled(long sequence, int index, @JsonProperty("timestamp") long timestampMs, long publishedAtUs,
        boolean maker, AccountTrade fill) implements Message
    {
        @Override
        public String type()
        {
            return "fill";
        }
    }

    /** The account's balance in a currency after a change (channel balances). */
    @JsonPropertyOrder({"type", "seq", "idx", "timestamp", "publishedAtUs", "balance"})
    record BalanceChanged(long sequence, int index, @JsonProperty("timestamp") long timestampMs, long publishedAtUs,
        Balance balance) implements Message
    {
        @Override
        public String type()
        {
            return "balance";
        }
    }

    /** A trade of a pair (channel trades). */
    @JsonPropertyOrder({"type", "seq", "idx", "timestamp", "publishedAtUs", "coinPair", "trade"})
    record Traded(long sequence, int index, @JsonProperty("timestamp") long timestampMs, long publishedAtUs,
        String coinPair, MarketTrade trade) implements Message
    {
        @Override
        public String type()
        {
            return "trade";
        }
    }

    /**
     * The pair's book changed (channel book): the levels given, with their new amounts (0: gone). The SDK has applied
     * them to its copy of the book already ({@link BourseStream#orderBook(String)}).
     *
     * @param sequence         the command's sequence.
     * @param index            the message's index in it.
     * @param timestampMs      the command's time.
     * @param publishedAtUs    the server's clock (microseconds) when the message was made.
     * @param coinPair         the pair.
     * @param previousSequence the sequence of the book message before this one.
     * @param bids             changed buy levels, highest first.
     * @param asks             changed sell levels, lowest first.
     */
    @JsonPropertyOrder({"type", "seq", "idx", "timestamp", "publishedAtUs", "coinPair", "prevSeq", "BID", "ASK"})
    record BookChanged(long sequence, int index, @JsonProperty("timestamp") long timestampMs, long publishedAtUs,
        String coinPair, @JsonProperty("prevSeq") long previousSequence, @JsonProperty("BID") List<BookLevel> bids,
        @JsonProperty("ASK") List<BookLevel> asks) implements Message
    {
        @Override
        public String type()
        {
            return "book";
        }
    }

    /**
     * The whole book of a pair, which the SDK's copy now is: when the book is subscribed, and again after a gap.
     *
     * @param sequence the sequence of the book's last change in it.
     */
    @JsonPropertyOrder({"type", "coinPair", "seq", "BID", "ASK"})
    record BookSnapshot(String coinPair, @JsonProperty("seq") long sequence, @JsonProperty("BID") List<BookLevel> bids,
        @JsonProperty("ASK") List<BookLevel> asks) implements StreamEvent
    {
        @Override
        public String type()
        {
            return "bookSnapshot";
        }
    }

    /** A pair's ticker after a command that traded on it or moved its best bid or ask (channel ticker). */
    @JsonPropertyOrder({"type", "seq", "idx", "timestamp", "publishedAtUs", "coinPair", "ticker"})
    record TickerChanged(long sequence, int index, @JsonProperty("timestamp") long timestampMs, long publishedAtUs,
        String coinPair, Ticker ticker) implements Message
    {
        @Override
        public String type()
        {
            return "ticker";
        }
    }

    /** A pair's ticker as it is when the ticker is subscribed. */
    @JsonPropertyOrder({"type", "coinPair", "ticker"})
    record TickerSnapshot(String coinPair, Ticker ticker) implements StreamEvent
    {
        @Override
        public String type()
        {
            return "tickerSnapshot";
        }
    }

    /**
     * The stream is connected and subscribed.
     *
     * @param resumed whether it resumed after the last message delivered (nothing was lost across the reconnect).
     */
    record Connected(boolean resumed) implements StreamEvent
    {
        @Override
        public String type()
        {
            return "connected";
        }
    }

    /**
     * The connection ended; the stream reconnects and resumes unless {@code willReconnect} is false (it was closed,
     * or the server refused the login).
     *
     * @param code          the WebSocket close code, or -1 when the connection failed without one.
     * @param reason        what the server or the network said.
     * @param willReconnect whether the stream tries again.
     */
    record Disconnected(int code, String reason, boolean willReconnect) implements StreamEvent
    {
        @Override
        public String type()
        {
            return "disconnected";
        }
    }

    /**
     * The stream could not resume (the messages after the last one delivered have left the server's window, or the
     * server restarted): messages may have been lost, so the account's state was read again over REST and is given
     * here, as of a moment after every message delivered before this event. Books and tickers get a new snapshot.
     *
     * @param reason      what the server said.
     * @param balances    every balance (when balances are subscribed, else empty).
     * @param openOrders  the open orders, up to 100 per market (when orders are subscribed, else empty).
     */
    record Resynced(String reason, List<Balance> balances, List<OpenOrder> openOrders) implements StreamEvent
    {
        @Override
        public String type()
        {
            return "resynced";
        }
    }
}
