package dev.bourse.engine;

import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.PutPair;
import dev.bourse.engine.event.OrderAccepted;
import dev.bourse.engine.event.OrderAlreadyAccepted;
import dev.bourse.engine.event.OrderCancelled;
import dev.bourse.engine.event.OrderCancelled.CancelReason;
import org.junit.jupiter.api.Test;

import static dev.bourse.engine.EngineFixture.BTC_USDT;
import static dev.bourse.engine.EngineFixture.ETH_USDT;
import static dev.bourse.engine.EngineFixture.btc;
import static dev.bourse.engine.EngineFixture.usdt;
import static dev.bourse.engine.Side.BUY;
import static dev.bourse.engine.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client order IDs: unique per account while remembered (a window after the order was accepted, and a count per
 * account); placing an order again with one answers the first order and places nothing; cancels can name them.
 */
final class ClientOrderIdTest
{
    private static final long WINDOW_MS = 60_000;
    private static final int REMEMBERED = 3;

    private final EngineFixture fixture = new EngineFixture(
        EngineConfiguration.DEFAULT.withClientOrderIds(REMEMBERED, WINDOW_MS));
    private final long alice = fixture.fundedAccount(btc("10"), 0, usdt("10000"));
    private final long bob = fixture.fundedAccount(btc("10"), 0, usdt("10000"));

    private static PlaceOrder buy(final long accountId, final String clientOrderId)
    {
        return PlaceOrder.limit(accountId, BTC_USDT, BUY, usdt("90"), btc("1")).withClientOrderId(clientOrderId);
    }

    @Test
    void shouldShowTheClientOrderIdInTheOrdersViews()
    {
        final long orderId = fixture.place(buy(alice, "my-order_1"));
        assertThat(fixture.first(OrderAccepted.class).order().clientOrderId()).isEqualTo("my-order_1");
        assertThat(fixture.engine.openOrder(orderId).clientOrderId()).isEqualTo("my-order_1");
        assertThat(fixture.engine.openOrder(fixture.limit(alice, BTC_USDT, BUY, usdt("80"), btc("1")))
            .clientOrderId()).isNull();
    }

    @Test
    void shouldAnswerTheFirstOrderAndPlaceNothingWhenAnIdIsUsedAgain()
    {
        final long first = fixture.place(buy(alice, "A1"));
        final long acceptedAt = fixture.timeMs;
        final long hashBefore = fixture.engine.stateHash();

        fixture.succeed(PlaceOrder.market(alice, ETH_USDT, SELL, btc("3")).withClientOrderId("A1"));

        assertThat(fixture.events).as("parameters are not compared: the ID decides")
            .containsExactly(new OrderAlreadyAccepted(alice, "A1", first, acceptedAt));
        assertThat(fixture.engine.stateHash()).isEqualTo(hashBefore);
        assertThat(fixture.engine.openOrderCount(alice)).isEqualTo(1);
    }

    @Test
    void shouldAnswerTheFirstOrderEvenOnceItIsCompleteOrThePairIsInCancelOnly()
    {
        final long sold = fixture.place(PlaceOrder.market(alice, BTC_USDT, SELL, btc("1")).withClientOrderId("m"));
        assertThat(fixture.last(OrderCancelled.class).reason()).isEqualTo(CancelReason.UNFILLED_MARKET);
        fixture.succeed(new PutPair("BTC", "USDT", 8, 6,
            EngineFixture.btcUsdtPolicy(PairState.CANCEL_ONLY)));

        fixture.succeed(PlaceOrder.market(alice, BTC_USDT, SELL, btc("1")).withClientOrderId("m"));

        assertThat(fixture.first(OrderAlreadyAccepted.class).orderId()).isEqualTo(sold);
    }

    @Test
    void shouldKeepIdsPerAccount()
    {
        final long alices = fixture.place(buy(alice, "same"));
        final long bobs = fixture.place(buy(bob, "same"));
        assertThat(bobs).isNotEqualTo(alices);
    }

    @Test
    void shouldNotRememberTheIdOfARejectedOrder()
    {
        fixture.assertRejectedUnchanged(
            PlaceOrder.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1000")).withClientOrderId("retry"),
            Status.NOT_ENOUGH_BALANCE);
        fixture.place(buy(alice, "retry"));
        assertThat(fixture.first(OrderAccepted.class).order().clientOrderId()).isEqualTo("retry");
    }

    @Test
    void shouldRejectAnIdOutsideTheCharsetOrLength()
    {
        for (final String invalid : new String[] {"", "has space", "ünï", "a.b", "x".repeat(37), "tab\t"})
        {
            fixture.assertRejectedUnchanged(buy(alice, invalid), Status.INVALID_PARAMETER);
            fixture.assertRejectedUnchanged(CancelOrder.byClientOrderId(alice, invalid), Status.INVALID_PARAMETER);
        }
        fixture.place(buy(alice, "AZaz09_-" + "x".repeat(28)));
    }

    @Test
    void shouldForgetAnIdOnceItsWindowIsOverSoThatItCanBeUsedAgain()
    {
        final long first = fixture.place(buy(alice, "w"));
        fixture.timeMs += WINDOW_MS - 2;
        fixture.succeed(buy(alice, "w"));
        assertThat(fixture.first(OrderAlreadyAccepted.class).orderId()).as("last ms of the window").isEqualTo(first);

        final long second = fixture.place(buy(alice, "w"));

        assertThat(second).isNotEqualTo(first);
        assertThat(fixture.engine.clientOrderIdCount(alice)).as("the expired entry dropped").isEqualTo(1);
    }

    @Test
    void shouldForgetTheOldestIdWhenTheAccountRemembersAsManyAsItMay()
    {
        final long oldest = fixture.place(buy(alice, "o1"));
        fixture.place(buy(alice, "o2"));
        fixture.place(buy(alice, "o3"));
        assertThat(fixture.engine.clientOrderIdCount(alice)).isEqualTo(REMEMBERED);

        fixture.place(buy(alice, "o4"));

        assertThat(fixture.engine.clientOrderIdCount(alice)).isEqualTo(REMEMBERED);
        final long again = fixture.place(buy(alice, "o1"));
        assertThat(again).as("forgotten early: a second order").isNotEqualTo(oldest);
        fixture.succeed(buy(alice, "o3"));
        assertThat(fixture.events).hasOnlyElementsOfType(OrderAlreadyAccepted.class);
    }

    @Test
    void shouldCancelByClientOrderId()
    {
        final long orderId = fixture.place(buy(alice, "c1"));

        fixture.succeed(CancelOrder.byClientOrderId(alice, "c1"));

        assertThat(fixture.first(OrderCancelled.class).order().orderId()).isEqualTo(orderId);
        assertThat(fixture.first(OrderCancelled.class).reason()).isEqualTo(CancelReason.USER);
        fixture.assertRejectedUnchanged(CancelOrder.byClientOrderId(alice, "c1"), Status.ORIGINAL_REQUEST_NOT_FOUND);
        fixture.assertRejectedUnchanged(CancelOrder.byClientOrderId(alice, "never"),
            Status.ORIGINAL_REQUEST_NOT_FOUND);
        fixture.assertRejectedUnchanged(CancelOrder.byClientOrderId(99, "c1"), Status.ACCOUNT_NOT_FOUND);
    }

    @Test
    void shouldNotCancelAnotherAccountsOrderByItsClientOrderId()
    {
        final long bobs = fixture.place(buy(bob, "b1"));
        fixture.assertRejectedUnchanged(CancelOrder.byClientOrderId(alice, "b1"), Status.ORIGINAL_REQUEST_NOT_FOUND);
        assertThat(fixture.engine.openOrder(bobs)).isNotNull();
    }

    @Test
    void shouldNotCancelByAnIdWhoseWindowIsOver()
    {
        final long orderId = fixture.place(buy(alice, "late"));
        fixture.timeMs += WINDOW_MS;
        fixture.assertRejectedUnchanged(CancelOrder.byClientOrderId(alice, "late"),
            Status.ORIGINAL_REQUEST_NOT_FOUND);
        fixture.cancel(alice, orderId);
    }
}
