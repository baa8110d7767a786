package dev.bourse.client;

import dev.bourse.protocol.RequestSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** The transport under the typed calls against a scripted JDK HTTP server: signing, envelopes, retries, clock. */
class HttpTransportTest
{
    private static final String KEY = "key-1";
    private static final String SECRET = "secret-1";
    private static final String ORDER_ACK = "{\"orderID\":10100000000561,\"requestAt\":1700000000000}";
    private static final String LIMIT_ORDERS = "/v1/trade/limitOrders";
    private static final String BALANCES = "/v1/account/balances";
    private static final String BALANCE_DATA = "[{\"currency\":\"BTC\",\"balance\":0.00100915," +
        "\"availableBalance\":0.00000001}]";

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception
    {
        for (final AutoCloseable resource : resources)
        {
            resource.close();
        }
    }

    private StubServer stub(final Function<StubServer.Received, StubServer.Reply> script) throws IOException
    {
        final StubServer stub = new StubServer(request -> request.path().equals(HttpTransport.TIME_PATH) ?
            StubServer.time(System.currentTimeMillis()) : script.apply(request));
        resources.add(stub);
        return stub;
    }

    /**
     * A request timeout no answer of the stub comes near, even on a loaded machine: a test that expects an answer
     * must not fail because one came late. Tests of requests the stub never answers set {@link #HANG_TIMEOUT}.
     */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    /** The timeout of the tests whose requests get no answer: how long each attempt waits. */
    private static final Duration HANG_TIMEOUT = Duration.ofMillis(500);

    private BourseClient client(final URI uri)
    {
        return client(uri, builder -> builder);
    }

    private BourseClient hangingClient(final URI uri)
    {
        return client(uri, builder -> builder.requestTimeout(HANG_TIMEOUT));
    }

    private BourseClient client(
        final URI uri, final java.util.function.UnaryOperator<BourseClient.Builder> customise)
    {
        final BourseClient client = customise.apply(BourseClient.builder(uri)
            .credentials(KEY, SECRET)
            .requestTimeout(ANSWER_TIMEOUT)
            .retries(3, Duration.ofMillis(1), Duration.ofMillis(5))
            .rateLimit(1_000, 100_000)).build();
        resources.add(client);
        return client;
    }

    @Test
    void shouldSignEveryRequestSoTheServerCanCheckIt() throws IOException
    {
        final StubServer stub = stub(request -> StubServer.success(
            request.path().equals(LIMIT_ORDERS) ? ORDER_ACK : "[]"));
        final BourseClient client = client(stub.uri());

        client.placeOrder(OrderRequest.limit("BTC.USDT", OrderSide.BUY, new BigDecimal("0.010"),
            new BigDecimal("30000")));
        client.openOrders(OpenOrdersQuery.forPair("BTC.USDT"));

        final StubServer.Received post = stub.received(LIMIT_ORDERS).getFirst();
        assertThat(post.body()).isEqualTo("coinPair=BTC.USDT&quantity=0.01&price=30000&orderSide=BUY");
        assertThat(post.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        final StubServer.Received get = stub.received("/v1/trade/openOrders").getFirst();
        assertThat(get.query()).isEqualTo("market=USDT&currency=BTC");
        for (final StubServer.Received request : List.of(post, get))
        {
            assertThat(request.header("X-API-KEY")).isEqualTo(KEY);
            assertThat(Integer.parseInt(request.header("X-API-NONCE"))).isBetween(10_000, 99_999);
            assertThat(Long.parseLong(request.header("X-API-TIMESTAMP")))
                .isBetween(request.arrivedAtMs() - 1_000, request.arrivedAtMs() + 1_000);
            assertThat(request.header("X-API-SIGN")).isEqualTo(RequestSigner.sign(
                SECRET.getBytes(StandardCharsets.UTF_8), request.header("X-API-NONCE"),
                request.header("X-API-TIMESTAMP"), request.method(), request.path(), request.query(),
                request.body().getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void shouldNeverRepeatANonceWithinATimestamp() throws IOException
    {
        final StubServer stub = stub(request -> StubServer.success(BALANCE_DATA));
        final BourseClient client = client(stub.uri());
        for (int batch = 0; batch < 10; batch++)
        {
            final List<CompletableFuture<List<Balance>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++)
            {
                calls.add(client.async().balances());
            }
            calls.forEach(CompletableFuture::join);
        }

        final List<StubServer.Received> received = stub.received(BALANCES);
        final Set<String> stamps = new HashSet<>();
        for (final StubServer.Received request : received)
        {
            assertThat(stamps.add(request.header("X-API-TIMESTAMP") + "/" + request.header("X-API-NONCE")))
                .isTrue();
        }
        assertThat(stamps).hasSize(received.size()).hasSizeGreaterThanOrEqualTo(200);
    }

    @Test
    void shouldReuseOneConnectionForSequentialCalls() throws IOException
    {
        final StubServer stub = stub(request -> StubServer.success(BALANCE_DATA));
        final BourseClient client = client(stub.uri());

        for (int i = 0; i < 5; i++)
        {
            client.balances();
        }

        assertThat(stub.received(BALANCES)).extracting(StubServer.Received::remotePort).hasSize(5)
            .containsOnly(stub.received(BALANCES).getFirst().remotePort());
    }

    @Test
    void shouldReturnTypedResultsWithExactMoney() throws IOException
    {
        final StubServer stub = stub(request -> StubServer.success(BALANCE_DATA));

        final Balance balance = client(stub.uri()).balance("BTC");

        assertThat(balance.balance()).isEqualTo(new BigDecimal("0.00100915"));
        assertThat(balance.availableBalance().toPlainString()).isEqualTo("0.00000001");
        assertThat(stub.received("/v1/account/balances/BTC")).hasSize(1);
    }

    @Test
    void shouldRaiseTheStatusWithTheRequestOfAFailure() throws IOException
    {
        final StubServer stub = stub(request -> StubServer.envelope(3301, "Not enough balance for an order", null));

        final BourseException refused = catchThrowableOfType(BourseException.class, () -> client(stub.uri())
            .placeOrder(OrderRequest.market("BTC.USDT", OrderSide.BUY, BigDecimal.ONE)));

        assertThat(refused.statusCode()).isEqualTo(StatusCode.NOT_ENOUGH_BALANCE);
        assertThat(refused.statusMessage()).isEqualTo("Not enough balance for an order");
        assertThat(refused.method()).isEqualTo("POST");
        assertThat(refused.path()).isEqualTo("/v1/trade/marketOrders");
        assertThat(refused.getSuppressed()).isNotEmpty();
    }

    @Test
    void shouldMapAnUnknownCodeToUnknownAndKeepIt() throws IOException
    {
        final StubServer stub = stub(request -> StubServer.envelope(7777, "Brand new", null));

        final BourseException refused = catchThrowableOfType(BourseException.class, () -> client(stub.uri())
            .ticker("BTC.USDT"));

        assertThat(refused.statusCode()).isEqualTo(StatusCode.UNKNOWN);
        assertThat(refused.code()).isEqualTo(7777);
    }

    @Test
    void shouldRetryAReadOnAFullQueueUntilItSucceeds() throws IOException
    {
        final AtomicInteger calls = new AtomicInteger();
        final StubServer stub = stub(request -> calls.incrementAndGet() < 3 ?
            StubServer.envelope(5001, "Internal timeout error", null) : StubServer.success(BALANCE_DATA));

        assertThat(client(stub.uri()).balances()).hasSize(1);
        assertThat(stub.received(BALANCES)).hasSize(3);
    }

    @Test
    void shouldGiveUpAReadAfterTheLastAttempt() throws IOException
    {
        final StubServer stub = stub(request -> StubServer.envelope(5001, "Internal timeout error", null));

        final BourseException refused = catchThrowableOfType(BourseException.class,
            () -> client(stub.uri()).balances());

        assertThat(refused.statusCode()).isEqualTo(StatusCode.INTERNAL_TIMEOUT);
        assertThat(stub.received(BALANCES)).hasSize(3);
    }

    @Test
    void shouldNotRetryAnOrderOnAFullQueue() throws IOException
    {
        final StubServer stub = stub(request -> StubServer.envelope(5001, "Internal timeout error", null));

        final BourseException refused = catchThrowableOfType(BourseException.class, () -> client(stub.uri())
            .placeOrder(OrderRequest.market("BTC.USDT", OrderSide.BUY, BigDecimal.ONE)));

        assertThat(refused.statusCode()).isEqualTo(StatusCode.INTERNAL_TIMEOUT);
        assertThat(stub.received("/v1/trade/marketOrders")).hasSize(1);
    }

    @Test
    void shouldReportAnUnknownOutcomeWhenAnOrderGetsNoAnswer() throws IOException
    {
        final StubServer stub = stub(request -> new StubServer.Hang());

        final OutcomeUnknownException unknown = catchThrowableOfType(OutcomeUnknownException.class,
            () -> hangingClient(stub.uri()).placeOrder(OrderRequest.limit("BTC.USDT", OrderSide.BUY, BigDecimal.ONE,
                BigDecimal.TEN)));

        assertThat(unknown.path()).isEqualTo(LIMIT_ORDERS);
        assertThat(unknown).hasMessageContaining("check open orders");
        assertThat(stub.received(LIMIT_ORDERS)).hasSize(1);
    }

    @Test
    void shouldReportAnUnknownOutcomeWhenAnOrdersConnectionDrops() throws IOException
    {
        final StubServer stub = stub(request -> new StubServer.Drop());

        catchThrowableOfType(OutcomeUnknownException.class, () -> client(stub.uri()).placeOrder(
            OrderRequest.market("BTC.USDT", OrderSide.SELL, BigDecimal.ONE)));

        assertThat(stub.received("/v1/trade/marketOrders")).hasSize(1);
    }

    /**
     * An order with a client order ID is retried after a dropped connection (the exchange answers a repeat with the
     * first order), with the same parameters, re-signed.
     */
    @Test
    void shouldRetryAnOrderWithAClientOrderIdWhoseConnectionDropped() throws IOException
    {
        final AtomicInteger calls = new AtomicInteger();
        final StubServer stub = stub(request -> calls.incrementAndGet() == 1 ? new StubServer.Drop() :
            StubServer.success(ORDER_ACK));

        final OrderAck ack = client(stub.uri()).placeOrder(OrderRequest.limit("BTC.USDT", OrderSide.BUY,
            BigDecimal.ONE, BigDecimal.TEN).withClientOrderId("retry-1").withTimeInForce(TimeInForce.IOC)
            .withSelfTradePrevention(SelfTradePrevention.EXPIRE_BOTH));

        assertThat(ack.orderId()).isEqualTo(10100000000561L);
        final List<StubServer.Received> sent = stub.received(LIMIT_ORDERS);
        assertThat(sent).hasSize(2).extracting(StubServer.Received::body).containsOnly("coinPair=BTC.USDT&quantity=1" +
            "&price=10&orderSide=BUY&timeInForce=IOC&selfTradePrevention=EXPIRE_BOTH&clientOrderId=retry-1");
        assertThat(sent.get(0).header("X-API-SIGN")).isNotEqualTo(sent.get(1).header("X-API-SIGN"));
    }

    @Test
    void shouldRetryAMarketOrderWithAClientOrderIdOnAFullQueue() throws IOException
    {
        final AtomicInteger calls = new AtomicInteger();
        final StubServer stub = stub(request -> calls.incrementAndGet() == 1 ?
            StubServer.envelope(5001, "Internal timeout error", null) : StubServer.success(ORDER_ACK));

        client(stub.uri()).placeOrder(OrderRequest.market("BTC.USDT", OrderSide.BUY, BigDecimal.ONE)
            .withClientOrderId("m-1"));

        assertThat(stub.received("/v1/trade/marketOrders")).hasSize(2);
    }

    @Test
    void shouldSendTheCancelAllVariantsAndTheDeadMansSwitch() throws IOException
    {
        final StubServer stub = stub(request -> StubServer.success(request.path().endsWith("cancelAllAfter") ?
            "{\"requestAt\":5,\"triggerAt\":30005}" : "{\"orderIDList\":[],\"requestAt\":5}"));
        final BourseClient client = client(stub.uri());

        client.cancelAllOrders();
        client.cancelAllOrders("BTC.USDT", OrderSide.SELL);
        client.cancelAllOrders(null, OrderSide.BUY);
        final DeadMansSwitch armed = client.cancelAllOrdersAfter(null, Duration.ofSeconds(30));
        client.cancelAllOrdersAfter("BTC.USDT", Duration.ZERO);

        assertThat(stub.received("/v1/trade/openOrders")).extracting(StubServer.Received::method,
            StubServer.Received::query).containsExactly(tuple("DELETE", ""),
                tuple("DELETE", "orderSide=BUY"));
        assertThat(stub.received("/v1/trade/openOrders/BTC.USDT")).singleElement()
            .extracting(StubServer.Received::query).isEqualTo("orderSide=SELL");
        assertThat(armed).isEqualTo(new DeadMansSwitch(5, 30_005));
        assertThat(armed.armed()).isTrue();
        assertThat(stub.received("/v1/trade/cancelAllAfter")).extracting(StubServer.Received::body)
            .containsExactly("timeout=30000", "timeout=0&coinPair=BTC.USDT");
    }

    @Test
    void shouldRetryACancelAllWhoseConnectionDropped() throws IOException
    {
        final AtomicInteger calls = new AtomicInteger();
        final StubServer stub = stub(request -> calls.incrementAndGet() == 1 ? new StubServer.Drop() :
            StubServer.success("{\"orderIDList\":[1,2],\"requestAt\":5}"));

        final CancelAllResult result = client(stub.uri()).cancelAllOrders("BTC.USDT");

        assertThat(result.orderIds()).containsExactly(1L, 2L);
        assertThat(stub.received("/v1/trade/openOrders/BTC.USDT")).hasSize(2)
            .allSatisfy(request -> assertThat(request.method()).isEqualTo("DELETE"));
    }

    @Test
    void shouldRetryAReadThatGotNoAnswerThenFailWithoutClaimingAnUnknownOutcome() throws IOException
    {
        final StubServer stub = stub(request -> new StubServer.Hang());

        final BourseTransportException failed = catchThrowableOfType(BourseTransportException.class,
            () -> hangingClient(stub.uri()).orderInfo(42));

        assertThat(failed).isNotInstanceOf(OutcomeUnknownException.class);
        assertThat(failed.path()).isEqualTo("/v2/account/orders/42");
        assertThat(stub.received("/v2/account/orders/42")).hasSize(3);
    }

    @Test
    void shouldSayAnOrderWasNotSentWhenNoConnectionCouldBeMade() throws IOException
    {
        final BourseClient client = client(URI.create("http://127.0.0.1:" + closedPort()),
            builder -> builder.syncClockOnFirstRequest(false));

        final BourseTransportException failed = catchThrowableOfType(BourseTransportException.class,
            () -> client.placeOrder(OrderRequest.market("BTC.USDT", OrderSide.SELL, BigDecimal.ONE)));

        assertThat(failed).isNotInstanceOf(OutcomeUnknownException.class).hasMessageContaining("could not connect");
    }

    @Test
    void shouldMoveToTheNextNodeOfAClusterWhenTheNodeInUseIsDown() throws IOException
    {
        final StubServer survivor = stub(request -> StubServer.success(
            request.path().equals(LIMIT_ORDERS) ? ORDER_ACK : BALANCE_DATA));
        final BourseClient client = client(URI.create("http://127.0.0.1:" + closedPort()),
            builder -> builder.failoverUris(survivor.uri()));

        assertThat(client.balances()).hasSize(1);
        client.placeOrder(OrderRequest.limit("BTC.USDT", OrderSide.BUY, new BigDecimal("0.010"),
            new BigDecimal("30000")));

        assertThat(survivor.received(BALANCES)).hasSize(1);
        assertThat(survivor.received(LIMIT_ORDERS)).as("the node in use from then on").hasSize(1);
    }

    @Test
    void shouldRetryACancelAllOnTheNextNodeButNeverAnOrderThatMayHaveBeenSent() throws IOException
    {
        final StubServer dropping = stub(request -> new StubServer.Drop());
        final StubServer next = stub(request -> StubServer.success("{\"orderIDList\":[1,2],\"requestAt\":5}"));
        final BourseClient client = client(dropping.uri(), builder -> builder.failoverUris(next.uri()));

        catchThrowableOfType(OutcomeUnknownException.class, () -> client.placeOrder(
            OrderRequest.market("BTC.USDT", OrderSide.SELL, BigDecimal.ONE)));
        assertThat(client.cancelAllOrders("BTC.USDT").orderIds()).containsExactly(1L, 2L);

        assertThat(dropping.received("/v1/trade/marketOrders")).hasSize(1);
        assertThat(next.received("/v1/trade/marketOrders")).isEmpty();
        assertThat(dropping.received("/v1/trade/openOrders/BTC.USDT")).hasSize(1);
        assertThat(next.received("/v1/trade/openOrders/BTC.USDT")).hasSize(1);
    }

    private static int closedPort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    @Test
    void shouldTreatAnAnswerThatIsNotAnEnvelopeAsATransportFailure() throws IOException
    {
        final StubServer stub = stub(request -> new StubServer.Answer(502, "<html>bad gateway</html>"));

        final BourseTransportException failed = catchThrowableOfType(BourseTransportException.class,
            () -> client(stub.uri()).balances());

        assertThat(failed).hasMessageContaining("HTTP 502");
        assertThat(stub.received(BALANCES)).hasSize(3);
    }

    @Test
    void shouldMeasureTheClockOffsetBeforeTheFirstSignedCall() throws IOException
    {
        final StubServer stub = new StubServer(request -> request.path().equals(HttpTransport.TIME_PATH) ?
            StubServer.time(System.currentTimeMillis() + 60_000) : StubServer.success(BALANCE_DATA));
        resources.add(stub);
        final BourseClient client = client(stub.uri());

        client.balances();
        client.balances();

        assertThat(client.clockOffsetMs()).isBetween(59_000L, 61_000L);
        assertThat(stub.received(HttpTransport.TIME_PATH)).hasSize(2);
        final StubServer.Received signed = stub.received(BALANCES).getFirst();
        assertThat(Long.parseLong(signed.header("X-API-TIMESTAMP")) - signed.arrivedAtMs())
            .isBetween(59_000L, 61_000L);
    }

    @Test
    void shouldRemeasureTheClockOnceAfterA6005AndRetryEvenAnOrder() throws IOException
    {
        final AtomicInteger orders = new AtomicInteger();
        final StubServer stub = stub(request -> orders.incrementAndGet() == 1 ?
            StubServer.envelope(6005, "Invalid request timestamp", null) : StubServer.success(ORDER_ACK));
        final BourseClient client = client(stub.uri(), builder -> builder.syncClockOnFirstRequest(false));

        final OrderAck ack = client.placeOrder(OrderRequest.market("BTC.USDT", OrderSide.BUY, BigDecimal.ONE));

        assertThat(ack.orderId()).isEqualTo(10100000000561L);
        assertThat(stub.received("/v1/trade/marketOrders")).hasSize(2);
        assertThat(stub.received(HttpTransport.TIME_PATH)).hasSize(2);
    }

    @Test
    void shouldGiveUpAfterASecond6005() throws IOException
    {
        final StubServer stub = stub(request -> StubServer.envelope(6005, "Invalid request timestamp", null));
        final BourseClient client = client(stub.uri());

        final BourseException refused = catchThrowableOfType(BourseException.class, client::balances);

        assertThat(refused.statusCode()).isEqualTo(StatusCode.INVALID_REQUEST_TIMESTAMP);
        assertThat(stub.received(BALANCES)).hasSize(2);
    }

    @Test
    void shouldSendAdminCallsWithTheBearerTokenAndNoSignature() throws IOException
    {
        final StubServer stub = stub(request -> StubServer.success("{\"accountId\":7}"));
        final BourseAdminClient admin = BourseAdminClient.builder(stub.uri(), "token-1").build();
        resources.add(admin);

        assertThat(admin.createAccount()).isEqualTo(7);

        final StubServer.Received request = stub.received("/admin/v1/accounts").getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Authorization")).isEqualTo("Bearer token-1");
        assertThat(request.header("X-API-SIGN")).isNull();
        assertThat(stub.received(HttpTransport.TIME_PATH)).isEmpty();
    }

    @Test
    void shouldSendTheLabelAndListLabelledAccountsPageAfterPage() throws IOException
    {
        final StubServer stub = stub(request ->
        {
            if ("POST".equals(request.method()))
            {
                return StubServer.success("{\"accountId\":7,\"label\":\"simulated\"}");
            }
            final long from = Long.parseLong(request.query().replaceAll(".*fromAccountId=(\\d+).*", "$1"));
            final int count = from == 1 ? 1000 : 2;
            final StringBuilder page = new StringBuilder("[");
            for (long id = from; id < from + count; id++)
            {
                page.append(id == from ? "" : ",").append("{\"accountId\":").append(id)
                    .append(",\"label\":\"simulated\"}");
            }
            return StubServer.success(page.append(']').toString());
        });
        final BourseAdminClient admin = BourseAdminClient.builder(stub.uri(), "token-1").build();
        resources.add(admin);

        assertThat(admin.createAccount("simulated")).isEqualTo(7);
        final List<Long> accountIds = admin.accountIds("simulated");

        assertThat(stub.received("/admin/v1/accounts").getFirst().body()).isEqualTo("label=simulated");
        assertThat(accountIds).hasSize(1002).startsWith(1L, 2L).endsWith(1001L, 1002L);
        assertThat(stub.received("/admin/v1/accounts").stream().filter(r -> "GET".equals(r.method()))
            .map(StubServer.Received::query))
            .containsExactly("label=simulated&fromAccountId=1&max=1000", "label=simulated&fromAccountId=1001&max=1000");
    }

    @Test
    void shouldKeepArrivalsWithinTheKeysWindowsUnderAnAsyncBurst() throws IOException
    {
        final StubServer stub = stub(request -> StubServer.success(BALANCE_DATA));
        final BourseClient client = client(stub.uri(), builder -> builder.rateLimit(4, 100));
        final List<CompletableFuture<List<Balance>>> burst = new ArrayList<>();
        for (int i = 0; i < 9; i++)
        {
            burst.add(client.async().balances());
        }
        burst.forEach(CompletableFuture::join);

        final List<Long> arrivals = stub.received(BALANCES).stream().map(StubServer.Received::arrivedAtMs)
            .sorted().toList();
        assertThat(arrivals).hasSize(9);
        for (int i = 4; i < arrivals.size(); i++)
        {
            assertThat(arrivals.get(i) - arrivals.get(i - 4)).isGreaterThanOrEqualTo(1_000);
        }
    }
}
