package dev.bourse.systemtest.client;

import dev.bourse.client.ApiKeyRequest;
import dev.bourse.client.BourseClient;
import dev.bourse.client.OrderRequest;
import dev.bourse.client.OrderSide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.InstantSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Signed calls from a client whose clock is far off the server's, which refuses more than 1 s ahead or 5 s behind. */
class ClockOffsetSystemTest extends WithExchange
{
    private static final long SKEW_MS = 30_000;
    private static final long TOLERANCE_MS = 2_000;

    @Test
    void shouldCorrectAClockThatIsBehindBeforeTheFirstSignedCall()
    {
        final BourseClient client = skewedClient(-SKEW_MS, true);

        assertThat(client.balances()).isNotEmpty();
        assertThat(client.clockOffsetMs()).isBetween(SKEW_MS - TOLERANCE_MS, SKEW_MS + TOLERANCE_MS);
    }

    @Test
    void shouldRemeasureAfterA6005AndRetryOnceWhenTheClockIsAhead()
    {
        final BourseClient client = skewedClient(SKEW_MS, false);
        assertThat(client.clockOffsetMs()).isZero();

        assertThat(client.balances()).isNotEmpty();

        assertThat(client.clockOffsetMs()).isBetween(-SKEW_MS - TOLERANCE_MS, -SKEW_MS + TOLERANCE_MS);
    }

    @Test
    void shouldPlaceAnOrderAfterA6005WhenTheClockIsBehind()
    {
        final ClientExchange.Trader trader = skewedTrader(-SKEW_MS, false);
        final BourseClient client = trader.client();
        exchange.deposit(trader.accountId(), "USDT", "1000");

        final long orderId = client.placeOrder(OrderRequest.limit(ClientExchange.PAIR, OrderSide.BUY,
            new BigDecimal("0.01"), new BigDecimal("30000"))).orderId();

        assertThat(client.orderInfo(orderId).price()).isEqualByComparingTo("30000");
        assertThat(client.clockOffsetMs()).isBetween(SKEW_MS - TOLERANCE_MS, SKEW_MS + TOLERANCE_MS);
    }

    private BourseClient skewedClient(final long skewMs, final boolean syncFirst)
    {
        return skewedTrader(skewMs, syncFirst).client();
    }

    private ClientExchange.Trader skewedTrader(final long skewMs, final boolean syncFirst)
    {
        return exchange.trader(ApiKeyRequest.defaults().withRateLimit(20, 600),
            builder -> builder.rateLimit(20, 600)
                .clock(InstantSource.offset(InstantSource.system(), Duration.ofMillis(skewMs)))
                .syncClockOnFirstRequest(syncFirst));
    }
}
