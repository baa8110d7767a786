package dev.bourse.engine;

import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.event.OrderCancelled;
import dev.bourse.engine.event.OrderCancelled.CancelReason;
import dev.bourse.engine.event.OrderView;
import dev.bourse.engine.event.TradeExecuted;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.bourse.engine.EngineFixture.BTC_USDT;
import static dev.bourse.engine.EngineFixture.btc;
import static dev.bourse.engine.EngineFixture.usdt;
import static dev.bourse.engine.Side.BUY;
import static dev.bourse.engine.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Price-time priority, maker's price, partial fills, market orders, self-trade prevention, IDs. */
final class MatchingTest
{
    private final EngineFixture fixture = new EngineFixture();
    private final long alice = fixture.fundedAccount(btc("10"), 0, usdt("10000"));
    private final long bob = fixture.fundedAccount(btc("10"), 0, usdt("10000"));
    private final long carol = fixture.fundedAccount(btc("10"), 0, usdt("10000"));
    private final long dave = fixture.fundedAccount(btc("10"), 0, usdt("10000"));

    @Test
    void shouldMatchTheBestPriceFirstThenTheOldestOrderAtThatPrice()
    {
        final long worse = fixture.limit(alice, BTC_USDT, SELL, usdt("101"), btc("1"));
        final long older = fixture.limit(bob, BTC_USDT, SELL, usdt("100"), btc("1"));
        final long younger = fixture.limit(carol, BTC_USDT, SELL, usdt("100"), btc("1"));

        fixture.limit(dave, BTC_USDT, BUY, usdt("101"), btc("2.5"));

        assertThat(fixture.trades()).extracting(TradeExecuted::makerOrderId, TradeExecuted::price,
            TradeExecuted::quantity).containsExactly(
                tuple(older, usdt("100"), btc("1")),
                tuple(younger, usdt("100"), btc("1")),
                tuple(worse, usdt("101"), btc("0.5")));
    }

    @Test
    void shouldMatchTheHighestBidFirstForASell()
    {
        final long low = fixture.limit(alice, BTC_USDT, BUY, usdt("98"), btc("1"));
        final long high = fixture.limit(bob, BTC_USDT, BUY, usdt("99"), btc("1"));

        fixture.limit(carol, BTC_USDT, SELL, usdt("97"), btc("2"));

        assertThat(fixture.trades()).extracting(TradeExecuted::makerOrderId).containsExactly(high, low);
        assertThat(fixture.trades()).extracting(TradeExecuted::price).containsExactly(usdt("99"), usdt("98"));
    }

    @Test
    void shouldTradeAtTheMakersPrice()
    {
        fixture.limit(alice, BTC_USDT, SELL, usdt("100"), btc("1"));
        fixture.limit(bob, BTC_USDT, BUY, usdt("105"), btc("1"));
        assertThat(fixture.trades()).singleElement().satisfies(trade ->
        {
            assertThat(trade.price()).isEqualTo(usdt("100"));
            assertThat(trade.volume()).isEqualTo(usdt("100"));
            assertThat(trade.takerSide()).isEqualTo(BUY);
            assertThat(trade.takerAccountId()).isEqualTo(bob);
            assertThat(trade.makerAccountId()).isEqualTo(alice);
        });
        assertThat(fixture.engine.lastPrice(BTC_USDT)).isEqualTo(usdt("100"));
    }

    @Test
    void shouldRestAnOrderThatDoesNotCross()
    {
        fixture.limit(alice, BTC_USDT, SELL, usdt("101"), btc("1"));
        final long bid = fixture.limit(bob, BTC_USDT, BUY, usdt("100"), btc("1"));
        assertThat(fixture.trades()).isEmpty();
        assertThat(fixture.engine.bestBid(BTC_USDT)).isEqualTo(usdt("100"));
        assertThat(fixture.engine.bestAsk(BTC_USDT)).isEqualTo(usdt("101"));
        assertThat(fixture.engine.openOrder(bid).status()).isEqualTo(OrderStatus.REQUEST);
    }

    @Test
    void shouldKeepThePartlyFilledRemainderOfAnOrderInTheBook()
    {
        final long maker = fixture.limit(alice, BTC_USDT, SELL, usdt("100"), btc("3"));
        fixture.limit(bob, BTC_USDT, BUY, usdt("100"), btc("1"));

        final OrderView rest = fixture.engine.openOrder(maker);
        assertThat(rest.status()).isEqualTo(OrderStatus.PROCESS);
        assertThat(rest.filledQuantity()).isEqualTo(btc("1"));
        assertThat(rest.remainQuantity()).isEqualTo(btc("2"));
        assertThat(fixture.engine.bestAsk(BTC_USDT)).isEqualTo(usdt("100"));

        final long taker = fixture.limit(carol, BTC_USDT, BUY, usdt("100"), btc("5"));
        final OrderView takerRest = fixture.engine.openOrder(taker);
        assertThat(takerRest.filledQuantity()).isEqualTo(btc("2"));
        assertThat(takerRest.remainQuantity()).isEqualTo(btc("3"));
        assertThat(fixture.engine.openOrder(maker)).isNull();
        assertThat(fixture.engine.bestBid(BTC_USDT)).isEqualTo(usdt("100"));
        assertThat(fixture.engine.bestAsk(BTC_USDT)).isZero();
    }

    @Test
    void shouldFillAMarketOrderWithWhatTheBookHasAndCancelTheRest()
    {
        fixture.limit(alice, BTC_USDT, BUY, usdt("100"), btc("1"));
        fixture.limit(bob, BTC_USDT, BUY, usdt("99"), btc("1"));

        final long order = fixture.market(carol, BTC_USDT, SELL, btc("3"));

        assertThat(fixture.trades()).extracting(TradeExecuted::price).containsExactly(usdt("100"), usdt("99"));
        final OrderCancelled cancelled = fixture.last(OrderCancelled.class);
        assertThat(cancelled.reason()).isEqualTo(CancelReason.UNFILLED_MARKET);
        assertThat(cancelled.order().orderId()).isEqualTo(order);
        assertThat(cancelled.order().filledQuantity()).isEqualTo(btc("2"));
        assertThat(cancelled.order().cancelledQuantity()).isEqualTo(btc("1"));
        assertThat(cancelled.order().status()).isEqualTo(OrderStatus.COMPLETE);
        assertThat(fixture.engine.openOrder(order)).isNull();
        assertThat(fixture.balance(carol, "BTC")).isEqualTo(btc("8"));
        assertThat(fixture.available(carol, "BTC")).isEqualTo(btc("8"));
        assertThat(fixture.engine.bestBid(BTC_USDT)).isZero();
    }

    @Test
    void shouldCancelAMarketOrderOnAnEmptyBookWhole()
    {
        final long order = fixture.market(alice, BTC_USDT, BUY, btc("1"));
        assertThat(fixture.trades()).isEmpty();
        assertThat(fixture.lastViewOf(order).cancelledQuantity()).isEqualTo(btc("1"));
        assertThat(fixture.available(alice, "USDT")).isEqualTo(usdt("10000"));
    }

    @Test
    void shouldFillAMarketBuyThatCanPayForWhatFills()
    {
        final long buyer = fixture.fundedAccount(0, 0, usdt("100.20"));
        fixture.limit(alice, BTC_USDT, SELL, usdt("100"), btc("1"));

        fixture.market(buyer, BTC_USDT, BUY, btc("5"));

        assertThat(fixture.trades()).singleElement().extracting(TradeExecuted::quantity).isEqualTo(btc("1"));
        assertThat(fixture.balance(buyer, "USDT")).isZero();
        assertThat(fixture.balance(buyer, "BTC")).isEqualTo(btc("1"));
    }

    @Test
    void shouldRejectAMarketBuyThatCannotPayForWhatWouldFillWith3301()
    {
        final long buyer = fixture.fundedAccount(0, 0, usdt("100.19"));
        fixture.limit(alice, BTC_USDT, SELL, usdt("100"), btc("1"));
        fixture.assertRejectedUnchanged(PlaceOrder.market(buyer, BTC_USDT, BUY, btc("1")),
            Status.NOT_ENOUGH_BALANCE);
    }

    @Test
    void shouldExpireTheRestingOrderOfTheSameAccountAndGoOnMatching()
    {
        final long own = fixture.limit(alice, BTC_USDT, SELL, usdt("100"), btc("1"));
        final long other = fixture.limit(bob, BTC_USDT, SELL, usdt("101"), btc("1"));

        final long taker = fixture.limit(alice, BTC_USDT, BUY, usdt("101"), btc("2"));

        final OrderCancelled expired = fixture.first(OrderCancelled.class);
        assertThat(expired.reason()).isEqualTo(CancelReason.SELF_TRADE);
        assertThat(expired.order().orderId()).isEqualTo(own);
        assertThat(fixture.trades()).singleElement().satisfies(trade ->
        {
            assertThat(trade.makerOrderId()).isEqualTo(other);
            assertThat(trade.takerOrderId()).isEqualTo(taker);
        });
        assertThat(fixture.engine.openOrder(taker).remainQuantity()).isEqualTo(btc("1"));
        assertThat(fixture.available(alice, "BTC")).isEqualTo(btc("11"));
        assertThat(fixture.engine.bestBid(BTC_USDT)).isEqualTo(usdt("101"));
    }

    @Test
    void shouldPriceAMarketBuyWithoutTheBuyersOwnRestingOrders()
    {
        final long buyer = fixture.fundedAccount(btc("1"), 0, usdt("150"));
        fixture.limit(buyer, BTC_USDT, SELL, usdt("100"), btc("1"));
        fixture.limit(alice, BTC_USDT, SELL, usdt("200"), btc("1"));
        fixture.assertRejectedUnchanged(PlaceOrder.market(buyer, BTC_USDT, BUY, btc("1")),
            Status.NOT_ENOUGH_BALANCE);

        fixture.deposit(buyer, "USDT", usdt("50.40"));
        fixture.market(buyer, BTC_USDT, BUY, btc("1"));
        assertThat(fixture.first(OrderCancelled.class).reason()).isEqualTo(CancelReason.SELF_TRADE);
        assertThat(fixture.trades()).singleElement().extracting(TradeExecuted::price).isEqualTo(usdt("200"));
        assertThat(fixture.balance(buyer, "USDT")).isZero();
        assertThat(fixture.balance(buyer, "BTC")).isEqualTo(btc("2"));
    }

    @Test
    void shouldTradeWithTheSameAccountWhenSelfTradePreventionIsNone()
    {
        final EngineFixture none = new EngineFixture(
            EngineConfiguration.DEFAULT.withSelfTradePrevention(SelfTradePrevention.NONE));
        final long account = none.fundedAccount(btc("1"), 0, usdt("1000"));
        final long maker = none.limit(account, BTC_USDT, SELL, usdt("100"), btc("1"));
        none.limit(account, BTC_USDT, BUY, usdt("100"), btc("1"));

        assertThat(none.trades()).singleElement().satisfies(trade ->
        {
            assertThat(trade.makerOrderId()).isEqualTo(maker);
            assertThat(trade.makerAccountId()).isEqualTo(account);
            assertThat(trade.takerAccountId()).isEqualTo(account);
        });
        assertThat(none.all(OrderCancelled.class)).isEmpty();
        assertThat(none.balance(account, "BTC")).isEqualTo(btc("1"));
        assertThat(none.balance(account, "USDT")).isEqualTo(usdt("1000") - usdt("0.3"));
        assertThat(none.engine.feesCollected("USDT")).isEqualTo(usdt("0.3"));
    }

    @Test
    void shouldGiveOrdersAndTradesUniqueFourteenDigitIdsDeterminedByTheSequence()
    {
        final List<Long> first = idsOfAScenario(new EngineFixture());
        final List<Long> second = idsOfAScenario(new EngineFixture());
        assertThat(first).isEqualTo(second);
        final Set<Long> unique = new HashSet<>(first);
        assertThat(unique).hasSameSizeAs(first);
        assertThat(first).allSatisfy(id -> assertThat(String.valueOf(id)).hasSize(14));
    }

    private static List<Long> idsOfAScenario(final EngineFixture scenario)
    {
        final long seller = scenario.fundedAccount(btc("10"), 0, 0);
        final long buyer = scenario.fundedAccount(0, 0, usdt("10000"));
        final List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++)
        {
            ids.add(scenario.limit(seller, BTC_USDT, SELL, usdt("100"), btc("1")));
            ids.add(scenario.limit(buyer, BTC_USDT, BUY, usdt("100"), btc("0.5")));
            scenario.trades().forEach(trade -> ids.add(trade.tradeId()));
        }
        return ids;
    }
}
