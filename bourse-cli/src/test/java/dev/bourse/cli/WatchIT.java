package dev.bourse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bourse.client.BourseClient;
import dev.bourse.client.OrderRequest;
import dev.bourse.client.OrderSide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bourse watch} as a user runs it: the shaded jar in its own process against a real server. */
class WatchIT
{
    private static final String PAIR = "BTC.USDT";

    @TempDir
    static Path dataDir;

    @TempDir
    Path home;

    private static TestExchange exchange;

    @BeforeAll
    static void startExchange() throws IOException
    {
        exchange = new TestExchange(dataDir);
    }

    @AfterAll
    static void stopExchange()
    {
        exchange.close();
    }

    private CliProcess cli() throws IOException
    {
        return new CliProcess(home).env("BOURSE_URL", exchange.publicUrl());
    }

    private static BourseClient client(final TestExchange.Trader trader)
    {
        return BourseClient.builder(URI.create(exchange.publicUrl())).credentials(trader.apiKey(), trader.apiSecret())
            .rateLimit(100, 6000).build();
    }

    private static List<JsonNode> lines(final CliProcess.Result result) throws IOException
    {
        final List<JsonNode> lines = new ArrayList<>();
        for (final String line : result.stdout().split("\n"))
        {
            lines.add(Output.JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void shouldPrintOneJsonLinePerOrderEventWithTheApisFieldNames() throws Exception
    {
        final TestExchange.Trader trader = exchange.trader("10000", "0");
        final CliProcess.Running watch = cli().start(Map.of("BOURSE_API_KEY", trader.apiKey(),
            "BOURSE_API_SECRET", trader.apiSecret()), "watch", "orders", "--json", "--count", "3");
        watch.awaitStderr("bourse: watching orders");
        try (BourseClient client = client(trader))
        {
            final long orderId = client.placeOrder(OrderRequest.limit(PAIR, OrderSide.BUY, new BigDecimal("0.01"),
                new BigDecimal("100"))).orderId();
            client.cancelOrder(orderId);
            client.placeOrder(OrderRequest.limit(PAIR, OrderSide.BUY, new BigDecimal("0.02"), new BigDecimal("90")));

            final CliProcess.Result result = watch.await();
            assertThat(result.exitCode()).as(result.toString()).isZero();
            final List<JsonNode> events = lines(result);
            assertThat(events).extracting(event -> event.get("type").asText()).containsOnly("order");
            assertThat(events).extracting(event -> event.get("event").asText())
                .containsExactly("ACCEPTED", "CANCELLED", "ACCEPTED");
            assertThat(events.get(1).get("reason").asText()).isEqualTo("USER");
            assertThat(events.get(1).get("order").get("orderID").asLong()).isEqualTo(orderId);
            assertThat(events.get(1).get("order").get("status").asText()).isEqualTo("COMPLETE");
            assertThat(events.get(0).get("seq").asLong()).isLessThan(events.get(1).get("seq").asLong());
            assertThat(events.get(0).has("idx")).isTrue();
        }
    }

    @Test
    void shouldPrintTheBookAsASnapshotThenItsChanges() throws Exception
    {
        final TestExchange.Trader buyer = exchange.trader("0", "10");
        final CliProcess.Running watch = cli().start(Map.of(), "watch", "book", "--pair", "ETH.BTC", "--count", "2");
        watch.awaitStderr("bourse: watching book:ETH.BTC");
        try (BourseClient client = client(buyer))
        {
            client.placeOrder(OrderRequest.limit("ETH.BTC", OrderSide.BUY, new BigDecimal("1"),
                new BigDecimal("0.05")));
        }
        final CliProcess.Result result = watch.await();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        final String[] lines = result.stdout().split("\n");
        assertThat(lines[0]).startsWith("book ETH.BTC snapshot seq ").contains("0 bids, 0 asks");
        assertThat(lines[1]).contains("book ETH.BTC seq ").endsWith(": BID 0.05 -> 1");
    }

    @Test
    void shouldReportAnUnknownPairAsARefusalAndMissingCredentialsAsUsage() throws Exception
    {
        final CliProcess.Result unknown = cli().run("watch", "trades", "--pair", "NOPE.USDT");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(unknown.stderr()).startsWith("bourse: statusCode 4009: ");
        final CliProcess.Result noKey = cli().run("watch", "fills");
        assertThat(noKey.exitCode()).as(noKey.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(noKey.stdout()).isEmpty();
    }
}
