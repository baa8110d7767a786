package dev.bourse.systemtest.simulator;

import dev.bourse.client.ApiKeyRequest;
import dev.bourse.client.BookLevel;
import dev.bourse.client.BourseAdminClient;
import dev.bourse.client.BourseClient;
import dev.bourse.client.IssuedApiKey;
import dev.bourse.client.MarketTrade;
import dev.bourse.client.MarketTradesQuery;
import dev.bourse.client.OrderAck;
import dev.bourse.client.OrderBook;
import dev.bourse.client.OrderInfo;
import dev.bourse.client.OrderRequest;
import dev.bourse.client.OrderSide;
import dev.bourse.client.OrderStatus;
import dev.bourse.client.PairPolicyUpdate;
import dev.bourse.client.TransferRequest;
import dev.bourse.engine.Engine;
import dev.bourse.engine.EngineConfiguration;
import dev.bourse.journal.JournalConfiguration;
import dev.bourse.server.BourseServer;
import dev.bourse.server.admin.DemoPairs;
import dev.bourse.server.recovery.ExchangeRecovery;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.auth.SecretCipher;
import dev.bourse.server.ServerContext;
import dev.bourse.simulator.Simulator;
import dev.bourse.simulator.SimulatorSettings;
import dev.bourse.systemtest.Funds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The market simulator against a real in-process server with the demo pairs: within a bounded time every pair has a
 * two-sided book around its reference price and trades; a market order of another account fills within the book; a
 * replayed file moves the last price along its prices; and after all that, the funds of every account, simulated
 * ones included, add up. Conditions are waited for with generous deadlines; nothing is timed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatedMarketSystemTest
{
    private static final Duration DEADLINE = Duration.ofSeconds(45);
    private static final long POLL_INTERVAL_NANOS = Duration.ofMillis(50).toNanos();
    private static final double SPREAD = 0.005;
    private static final List<String> DEMO_PAIRS = List.of("BTC.USDT", "ETH.BTC", "BCH.ETH");

    @TempDir
    Path dir;

    private Path dataDir;
    private BourseServer server;
    private BourseAdminClient admin;
    private BourseClient market;
    private Simulator simulator;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeAll
    void start() throws IOException
    {
        dataDir = Files.createTempDirectory("bourse-simulator-test");
        server = BourseServer.start(new ServerContext().publicPort(0).adminPort(0).publicHost("127.0.0.1")
            .dataDir(dataDir).demoPairs(true));
        admin = BourseAdminClient.builder(adminUri(), server.adminToken()).build();
        market = BourseClient.builder(publicUri()).build();
        simulator = Simulator.start(settings(DEMO_PAIRS, SimulatorSettings.DEFAULT_LABEL, Map.of(
            "spread", Double.toString(SPREAD), "refreshMs", "250", "takerRate", "240", "volatility", "0.002")));
    }

    @AfterAll
    void stop() throws Exception
    {
        if (simulator != null)
        {
            simulator.close();
        }
        for (final AutoCloseable closeable : closeables)
        {
            closeable.close();
        }
        if (market != null)
        {
            market.close();
            admin.close();
        }
        if (server != null)
        {
            server.close();
        }
        try (var files = Files.walk(dataDir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    private SimulatorSettings settings(final List<String> pairs, final String label, final Map<String, String> values)
    {
        final Map<String, BigDecimal> prices = DemoPairs.referencePrices().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, entry -> new BigDecimal(entry.getValue())));
        return SimulatorSettings.parse(publicUri(), adminUri(), server.adminToken(), pairs,
            merge(values, Map.of("label", label)), prices);
    }

    private static Map<String, String> merge(final Map<String, String> first, final Map<String, String> second)
    {
        final Map<String, String> merged = new HashMap<>(first);
        merged.putAll(second);
        return merged;
    }

    private URI publicUri()
    {
        return URI.create("http://127.0.0.1:" + server.publicPort());
    }

    private URI adminUri()
    {
        return URI.create("http://127.0.0.1:" + server.adminPort());
    }

    private static void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean())
        {
            assertThat(System.nanoTime()).as("waited %s for %s", DEADLINE, what).isLessThan(deadline);
            LockSupport.parkNanos(POLL_INTERVAL_NANOS);
        }
    }

    private boolean quotedAroundTheReference(final String pair)
    {
        final OrderBook book = market.orderBook(pair, 1);
        if (book.bids().isEmpty() || book.asks().isEmpty())
        {
            return false;
        }
        final double reference = simulator.referencePrice(pair);
        final double bid = book.bids().getFirst().price().doubleValue();
        final double ask = book.asks().getFirst().price().doubleValue();
        return bid < reference && ask > reference && reference - bid <= SPREAD * reference &&
            ask - reference <= SPREAD * reference;
    }

    private List<MarketTrade> trades(final String pair)
    {
        return market.marketTrades(MarketTradesQuery.of(pair).withMax(100));
    }

    @Test
    @Order(1)
    void shouldQuoteEveryPairWithinTheSpreadOfItsReferenceAndTrade() throws InterruptedException
    {
        for (final String pair : DEMO_PAIRS)
        {
            await(pair + " quoted within the spread of its reference", () -> quotedAroundTheReference(pair));
            await(pair + " trading", () -> !trades(pair).isEmpty());
        }

        assertThat(simulator.accountIds()).hasSize(2 * DEMO_PAIRS.size());
        assertThat(admin.accountIds(SimulatorSettings.DEFAULT_LABEL)).containsExactlyElementsOf(
            simulator.accountIds());
        for (final long accountId : simulator.accountIds())
        {
            assertThat(admin.account(accountId).label()).isEqualTo("simulated");
            assertThat(admin.account(accountId).openOrderCount()).as("resting orders of %d", accountId)
                .isLessThanOrEqualTo(4 * 5);
        }
        assertThat(simulator.referencePrice("BTC.USDT")).as("near the demo price").isBetween(60_000.0, 70_000.0);
    }

    @Test
    @Order(2)
    void shouldFillAMarketBuyOfAnotherAccountWithinTheBook() throws InterruptedException
    {
        final long accountId = admin.createAccount();
        final IssuedApiKey key = admin.issueApiKey(accountId, ApiKeyRequest.defaults().withRateLimit(10, 600));
        final BourseClient trader = BourseClient.builder(publicUri()).credentials(key.apiKey(), key.apiSecret())
            .rateLimit(10, 600).build();
        closeables.add(trader);
        admin.deposit(accountId, TransferRequest.of("USDT", new BigDecimal("10000")));
        await("BTC.USDT quoted", () -> quotedAroundTheReference("BTC.USDT"));

        final OrderBook book = market.orderBook("BTC.USDT", 50);
        final OrderAck ack = trader.placeOrder(OrderRequest.market("BTC.USDT", OrderSide.BUY, new BigDecimal("0.002")));
        final OrderInfo order = trader.orderInfo(ack.orderId());

        assertThat(order.status()).isEqualTo(OrderStatus.COMPLETE);
        assertThat(order.filledAmount()).isEqualByComparingTo("0.002");
        final BigDecimal lowestAsk = book.asks().getFirst().price();
        final BigDecimal highestAsk = book.asks().getLast().price();
        assertThat(order.averageFillPrice()).as("within the asks of the book (%s .. %s)", lowestAsk, highestAsk)
            .isBetween(book.bids().getFirst().price(), highestAsk);
    }

    @Test
    @Order(3)
    void shouldMoveTheLastPriceAlongAReplayedFile() throws Exception
    {
        admin.putPair("SIM.USDT", PairPolicyUpdate.builder().minPrice(new BigDecimal("0.01")).priceDecimals(2)
            .amountDecimals(4).amountLimits(new BigDecimal("0.001"), new BigDecimal("100000"))
            .volumeLimits(new BigDecimal("0.1"), new BigDecimal("10000000"))
            .feeRatesPercent(new BigDecimal("0.1"), new BigDecimal("0.2")).build());
        final List<Double> plateaus = List.of(100.0, 110.0, 120.0, 130.0);
        final StringBuilder file = new StringBuilder("time,price,amount,side\n");
        long timeMs = 1_736_156_400_000L;
        for (final double plateau : plateaus)
        {
            for (int i = 0; i < 8; i++)
            {
                file.append(timeMs).append(',').append(plateau).append(",0.5,").append(i % 2 == 0 ? "BUY" : "SELL")
                    .append('\n');
                timeMs += 250;
            }
        }
        final Path trades = dir.resolve("plateaus.csv");
        Files.writeString(trades, file);

        try (Simulator replay = Simulator.start(settings(List.of("SIM.USDT"), "replay", Map.of(
            "replay", trades.toString(), "replaySpeed", "0.5", "spread", "0.004", "refreshMs", "200"))))
        {
            assertThat(admin.accountIds("replay")).containsExactlyElementsOf(replay.accountIds());
            await("trades through the file's plateaus in order", () -> followsInOrder(trades("SIM.USDT"), plateaus));
        }
    }

    /**
     * @return whether the trades, oldest first, pass near each plateau in turn (the replay loops, so a plateau a
     * late quote missed comes round again).
     */
    private static boolean followsInOrder(final List<MarketTrade> newestFirst, final List<Double> plateaus)
    {
        final List<MarketTrade> trades = new ArrayList<>(newestFirst);
        trades.sort(Comparator.comparingLong(MarketTrade::transactionId));
        int next = 0;
        for (int i = 0; i < trades.size() && next < plateaus.size(); i++)
        {
            if (Math.abs(trades.get(i).price().doubleValue() - plateaus.get(next)) <= plateaus.get(next) * 0.01)
            {
                next++;
            }
        }
        return next == plateaus.size();
    }

    @Test
    @Order(4)
    void shouldKeepTheFundsOfEveryAccountAddingUp() throws Exception
    {
        simulator.close();
        assertThat(admin.account(simulator.accountIds().getFirst()).openOrderCount())
            .as("a stopped simulator leaves no order").isZero();
        server.close();
        final byte[] key = Base64.getDecoder().decode(Files.readString(dataDir.resolve("secret.key")).trim());
        final ExchangeRecovery.Recovered recovered = ExchangeRecovery.recover(JournalConfiguration.defaults(dataDir),
            EngineConfiguration.DEFAULT, ReadModel.Configuration.DEFAULT, new SecretCipher(key));
        try
        {
            final Engine engine = recovered.engine();
            assertThat(engine.accountCount()).isGreaterThanOrEqualTo(2L * DEMO_PAIRS.size() + 2 + 1);
            for (final String currency : List.of("BTC", "USDT", "ETH", "BCH"))
            {
                assertThat(engine.netDeposits(currency)).as("the simulator funded %s", currency).isPositive();
            }
            for (final String market : List.of("USDT", "BTC", "ETH"))
            {
                assertThat(engine.feesCollected(market)).as("trades paid fees in %s", market).isPositive();
            }
            Funds.assertAddUp(engine, "after the simulated market");
        }
        finally
        {
            recovered.journal().writer().close();
        }
    }
}
