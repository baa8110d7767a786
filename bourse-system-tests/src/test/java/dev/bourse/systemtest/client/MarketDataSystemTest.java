package dev.bourse.systemtest.client;

import dev.bourse.client.BourseClient;
import dev.bourse.client.BourseException;
import dev.bourse.client.MarketTrade;
import dev.bourse.client.MarketTradesQuery;
import dev.bourse.client.OrderBook;
import dev.bourse.client.OrderRequest;
import dev.bourse.client.OrderSide;
import dev.bourse.client.PairPolicy;
import dev.bourse.client.StatusCode;
import dev.bourse.client.Ticker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The public calls of the SDK, with a client that has no key, against a real server. */
class MarketDataSystemTest extends WithExchange
{
    private static final String PAIR = ClientExchange.PAIR;

    private BourseClient anonymous;

    @BeforeEach
    void setUp() throws Exception
    {
        anonymous = BourseClient.builder(exchange.publicUri()).build();
    }

    @AfterEach
    void tearDown() throws Exception
    {
        anonymous.close();
    }

    @Test
    void shouldReadTheServerTime()
    {
        final long beforeMs = System.currentTimeMillis();
        final long serverMs = anonymous.serverTimeMs();
        final long afterMs = System.currentTimeMillis();

        assertThat(serverMs).isBetween(beforeMs - 1_000, afterMs + 1_000);
    }

    @Test
    void shouldListThePairPolicies()
    {
        final PairPolicy btc = anonymous.pairPolicies().stream()
            .filter(policy -> policy.currency().equals("BTC")).findFirst().orElseThrow();

        assertThat(anonymous.pairPolicies()).hasSize(3);
        assertThat(btc.market()).isEqualTo("USDT");
        assertThat(btc.coinPairType()).isEqualTo("USDT.BTC");
        assertThat(btc.makerFeeRate()).isEqualByComparingTo("0.1");
        assertThat(btc.takerFeeRate()).isEqualByComparingTo("0.2");
        assertThat(btc.priceDecimals()).isEqualTo(2);
        assertThat(btc.amountDecimals()).isEqualTo(6);
        assertThat(btc.minPriceUnit()).isEqualTo("USDT");
        assertThat(btc.tradeMinAmount()).isEqualByComparingTo("0.0001");
        assertThat(btc.trading()).isTrue();
    }

    @Test
    void shouldShowTheBookTheTickerAndTheTradesAfterATrade()
    {
        final ClientExchange.Trader maker = exchange.trader(20, 600);
        final ClientExchange.Trader taker = exchange.trader(20, 600);
        exchange.deposit(maker.accountId(), "USDT", "10000");
        exchange.deposit(taker.accountId(), "BTC", "1");
        maker.client().placeOrder(OrderRequest.limit(PAIR, OrderSide.BUY, new BigDecimal("0.01"),
            new BigDecimal("30000")));
        maker.client().placeOrder(OrderRequest.limit(PAIR, OrderSide.BUY, new BigDecimal("0.02"),
            new BigDecimal("29990.5")));
        taker.client().placeOrder(OrderRequest.limit(PAIR, OrderSide.SELL, new BigDecimal("0.003"),
            new BigDecimal("31000")));
        taker.client().placeOrder(OrderRequest.market(PAIR, OrderSide.SELL, new BigDecimal("0.004")));

        final OrderBook book = anonymous.orderBook(PAIR);
        assertThat(book.bids()).hasSize(2);
        assertThat(book.bids().get(0).price()).isEqualByComparingTo("30000");
        assertThat(book.bids().get(0).amount()).isEqualByComparingTo("0.006");
        assertThat(book.bids().get(1).price()).isEqualByComparingTo("29990.5");
        assertThat(book.asks()).singleElement().satisfies(level ->
            assertThat(level.amount()).isEqualByComparingTo("0.003"));
        assertThat(anonymous.orderBook(PAIR, 1).bids()).hasSize(1);

        final Ticker ticker = anonymous.ticker(PAIR);
        assertThat(ticker.last()).isEqualByComparingTo("30000");
        assertThat(ticker.bid()).isEqualByComparingTo("30000");
        assertThat(ticker.ask()).isEqualByComparingTo("31000");
        assertThat(ticker.volume()).isEqualByComparingTo("0.004");

        final MarketTrade trade = anonymous.marketTrades(MarketTradesQuery.of(PAIR).withMax(10)).getFirst();
        assertThat(trade.price()).isEqualByComparingTo("30000");
        assertThat(trade.amount()).isEqualByComparingTo("0.004");
        assertThat(trade.totalValue()).isEqualByComparingTo("120");
        assertThat(trade.takerSide()).isEqualTo(OrderSide.SELL);
        assertThat(anonymous.marketTrades(MarketTradesQuery.of(PAIR).withTimeRange(0, trade.createdAtMs() - 1)))
            .isEmpty();
        assertThat(anonymous.marketTrades(MarketTradesQuery.allPairs().withMax(1))).containsExactly(trade);
    }

    @Test
    void shouldRaiseTheStatusOfARefusedPublicCall()
    {
        final BourseException refused = catchThrowableOfType(BourseException.class, () -> anonymous.ticker("X.Y"));

        assertThat(refused.statusCode()).isEqualTo(StatusCode.INVALID_COIN_PAIR);
        assertThat(refused.method()).isEqualTo("GET");
        assertThat(refused.path()).isEqualTo("/v1/market/public/currentTickValue");
        assertThat(catchThrowableOfType(IllegalStateException.class, anonymous::balances))
            .hasMessageContaining("no API key");
    }
}
