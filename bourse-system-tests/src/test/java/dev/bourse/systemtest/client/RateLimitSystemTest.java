package dev.bourse.systemtest.client;

import dev.bourse.client.AccountTrade;
import dev.bourse.client.ApiKeyRequest;
import dev.bourse.client.Balance;
import dev.bourse.client.BourseClient;
import dev.bourse.client.BourseException;
import dev.bourse.client.RateLimitTimeoutException;
import dev.bourse.client.StatusCode;
import dev.bourse.client.TradeHistoryQuery;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The client-side limiter against the server's per-key limits. */
class RateLimitSystemTest extends WithExchange
{
    @Test
    void shouldNeverBeRefused6004UnderAnAsyncBurstAtTheDefaultLimits()
    {
        final ClientExchange.Trader trader = exchange.trader(3, 60);
        final List<CompletableFuture<List<Balance>>> burst = new ArrayList<>();
        for (int i = 0; i < 10; i++)
        {
            burst.add(trader.client().async().balances());
        }

        assertThat(burst).allSatisfy(call -> assertThat(call.join()).isNotEmpty());
    }

    @Test
    void shouldNeverBeRefused6004UnderASyncBurstOfTradeHistory()
    {
        final ClientExchange.Trader trader = exchange.trader(3, 60);
        final List<List<AccountTrade>> fills = new ArrayList<>();
        final List<List<Balance>> balances = new ArrayList<>();
        for (int i = 0; i < 4; i++)
        {
            fills.add(trader.client().tradeHistory(TradeHistoryQuery.all()));
            balances.add(trader.client().balances());
        }

        assertThat(fills).hasSize(4).allSatisfy(answer -> assertThat(answer).isEmpty());
        assertThat(balances).hasSize(4).allSatisfy(answer -> assertThat(answer).isNotEmpty());
    }

    @Test
    void shouldNeverBeRefused6004WhenThreadsShareAClientWithSyncCalls() throws Exception
    {
        final ClientExchange.Trader trader = exchange.trader(3, 60);
        final ExecutorService threads = Executors.newFixedThreadPool(3);
        try
        {
            final List<Future<List<Balance>>> calls = new ArrayList<>();
            for (int i = 0; i < 9; i++)
            {
                calls.add(threads.submit(() -> trader.client().balances()));
            }
            for (final Future<List<Balance>> call : calls)
            {
                assertThat(call.get()).isNotEmpty();
            }
        }
        finally
        {
            threads.shutdownNow();
        }
    }

    @Test
    void shouldBeRefused6004WithoutTheClientLimiter()
    {
        final ClientExchange.Trader trader = exchange.trader(ApiKeyRequest.defaults(),
            builder -> builder.rateLimiting(false));
        trader.client().synchronizeClock();
        final List<CompletableFuture<List<Balance>>> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++)
        {
            burst.add(trader.client().async().balances());
        }

        final List<StatusCode> refusals = new ArrayList<>();
        for (final CompletableFuture<List<Balance>> call : burst)
        {
            try
            {
                call.join();
            }
            catch (final CompletionException ex)
            {
                refusals.add(((BourseException)ex.getCause()).statusCode());
            }
        }
        assertThat(refusals).isNotEmpty().containsOnly(StatusCode.RATE_LIMIT_EXCEEDED);
    }

    @Test
    void shouldFailWithoutSendingWhenNoPermitComesInTime()
    {
        final ClientExchange.Trader trader = exchange.trader(ApiKeyRequest.defaults().withRateLimit(1, 60),
            builder -> builder.rateLimit(1, 60).rateLimitWait(Duration.ofMillis(50)));
        final BourseClient client = trader.client();
        client.balances();

        final RateLimitTimeoutException timeout = catchThrowableOfType(RateLimitTimeoutException.class,
            client::balances);

        assertThat(timeout.method()).isEqualTo("GET");
        assertThat(timeout.path()).isEqualTo("/v1/account/balances");
        assertThat(timeout).hasMessageContaining("not sent");
    }
}
