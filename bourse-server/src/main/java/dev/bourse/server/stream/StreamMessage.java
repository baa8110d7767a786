package dev.bourse.server.stream;

import dev.bourse.engine.event.OrderCancelled;
import dev.bourse.engine.event.OrderIdList;
import dev.bourse.engine.event.OrderView;
import dev.bourse.server.readmodel.AccountFill;
import dev.bourse.server.readmodel.AccountStore;
import dev.bourse.server.readmodel.BookDepthStore;
import dev.bourse.server.readmodel.MarketTrade;
import dev.bourse.server.readmodel.TickerStore;

import java.util.List;

/**
 * One immutable message of the stream, made on the projection thread from a durable command's events (no JSON, no
 * I/O there) and encoded on the event loops. Every message has a {@link Header}: its position in the in-memory
 * window and its {@link StreamPlace} in the stream.
 */
public sealed interface StreamMessage
{
    /** @return where the message is. */
    Header header();

    /**
     * @param position      the message's position in the window: 0, 1, 2... since the server started.
     * @param sequence      the journal sequence of its command.
     * @param index         its index among the command's stream messages.
     * @param timestampMs   the command's time.
     * @param publishedAtUs the server's wall clock, in microseconds, when the publisher took the command: after its
     *                      batch was durable and the read model had followed it.
     */
    record Header(long position, long sequence, int index, long timestampMs, long publishedAtUs)
    {
        /** @return the message's place in the stream. */
        public StreamPlace place()
        {
            return new StreamPlace(sequence, index);
        }
    }

    /** What happened to an order. */
    enum OrderEvent
    {
        ACCEPTED, TRIGGERED, PARTIALLY_FILLED, FILLED, CANCELLED
    }

    /**
     * An order of the account changed; the view is the order after the change, as order information shows it.
     *
     * @param reason why it was cancelled, for CANCELLED only (else null).
     */
    record Order(Header header, long accountId, OrderEvent event, OrderCancelled.CancelReason reason, OrderView view)
        implements StreamMessage
    {
    }

    /** A cancel-all of the account on a pair, with every order it cancelled (an {@link Order} for each follows). */
    record CancelAll(Header header, long accountId, String coinPair, OrderIdList orderIds) implements StreamMessage
    {
    }

    /** One fill of one of the account's orders. */
    record Fill(Header header, long accountId, AccountFill fill, boolean maker) implements StreamMessage
    {
    }

    /** The account's balance in a currency after a change. */
    record Balance(Header header, long accountId, String currency, AccountStore.Balance balance)
        implements StreamMessage
    {
    }

    /** A trade of a pair. */
    record Trade(Header header, MarketTrade trade) implements StreamMessage
    {
    }

    /**
     * The price levels of a pair's book that a command changed, each with its new quantity (0: the level is gone).
     *
     * @param previousSequence the sequence of the pair's previous book message (or of the state the server started
     *                         from): a client whose book is at that sequence applies this one; any other is a gap.
     */
    record Book(Header header, String coinPair, long previousSequence, List<BookDepthStore.Level> bids,
        List<BookDepthStore.Level> asks) implements StreamMessage
    {
    }

    /** A pair's ticker after a command that traded on it or moved its best bid or ask. */
    record Ticker(Header header, String coinPair, long bid, long ask, TickerStore.Ticker ticker)
        implements StreamMessage
    {
    }

    /** An API key was revoked: its connections are closed. Never sent to clients. */
    record KeyRevoked(Header header, String apiKey) implements StreamMessage
    {
    }
}
