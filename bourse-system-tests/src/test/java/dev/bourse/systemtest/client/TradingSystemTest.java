package dev.bourse.systemtest.client;

import dev.bourse.client.AccountTrade;
import dev.bourse.client.Balance;
import dev.bourse.client.BourseException;
import dev.bourse.client.CancelAllResult;
import dev.bourse.client.FillType;
import dev.bourse.client.OpenOrder;
import dev.bourse.client.OpenOrdersQuery;
import dev.bourse.client.OrderAck;
import dev.bourse.client.OrderInfo;
import dev.bourse.client.OrderRequest;
import dev.bourse.client.OrderSide;
import dev.bourse.client.OrderStatus;
import dev.bourse.client.OrderType;
import dev.bourse.client.StatusCode;
import dev.bourse.client.TradeHistoryQuery;
import dev.bourse.client.TransactionHistoryQuery;
import dev.bourse.client.TransferPage;
import dev.bourse.client.TransferType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The trade and account calls of the SDK against a real server, with the effects checked through the SDK. */
class TradingSystemTest extends WithExchange
{
    private static final String PAIR = ClientExchange.PAIR;

    private ClientExchange.Trader maker;
    private ClientExchange.Trader taker;

    @BeforeEach
    void setUp() throws Exception
    {
        maker = exchange.fundedTrader(50, 1000, "USDT", "10000");
        taker = exchange.fundedTrader(50, 1000, "BTC", "1");
    }

    @Test
    void shouldShowDepositsInBalancesAndTransactionHistory()
    {
        exchange.deposit(maker.accountId(), "USDT", "0.5");

        final List<Balance> balances = maker.client().balances();
        assertThat(balances).extracting(Balance::currency).contains("BTC", "USDT", "ETH", "BCH");
        assertThat(balances).filteredOn(balance -> balance.currency().equals("USDT")).singleElement()
            .satisfies(usdt -> assertThat(usdt.balance()).isEqualByComparingTo("10000.5"));
        final Balance usdt = maker.client().balance("USDT");
        assertThat(usdt.availableBalance()).isEqualByComparingTo("10000.5");
        assertThat(maker.client().balance("BTC").balance()).isEqualByComparingTo("0");

        final TransferPage page = maker.client().transactionHistory(
            TransactionHistoryQuery.all().withCurrency("USDT").withTransferType(TransferType.DEPOSIT));
        assertThat(page.totalElements()).isEqualTo(2);
        assertThat(page.content()).extracting(transfer -> transfer.amount().stripTrailingZeros().toPlainString())
            .containsExactly("0.5", "10000");
        assertThat(page.content().getFirst().transferType()).isEqualTo(TransferType.DEPOSIT);
        assertThat(page.first()).isTrue();
    }

    @Test
    void shouldPlaceListAndReadALimitOrderWithItsReserve()
    {
        final OrderAck ack = maker.client().placeOrder(
            OrderRequest.limit(PAIR, OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("30000")));

        assertThat(ack.orderId()).isPositive();
        final List<OpenOrder> open = maker.client().openOrders(OpenOrdersQuery.forPair(PAIR));
        assertThat(open).singleElement().satisfies(order ->
        {
            assertThat(order.orderId()).isEqualTo(ack.orderId());
            assertThat(order.type()).isEqualTo(OrderType.LIMIT);
            assertThat(order.side()).isEqualTo(OrderSide.BUY);
            assertThat(order.status()).isEqualTo(OrderStatus.REQUEST);
            assertThat(order.remainAmount()).isEqualByComparingTo("0.01");
            assertThat(order.price()).isEqualByComparingTo("30000");
            assertThat(order.stopPrice()).isNull();
        });
        assertThat(maker.client().openOrders(OpenOrdersQuery.forMarket("USDT").withMax(10))).hasSize(1);
        assertThat(maker.client().openOrders(OpenOrdersQuery.forCurrency("ETH"))).isEmpty();
        final OrderInfo info = maker.client().orderInfo(ack.orderId());
        assertThat(info.reservedValue()).isEqualByComparingTo("300.6");
        assertThat(info.stopPrice()).isNull();
        assertThat(info.takerFeeRate()).isEqualByComparingTo("0.002");
        assertThat(maker.client().balance("USDT").availableBalance()).isEqualByComparingTo("9699.4");
        assertThat(maker.client().balance("USDT").balance()).isEqualByComparingTo("10000");
    }

    @Test
    void shouldFillCrossingOrdersAndShowTheFillsOfBothSides()
    {
        final long makerOrder = maker.client().placeOrder(
            OrderRequest.limit(PAIR, OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("30000"))).orderId();
        final long takerOrder = taker.client().placeOrder(
            OrderRequest.limit(PAIR, OrderSide.SELL, new BigDecimal("0.004"), new BigDecimal("30000"))).orderId();

        final OrderInfo makerInfo = maker.client().orderInfo(makerOrder);
        assertThat(makerInfo.status()).isEqualTo(OrderStatus.PROCESS);
        assertThat(makerInfo.filledAmount()).isEqualByComparingTo("0.004");
        assertThat(makerInfo.remainAmount()).isEqualByComparingTo("0.006");
        assertThat(taker.client().orderInfo(takerOrder).status()).isEqualTo(OrderStatus.COMPLETE);

        final AccountTrade makerFill = maker.client().tradeHistory(TradeHistoryQuery.forPair(PAIR)).getFirst();
        assertThat(makerFill.orderId()).isEqualTo(makerOrder);
        assertThat(makerFill.side()).isEqualTo(OrderSide.BUY);
        assertThat(makerFill.fillType()).isEqualTo(FillType.PARTIAL);
        assertThat(makerFill.fee()).isEqualByComparingTo("0.12");
        assertThat(makerFill.totalConsideration()).isEqualByComparingTo("120.12");
        final AccountTrade takerFill = taker.client().tradeHistory(TradeHistoryQuery.all().withMax(10)).getFirst();
        assertThat(takerFill.fillType()).isEqualTo(FillType.FULL);
        assertThat(takerFill.fee()).isEqualByComparingTo("0.24");
        assertThat(takerFill.totalConsideration()).as("price * amount + fee for a SELL too")
            .isEqualByComparingTo("120.24");
        assertThat(takerFill.transactionId()).isEqualTo(makerFill.transactionId());

        assertThat(maker.client().balance("BTC").balance()).isEqualByComparingTo("0.004");
        assertThat(taker.client().balance("USDT").balance()).isEqualByComparingTo("119.76");
        assertThat(taker.client().balance("BTC").balance()).isEqualByComparingTo("0.996");
    }

    @Test
    void shouldFillAMarketOrderAgainstTheBook()
    {
        maker.client().placeOrder(
            OrderRequest.limit(PAIR, OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("30000")));

        final long marketOrder = taker.client().placeOrder(
            OrderRequest.market(PAIR, OrderSide.SELL, new BigDecimal("0.002"))).orderId();

        final OrderInfo info = taker.client().orderInfo(marketOrder);
        assertThat(info.type()).isEqualTo(OrderType.MARKET);
        assertThat(info.status()).isEqualTo(OrderStatus.COMPLETE);
        assertThat(info.filledAmount()).isEqualByComparingTo("0.002");
        assertThat(info.averageFillPrice()).isEqualByComparingTo("30000");
    }

    @Test
    void shouldKeepAStopLimitOrderPendingUntilTriggered()
    {
        final long stopOrder = maker.client().placeOrder(OrderRequest.stopLimit(
            PAIR, OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("31000"), new BigDecimal("30500")))
            .orderId();

        final OpenOrder open = maker.client().openOrders(OpenOrdersQuery.forPair(PAIR)).getFirst();
        assertThat(open.orderId()).isEqualTo(stopOrder);
        assertThat(open.type()).isEqualTo(OrderType.STOPLIMIT);
        assertThat(open.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(open.stopPrice()).isEqualByComparingTo("30500");
        assertThat(maker.client().orderInfo(stopOrder).stopPrice()).isEqualByComparingTo("30500");
    }

    @Test
    void shouldCancelOneOrderAndReleaseItsReserve()
    {
        final long orderId = maker.client().placeOrder(
            OrderRequest.limit(PAIR, OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("30000"))).orderId();

        final OrderAck cancelled = maker.client().cancelOrder(orderId);

        assertThat(cancelled.orderId()).isEqualTo(orderId);
        final OrderInfo info = maker.client().orderInfo(orderId);
        assertThat(info.status()).isEqualTo(OrderStatus.COMPLETE);
        assertThat(info.remainAmount()).isEqualByComparingTo("0");
        assertThat(info.requestAmount()).isEqualByComparingTo("0");
        assertThat(maker.client().balance("USDT").availableBalance()).isEqualByComparingTo("10000");
        final BourseException again = catchThrowableOfType(BourseException.class,
            () -> maker.client().cancelOrder(orderId));
        assertThat(again.statusCode()).isEqualTo(StatusCode.ORIGINAL_REQUEST_NOT_FOUND);
        assertThat(again.method()).isEqualTo("DELETE");
        assertThat(again.path()).isEqualTo("/v1/trade/orders/" + orderId);
    }

    @Test
    void shouldCancelAllOrdersOfThePairAndLeaveOthers()
    {
        exchange.deposit(maker.accountId(), "BTC", "1");
        final long first = maker.client().placeOrder(
            OrderRequest.limit(PAIR, OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("30000"))).orderId();
        final long partlyFilled = maker.client().placeOrder(
            OrderRequest.limit(PAIR, OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("30010"))).orderId();
        taker.client().placeOrder(OrderRequest.market(PAIR, OrderSide.SELL, new BigDecimal("0.005")));
        final long otherPair = maker.client().placeOrder(
            OrderRequest.limit("ETH.BTC", OrderSide.BUY, new BigDecimal("1"), new BigDecimal("0.05"))).orderId();

        final CancelAllResult result = maker.client().cancelAllOrders(PAIR);

        assertThat(result.orderIds()).containsExactly(first, partlyFilled);
        assertThat(maker.client().orderInfo(first).status()).isEqualTo(OrderStatus.COMPLETE);
        final OrderInfo partly = maker.client().orderInfo(partlyFilled);
        assertThat(partly.status()).isEqualTo(OrderStatus.COMPLETE);
        assertThat(partly.requestAmount()).isEqualByComparingTo(partly.filledAmount());
        assertThat(partly.filledAmount()).isEqualByComparingTo("0.005");
        assertThat(maker.client().orderInfo(otherPair).status()).isEqualTo(OrderStatus.REQUEST);
        assertThat(maker.client().openOrders(OpenOrdersQuery.forPair(PAIR))).isEmpty();
        assertThat(maker.client().cancelAllOrders(PAIR).orderIds()).isEmpty();
    }

    @Test
    void shouldRaiseTheStatusOfARefusedOrderAndChangeNothing()
    {
        final BourseException refused = catchThrowableOfType(BourseException.class, () -> maker.client()
            .placeOrder(OrderRequest.limit(PAIR, OrderSide.BUY, new BigDecimal("1"), new BigDecimal("30000"))));

        assertThat(refused.statusCode()).isEqualTo(StatusCode.NOT_ENOUGH_BALANCE);
        assertThat(refused.code()).isEqualTo(3301);
        assertThat(refused.statusMessage()).isEqualTo("Not enough balance for an order");
        assertThat(refused.method()).isEqualTo("POST");
        assertThat(refused.path()).isEqualTo("/v1/trade/limitOrders");
        assertThat(maker.client().balance("USDT").availableBalance()).isEqualByComparingTo("10000");
        assertThat(maker.client().openOrders(OpenOrdersQuery.forPair(PAIR))).isEmpty();
        assertThat(catchThrowableOfType(BourseException.class, () -> maker.client().placeOrder(
            OrderRequest.limit("NOPE.USDT", OrderSide.BUY, BigDecimal.ONE, BigDecimal.ONE))).statusCode())
            .isEqualTo(StatusCode.INVALID_COIN_PAIR);
        assertThat(catchThrowableOfType(BourseException.class, () -> maker.client().placeOrder(
            OrderRequest.limit(PAIR, OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("30000.001"))))
            .statusCode()).isEqualTo(StatusCode.PRICE_OUT_OF_SCALE);
        assertThat(catchThrowableOfType(BourseException.class, () -> maker.client().orderInfo(1L)).statusCode())
            .isEqualTo(StatusCode.ORIGINAL_REQUEST_NOT_FOUND);
    }
}
