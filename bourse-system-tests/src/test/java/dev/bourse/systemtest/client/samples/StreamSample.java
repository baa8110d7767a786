package dev.bourse.systemtest.client.samples;

import dev.bourse.client.BookLevel;
import dev.bourse.client.BourseClient;
import dev.bourse.client.BourseStream;
import dev.bourse.client.OrderBook;
import dev.bourse.client.StreamChannel;
import dev.bourse.client.StreamEvent;
import dev.bourse.client.StreamOptions;

import java.math.BigDecimal;
import java.util.List;

/** Sample: follow your orders, fills and a pair's book in real time, with cancel-on-disconnect. */
public final class StreamSample
{
    private StreamSample()
    {
    }

    /**
     * Opens a stream that prints each change of the caller's orders and each fill, keeps the pair's book, and has the
     * server cancel the caller's orders on the pair if the connection ends.
     *
     * @param seen every event delivered is added to it (for the test).
     * @return the stream; close it when done.
     */
    public static BourseStream follow(final BourseClient client, final String coinPair, final List<StreamEvent> seen)
    {
        final StreamOptions options = StreamOptions.of(
                StreamChannel.orders(), StreamChannel.fills(), StreamChannel.book(coinPair))
            .withCancelOnDisconnect(coinPair);
        return client.stream(options, event ->
        {
            switch (event)
            {
                case StreamEvent.OrderChanged changed ->
                    System.out.println(changed.event() + " " + changed.order().orderId() + " " +
                        changed.order().status());
                case StreamEvent.Filled filled ->
                    System.out.println("filled " + filled.fill().amount() + " @ " + filled.fill().price());
                case StreamEvent.Resynced resynced ->
                    System.out.println("events may be missing; " + resynced.openOrders().size() + " open orders");
                default ->
                {
                }
            }
            seen.add(event);
        });
    }

    /** @return the best bid of the book the stream keeps, null when there is none. */
    public static BigDecimal bestBid(final BourseStream stream, final String coinPair)
    {
        final OrderBook book = stream.orderBook(coinPair);
        return book.bids().isEmpty() ? null : book.bids().getFirst().price();
    }

    /** @return the levels the stream's book holds, both sides. */
    public static int levels(final BourseStream stream, final String coinPair)
    {
        final List<BookLevel> bids = stream.orderBook(coinPair).bids();
        return bids.size() + stream.orderBook(coinPair).asks().size();
    }
}
