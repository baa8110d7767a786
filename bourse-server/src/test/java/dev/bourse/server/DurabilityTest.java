package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything the API shows survives a restart, whether the state comes from the snapshot taken at shutdown, from
 * the journal alone, or from an older snapshot plus the journal after it; and no request signed before a restart is
 * accepted after it.
 */
class DurabilityTest
{
    private static final String PAIR = "BCH.ETH";

    private TestExchange exchange;
    private final List<TestExchange.Trader> traders = new ArrayList<>();
    private final List<Long> orderIds = new ArrayList<>();

    @AfterEach
    void close() throws IOException
    {
        if (exchange != null)
        {
            exchange.close();
        }
    }

    @Test
    void shouldShowTheSameAfterACleanRestartFromTheShutdownSnapshot() throws IOException
    {
        exchange = new TestExchange();
        trade();
        final Map<String, String> before = everythingShown();

        exchange.restart();

        assertThat(snapshots()).isNotEmpty();
        assertThat(everythingShown()).isEqualTo(before);
    }

    @Test
    void shouldShowTheSameAfterReplayingTheJournalAlone() throws IOException
    {
        exchange = new TestExchange();
        trade();
        final Map<String, String> before = everythingShown();

        exchange.restart(() -> snapshots().forEach(DurabilityTest::delete));

        assertThat(everythingShown()).isEqualTo(before);
    }

    @Test
    void shouldShowTheSameFromAnOlderSnapshotAndTheJournalAfterIt() throws IOException
    {
        exchange = new TestExchange(context -> context.snapshotIntervalCommands(5).snapshotsToKeep(100));
        trade();
        final Map<String, String> before = everythingShown();

        exchange.restart(() ->
        {
            final List<Path> files = snapshots();
            assertThat(files).as("periodic snapshots and the one at shutdown").hasSizeGreaterThan(2);
            delete(files.get(files.size() - 1));
        });

        assertThat(everythingShown()).isEqualTo(before);
    }

    @Test
    void shouldFallBackToTheOlderSnapshotWhenTheNewestIsDamaged() throws IOException
    {
        exchange = new TestExchange(context -> context.snapshotIntervalCommands(5).snapshotsToKeep(100));
        trade();
        final Map<String, String> before = everythingShown();

        exchange.restart(() ->
        {
            final List<Path> files = snapshots();
            flipByteInTheMiddle(files.get(files.size() - 1));
        });

        assertThat(everythingShown()).isEqualTo(before);
    }

    @Test
    void shouldGoOnTradingAfterARestartWithNewIdsAndTheRestoredBook() throws IOException
    {
        exchange = new TestExchange();
        trade();
        final TestExchange.Trader seller = traders.get(1);
        final long lastOrderId = orderIds.stream().mapToLong(Long::longValue).max().orElseThrow();

        exchange.restart();

        final long bestBid = exchange.publicGet("/v1/market/public/orderBooks?coinPair=" + PAIR).data().get("BID")
            .get(0).get("price").decimalValue().movePointRight(4).longValueExact();
        final long taker = exchange.limitOrder(seller, PAIR, "SELL", "0.0" + bestBid, "0.1");
        assertThat(taker).isGreaterThan(lastOrderId);
        assertThat(exchange.order(seller, taker).get("status").asText()).isEqualTo("COMPLETE");
    }

    @Test
    void shouldRefuseAfterARestartARequestAcceptedBeforeIt() throws IOException
    {
        exchange = new TestExchange();
        final TestExchange.Trader trader = exchange.trader();
        exchange.createPair(PAIR);
        exchange.deposit(trader, "ETH", "10");
        final String nonce = exchange.nextNonce();
        final long signedAtMs = exchange.clock.time();
        final String body = "coinPair=" + PAIR + "&orderSide=BUY&price=0.05&quantity=1";
        assertThat(exchange.signedAt(trader, signedAtMs, nonce, "POST", "/v1/trade/limitOrders", null, body)
            .statusCode()).isEqualTo(1000);
        final String stateBefore = exchange.accountState(trader);

        exchange.restart();

        assertThat(exchange.signedAt(trader, signedAtMs, nonce, "POST", "/v1/trade/limitOrders", null, body)
            .statusCode()).isEqualTo(6005);
        assertThat(exchange.accountState(trader)).isEqualTo(stateBefore);
    }

    /**
     * Two traders, deposits, a withdrawal, resting and crossing orders, a stop, a cancel, a cancel-all, two labelled
     * accounts, a revoke.
     */
    private void trade()
    {
        exchange.createPair(PAIR);
        final TestExchange.Trader maker = exchange.trader();
        final TestExchange.Trader taker = exchange.trader();
        traders.add(maker);
        traders.add(taker);
        exchange.deposit(maker, "ETH", "100");
        exchange.deposit(taker, "BCH", "100");
        exchange.adminOk("POST", "/admin/v1/accounts/" + maker.accountId() + "/withdrawals",
            "currency=ETH&amount=1.5&fee=0.01&address=0xabc");
        for (int i = 0; i < 6; i++)
        {
            orderIds.add(exchange.limitOrder(maker, PAIR, "BUY", "0.05" + i, "1"));
            exchange.clock.update(exchange.clock.time() + 1);
        }
        orderIds.add(exchange.limitOrder(taker, PAIR, "SELL", "0.052", "2.5"));
        orderIds.add(exchange.signedOk(maker, "POST", "/v1/trade/limitOrders", null,
            "coinPair=" + PAIR + "&orderSide=BUY&price=0.06&stopPrice=0.07&quantity=1").get("orderID").asLong());
        exchange.signedOk(maker, "DELETE", "/v1/trade/orders/" + orderIds.get(0), null, null);
        exchange.signedOk(maker, "DELETE", "/v1/trade/openOrders/" + PAIR, null, null);
        orderIds.add(exchange.limitOrder(maker, PAIR, "BUY", "0.049", "2"));
        orderIds.add(exchange.limitOrder(maker, PAIR, "BUY", "0.048", "3"));
        exchange.adminOk("POST", "/admin/v1/accounts", "label=simulated");
        exchange.adminOk("POST", "/admin/v1/accounts", "label=simulated");
        final TestExchange.Trader revoked = exchange.trader();
        exchange.adminOk("DELETE", "/admin/v1/apiKeys/" + revoked.apiKey(), null);
        traders.add(revoked);
    }

    /** @return every answer the API gives about the traded state, by request. */
    private Map<String, String> everythingShown()
    {
        final Map<String, String> shown = new LinkedHashMap<>();
        for (final String path : List.of("/v1/market/public/coins/pairPolicy",
            "/v1/market/public/currentTickValue?coinPair=" + PAIR, "/v1/market/public/orderBooks?coinPair=" + PAIR,
            "/v1/market/public/tradeHistory?coinPair=" + PAIR))
        {
            shown.put(path, exchange.publicGet(path).data().toString());
        }
        final JsonNode labelled = exchange.adminOk("GET", "/admin/v1/accounts?label=simulated", null);
        assertThat(labelled).hasSize(2);
        shown.put("labelled accounts", labelled.toString());
        shown.put("labelled account", exchange.adminOk("GET", "/admin/v1/accounts/" +
            labelled.get(0).get("accountId").asLong(), null).toString());
        for (final TestExchange.Trader trader : traders)
        {
            shown.put("admin account " + trader.accountId(), exchange.accountState(trader));
            shown.put("admin keys " + trader.accountId(),
                exchange.adminOk("GET", "/admin/v1/accounts/" + trader.accountId() + "/apiKeys", null).toString());
            if (trader == traders.get(traders.size() - 1))
            {
                shown.put("revoked key", Integer.toString(
                    exchange.signed(trader, "GET", "/v1/account/balances", null, null).statusCode()));
                continue;
            }
            for (final String[] request : new String[][] {{"/v1/account/balances", null},
                {"/v1/trade/openOrders", "market=ETH&currency=BCH"}, {"/v2/account/tradeHistory", null},
                {"/v1/account/transactionHistory", null}})
            {
                shown.put(trader.accountId() + " " + request[0],
                    exchange.signedOk(trader, "GET", request[0], request[1], null).toString());
            }
            for (final long orderId : orderIds)
            {
                final TestExchange.Answer answer =
                    exchange.signed(trader, "GET", "/v2/account/orders/" + orderId, null, null);
                final JsonNode data = answer.data();
                shown.put(trader.accountId() + " order " + orderId, answer.statusCode() + " " + data);
            }
        }
        return shown;
    }

    private List<Path> snapshots()
    {
        try (Stream<Path> files = Files.list(exchange.dataDir.resolve("snapshots")))
        {
            return files.sorted(Comparator.comparing(Path::getFileName)).toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void delete(final Path file)
    {
        try
        {
            Files.delete(file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void flipByteInTheMiddle(final Path file)
    {
        try
        {
            final byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 0x5A;
            Files.write(file, bytes);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
