package dev.bourse.server.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.bourse.server.gateway.JsonBody;
import dev.bourse.server.gateway.JsonViews;
import dev.bourse.server.gateway.PairParameter;
import dev.bourse.server.readmodel.MarketDirectory;
import dev.bourse.server.readmodel.TickerStore;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;

/**
 * Writes what the server sends on {@code /v1/ws} as JSON text, on the event loops: the stream messages (their
 * objects written by {@link JsonViews}, exactly as the REST answers show them) and the replies to client requests.
 * The first fields are always {@code type}, then for a stream message {@code seq}, {@code idx}, {@code timestamp}
 * and {@code publishedAtUs}.
 */
final class StreamCodec
{
    private static final JsonFactory JSON = JsonFactory.builder()
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .build();

    private final MarketDirectory markets;
    private final JsonViews views;

    /** @param markets scales and pairs. */
    StreamCodec(final MarketDirectory markets)
    {
        this.markets = markets;
        this.views = new JsonViews(markets);
    }

    /** @return the message as the JSON text clients receive; KeyRevoked is never sent. */
    String encode(final StreamMessage message)
    {
        return write(json ->
        {
            json.writeStartObject();
            switch (message)
            {
                case StreamMessage.Order order ->
                {
                    head(json, "order", order.header());
                    json.writeStringField("event", order.event().name());
                    if (order.reason() != null)
                    {
                        json.writeStringField("reason", order.reason().name());
                    }
                    json.writeFieldName("order");
                    views.orderInfo(json, order.view());
                }
                case StreamMessage.CancelAll cancelAll ->
                {
                    head(json, "cancelAll", cancelAll.header());
                    json.writeStringField("coinPair", cancelAll.coinPair());
                    json.writeArrayFieldStart("orderIDList");
                    for (int i = 0; i < cancelAll.orderIds().size(); i++)
                    {
                        json.writeNumber(cancelAll.orderIds().get(i));
                    }
                    json.writeEndArray();
                }
                case StreamMessage.Fill fill ->
                {
                    head(json, "fill", fill.header());
                    json.writeBooleanField("maker", fill.maker());
                    json.writeFieldName("fill");
                    views.accountFill(json, fill.fill());
                }
                case StreamMessage.Balance balance ->
                {
                    head(json, "balance", balance.header());
                    json.writeFieldName("balance");
                    views.balance(json, balance.currency(), balance.balance());
                }
                case StreamMessage.Trade trade ->
                {
                    head(json, "trade", trade.header());
                    json.writeStringField("coinPair", trade.trade().coinPair());
                    json.writeFieldName("trade");
                    views.marketTrade(json, trade.trade());
                }
                case StreamMessage.Book book ->
                {
                    head(json, "book", book.header());
                    json.writeStringField("coinPair", book.coinPair());
                    json.writeNumberField("prevSeq", book.previousSequence());
                    views.bookSides(json, pair(book.coinPair()), book.bids(), book.asks());
                }
                case StreamMessage.Ticker ticker ->
                {
                    head(json, "ticker", ticker.header());
                    json.writeStringField("coinPair", ticker.coinPair());
                    json.writeFieldName("ticker");
                    views.ticker(json, pair(ticker.coinPair()), ticker.bid(), ticker.ask(), ticker.ticker());
                }
                case StreamMessage.KeyRevoked revoked ->
                    throw new IllegalArgumentException("a KeyRevoked message is never sent");
            }
            json.writeEndObject();
        });
    }

    private static void head(final JsonGenerator json, final String type, final StreamMessage.Header header)
        throws IOException
    {
        json.writeStringField("type", type);
        json.writeNumberField("seq", header.sequence());
        json.writeNumberField("idx", header.index());
        json.writeNumberField("timestamp", header.timestampMs());
        json.writeNumberField("publishedAtUs", header.publishedAtUs());
    }

    private MarketDirectory.Pair pair(final String coinPair)
    {
        return PairParameter.require(markets, coinPair);
    }

    /** @return the snapshot that starts a book subscription. */
    String bookSnapshot(final String coinPair, final BookMirror.Snapshot snapshot)
    {
        return write(json ->
        {
            json.writeStartObject();
            json.writeStringField("type", "bookSnapshot");
            json.writeStringField("coinPair", coinPair);
            json.writeNumberField("seq", snapshot.sequence());
            views.bookSides(json, pair(coinPair), snapshot.bids(), snapshot.asks());
            json.writeEndObject();
        });
    }

    /** @return the ticker that starts a ticker subscription. */
    String tickerSnapshot(final String coinPair, final long bid, final long ask, final TickerStore.Ticker ticker)
    {
        return write(json ->
        {
            json.writeStartObject();
            json.writeStringField("type", "tickerSnapshot");
            json.writeStringField("coinPair", coinPair);
            json.writeFieldName("ticker");
            views.ticker(json, pair(coinPair), bid, ask, ticker);
            json.writeEndObject();
        });
    }

    /**
     * @param type   the reply's type.
     * @param id     the request's id, or null.
     * @param fields what follows {@code type} and {@code id}.
     * @return a reply to a client request (or a notice such as {@code welcome}).
     */
    static String reply(final String type, final RequestId id, final JsonBody fields)
    {
        return write(json ->
        {
            json.writeStartObject();
            json.writeStringField("type", type);
            if (id != null)
            {
                id.write(json);
            }
            fields.write(json);
            json.writeEndObject();
        });
    }

    /** @return an error reply. */
    static String error(final RequestId id, final int code, final String message)
    {
        return reply("error", id, json ->
        {
            json.writeNumberField("code", code);
            json.writeStringField("message", message);
        });
    }

    /** Writes the names of subscriptions as a JSON array field. */
    static void channels(final JsonGenerator json, final String field, final Collection<Subscription> subscriptions)
        throws IOException
    {
        json.writeArrayFieldStart(field);
        for (final Subscription subscription : subscriptions)
        {
            json.writeString(subscription.wireName());
        }
        json.writeEndArray();
    }

    private static String write(final JsonBody body)
    {
        final StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out))
        {
            body.write(json);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }
}
