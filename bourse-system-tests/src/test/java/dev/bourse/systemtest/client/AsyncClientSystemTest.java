package dev.bourse.systemtest.client;

import dev.bourse.client.BourseAsyncClient;
import dev.bourse.client.BourseException;
import dev.bourse.client.OrderInfo;
import dev.bourse.client.OrderRequest;
import dev.bourse.client.OrderSide;
import dev.bourse.client.OrderStatus;
import dev.bourse.client.StatusCode;
import dev.bourse.client.TransferRequest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The asynchronous forms of the clients against a real server. */
class AsyncClientSystemTest extends WithExchange
{
    @Test
    void shouldChainCallsWithoutBlocking() throws Exception
    {
        final ClientExchange.Trader trader = exchange.trader(20, 600);
        final BourseAsyncClient async = trader.client().async();

        final CompletableFuture<OrderInfo> placedThenRead = exchange.admin.async()
            .deposit(trader.accountId(), TransferRequest.of("USDT", new BigDecimal("1000")))
            .thenCompose(deposit -> async.placeOrder(OrderRequest.limit(ClientExchange.PAIR, OrderSide.BUY,
                new BigDecimal("0.01"), new BigDecimal("30000"))))
            .thenCompose(ack -> async.cancelAllOrders(ClientExchange.PAIR))
            .thenCompose(cancelled -> async.orderInfo(cancelled.orderIds().getFirst()));

        final OrderInfo info = placedThenRead.get();
        assertThat(info.status()).isEqualTo(OrderStatus.COMPLETE);
        assertThat(async.balance("USDT").get().availableBalance()).isEqualByComparingTo("1000");
        assertThat(async.serverTimeMs().get()).isPositive();
    }

    @Test
    void shouldFailTheFutureWithTheStatus()
    {
        final ClientExchange.Trader trader = exchange.trader(20, 600);

        final ExecutionException failed = catchThrowableOfType(ExecutionException.class, () -> trader.client()
            .async().placeOrder(OrderRequest.market(ClientExchange.PAIR, OrderSide.SELL, BigDecimal.ONE)).get());

        assertThat(failed.getCause()).isInstanceOfSatisfying(BourseException.class, refused ->
            assertThat(refused.statusCode()).isEqualTo(StatusCode.NOT_ENOUGH_BALANCE));
    }
}
