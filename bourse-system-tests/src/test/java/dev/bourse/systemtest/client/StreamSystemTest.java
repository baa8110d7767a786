package dev.bourse.systemtest.client;

import dev.bourse.client.AccountTrade;
import dev.bourse.client.BourseClient;
import dev.bourse.client.BourseException;
import dev.bourse.client.BourseStream;
import dev.bourse.client.MarketTradesQuery;
import dev.bourse.client.OpenOrder;
import dev.bourse.client.OpenOrdersQuery;
import dev.bourse.client.OrderAck;
import dev.bourse.client.OrderRequest;
import dev.bourse.client.OrderSide;
import dev.bourse.client.OrderStatus;
import dev.bourse.client.StreamChannel;
import dev.bourse.client.StreamEvent;
import dev.bourse.client.StreamOptions;
import dev.bourse.client.TradeHistoryQuery;
import dev.bourse.server.stream.StreamConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SDK's streaming client against a real server: typed events of every kind, each equal to what the SDK's REST
 * calls read; the book it keeps equal to the REST book; resuming by itself through connections cut under it (nothing
 * lost, nothing twice); resyncing from REST when the server cannot resume; a refused login.
 */
class StreamSystemTest
{
    private static final String PAIR = ClientExchange.PAIR;

    private ClientExchange exchange;

    @AfterEach
    void closeExchange() throws Exception
    {
        exchange.close();
    }

    private ClientExchange.Trader trader() throws Exception
    {
        final ClientExchange.Trader trader = exchange.fundedTrader(10_000, 100_000, "USDT", "100000");
        exchange.deposit(trader.accountId(), "BTC", "100");
        return trader;
    }

    private static OrderAck limit(final BourseClient client, final OrderSide side, final String price,
        final String quantity)
    {
        return client.placeOrder(OrderRequest.limit(PAIR, side, new BigDecimal(quantity), new BigDecimal(price)));
    }

    @Test
    void shouldDeliverTypedEventsEqualToWhatRestReads() throws Exception
    {
        exchange = new ClientExchange();
        final ClientExchange.Trader maker = trader();
        final ClientExchange.Trader taker = trader();
        final EventLog events = new EventLog();
        try (BourseStream stream = maker.client().stream(StreamOptions.of(StreamChannel.orders(),
            StreamChannel.fills(), StreamChannel.balances(), StreamChannel.trades(PAIR), StreamChannel.book(PAIR),
            StreamChannel.ticker(PAIR)), events))
        {
            events.await(StreamEvent.BookSnapshot.class, snapshot -> PAIR.equals(snapshot.coinPair()));
            events.await(StreamEvent.TickerSnapshot.class, snapshot -> true);
            final long sell = limit(maker.client(), OrderSide.SELL, "30000", "1").orderId();
            limit(maker.client(), OrderSide.BUY, "29000", "0.5");
            taker.client().placeOrder(OrderRequest.market(PAIR, OrderSide.BUY, new BigDecimal("0.25")));

            final StreamEvent.OrderChanged partial = events.await(StreamEvent.OrderChanged.class,
                order -> order.order().orderId() == sell &&
                    order.event() == StreamEvent.OrderEventType.PARTIALLY_FILLED);
            assertThat(partial.order()).isEqualTo(maker.client().orderInfo(sell));
            final StreamEvent.Filled fill = events.await(StreamEvent.Filled.class, filled -> true);
            assertThat(fill.maker()).isTrue();
            assertThat(fill.fill())
                .isIn(maker.client().tradeHistory(TradeHistoryQuery.all()).toArray(AccountTrade[]::new));
            final StreamEvent.Traded trade = events.await(StreamEvent.Traded.class, traded -> true);
            assertThat(trade.trade()).isEqualTo(maker.client().marketTrades(MarketTradesQuery.of(PAIR)).getFirst());
            events.await(StreamEvent.TickerChanged.class,
                ticker -> ticker.ticker().last().compareTo(new BigDecimal("30000")) == 0);
            events.await(StreamEvent.BalanceChanged.class, balance -> "BTC".equals(balance.balance().currency()));
            events.await(StreamEvent.BookChanged.class, book -> book.sequence() == partial.sequence());
            assertThat(stream.orderBook(PAIR)).isEqualTo(maker.client().orderBook(PAIR, 1000));

            final List<Long> cancelled = maker.client().cancelAllOrders(PAIR).orderIds();
            final StreamEvent.OrdersCancelled cancelAll = events.await(StreamEvent.OrdersCancelled.class, all -> true);
            assertThat(cancelAll.orderIds()).isEqualTo(cancelled).hasSize(2);
            for (final long orderId : cancelled)
            {
                final StreamEvent.OrderChanged order = events.await(StreamEvent.OrderChanged.class,
                    changed -> changed.order().orderId() == orderId &&
                        changed.reason() == StreamEvent.CancelReason.CANCEL_ALL);
                assertThat(order.order()).isEqualTo(maker.client().orderInfo(orderId));
                assertThat(order.order().status()).isEqualTo(OrderStatus.COMPLETE);
            }
            events.await(StreamEvent.BookChanged.class, book -> book.sequence() == cancelAll.sequence());
            assertThat(stream.orderBook(PAIR)).isEqualTo(maker.client().orderBook(PAIR, 1000));
            assertThat(stream.lastPlace()).isNotNull();
        }
    }

    @Test
    void shouldResumeThroughCutConnectionsWithNothingLostAndNothingTwice() throws Exception
    {
        exchange = new ClientExchange();
        final ClientExchange.Trader trader = trader();
        final ClientExchange.Trader other = trader();
        final StreamOptions options = StreamOptions.of(StreamChannel.orders(), StreamChannel.fills(),
            StreamChannel.balances(), StreamChannel.book(PAIR)).withReconnectBackoff(Duration.ofMillis(10),
            Duration.ofMillis(100));
        final EventLog reference = new EventLog();
        final EventLog cut = new EventLog();
        try (TcpProxy proxy = new TcpProxy(exchange.server.publicPort());
            BourseClient viaProxy = exchange.client(trader.key(),
                builder -> BourseClient.builder(URI.create("http://127.0.0.1:" + proxy.port()))
                    .credentials(trader.key().apiKey(), trader.key().apiSecret()).rateLimit(10_000, 100_000));
            BourseStream direct = trader.client().stream(options, reference);
            BourseStream resuming = viaProxy.stream(options, cut))
        {
            long last = 0;
            for (int round = 0; round < 5; round++)
            {
                for (int i = 0; i < 10; i++)
                {
                    final boolean buy = i % 2 == 0;
                    limit(i % 3 == 0 ? other.client() : trader.client(), buy ? OrderSide.BUY : OrderSide.SELL,
                        Integer.toString(29_990 + (i * 7) % 20), "0.01");
                }
                proxy.cut(false);
                last = limit(trader.client(), OrderSide.BUY, "20000", "0.01").orderId();
            }
            final long lastOrder = last;
            for (final EventLog log : List.of(cut, reference))
            {
                final long sequence = log.await(StreamEvent.OrderChanged.class,
                    order -> order.order().orderId() == lastOrder).sequence();
                log.await(StreamEvent.BookChanged.class, book -> book.sequence() == sequence);
            }

            final List<StreamEvent.Message> expected = reference.all(StreamEvent.Message.class);
            final List<StreamEvent.Message> received = cut.all(StreamEvent.Message.class);
            assertThat(received).as("every message once, in order, across the cuts").isEqualTo(expected);
            assertThat(cut.all(StreamEvent.Disconnected.class)).isNotEmpty()
                .allSatisfy(disconnected -> assertThat(disconnected.willReconnect()).isTrue());
            assertThat(cut.all(StreamEvent.Connected.class)).extracting(StreamEvent.Connected::resumed)
                .startsWith(false).contains(true).containsOnlyOnce(false);
            assertThat(cut.all(StreamEvent.Resynced.class)).isEmpty();
            assertThat(resuming.orderBook(PAIR)).isEqualTo(trader.client().orderBook(PAIR, 1000));
        }
    }

    @Test
    void shouldResyncFromRestWhenTheServerCannotResume() throws Exception
    {
        exchange = new ClientExchange(context -> context.streamConfiguration(
            StreamConfiguration.DEFAULT.with("WindowMessages", "16")));
        final ClientExchange.Trader trader = trader();
        final EventLog events = new EventLog();
        try (TcpProxy proxy = new TcpProxy(exchange.server.publicPort());
            BourseClient viaProxy = exchange.client(trader.key(),
                builder -> BourseClient.builder(URI.create("http://127.0.0.1:" + proxy.port()))
                    .credentials(trader.key().apiKey(), trader.key().apiSecret()).rateLimit(10_000, 100_000));
            BourseStream stream = viaProxy.stream(StreamOptions.of(StreamChannel.orders(), StreamChannel.balances(),
                StreamChannel.book(PAIR)).withReconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(50)), events))
        {
            limit(trader.client(), OrderSide.BUY, "20000", "0.01");
            events.await(StreamEvent.OrderChanged.class, order -> true);
            proxy.cut(true);
            final List<Long> placed = new ArrayList<>();
            for (int i = 0; i < 10; i++)
            {
                placed.add(limit(trader.client(), OrderSide.BUY, Integer.toString(20_001 + i), "0.01").orderId());
            }
            proxy.accept(true);

            final StreamEvent.Resynced resynced = events.await(StreamEvent.Resynced.class, any -> true);
            assertThat(resynced.reason()).contains("resync from REST");
            assertThat(resynced.balances()).isEqualTo(trader.client().balances());
            assertThat(resynced.openOrders()).extracting(OpenOrder::orderId).containsAll(placed)
                .containsExactlyInAnyOrderElementsOf(trader.client().openOrders(OpenOrdersQuery.forPair(PAIR))
                    .stream().map(OpenOrder::orderId).toList());
            assertThat(events.all(StreamEvent.Connected.class)).extracting(StreamEvent.Connected::resumed)
                .containsExactly(false, false);
            assertThat(events.all(StreamEvent.BookSnapshot.class)).as("a new snapshot after the resync").hasSize(2);
            final long after = limit(trader.client(), OrderSide.BUY, "20100", "0.01").orderId();
            final StreamEvent.OrderChanged accepted =
                events.await(StreamEvent.OrderChanged.class, order -> order.order().orderId() == after);
            events.await(StreamEvent.BookChanged.class, book -> book.sequence() == accepted.sequence());
            assertThat(stream.orderBook(PAIR)).isEqualTo(trader.client().orderBook(PAIR, 1000));
        }
    }

    @Test
    void shouldRefuseToOpenAStreamWithARevokedKey() throws Exception
    {
        exchange = new ClientExchange();
        final ClientExchange.Trader trader = trader();
        exchange.admin.revokeApiKey(trader.key().apiKey());

        final BourseException refused = catchThrowableOfType(BourseException.class,
            () -> trader.client().stream(StreamOptions.of(StreamChannel.orders()), event -> { }));
        assertThat(refused.code()).isEqualTo(6002);
    }
}
