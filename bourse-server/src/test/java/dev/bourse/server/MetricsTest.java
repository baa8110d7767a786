package dev.bourse.server;

import dev.bourse.server.sequencer.SequencerHealth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /metrics} on the admin port, scraped after a known sequence of requests, and health and readiness. */
class MetricsTest
{
    private TestExchange exchange;

    @BeforeEach
    void setUp() throws Exception
    {
        exchange = new TestExchange();
    }

    @AfterEach
    void tearDown() throws Exception
    {
        exchange.close();
    }

    @Test
    void shouldCountCommandsAnswersAndBatchesAsTheyHappened() throws Exception
    {
        exchange.createPair("BCH.ETH");
        final TestExchange.Trader trader = exchange.fundedTrader("10", "BCH", "ETH");
        exchange.limitOrder(trader, "BCH.ETH", "SELL", "0.05", "1");
        exchange.limitOrder(trader, "BCH.ETH", "SELL", "0.06", "1");
        assertThat(exchange.signed(trader, "POST", "/v1/trade/limitOrders", null,
            "coinPair=BCH.ETH&orderSide=SELL&price=0.05&quantity=100").statusCode()).isEqualTo(3301);
        assertThat(exchange.signed(trader, "POST", "/v1/trade/limitOrders", null,
            "coinPair=BCH.ETH&orderSide=SELL&price=abc&quantity=1").statusCode()).isEqualTo(4008);
        assertThat(exchange.publicGet("/v1/nowhere").statusCode()).isEqualTo(4000);
        assertThat(exchange.publicGet("/v1/public/time").json().has("responseTime")).isTrue();

        final Map<String, Double> metrics = scrape();

        assertThat(metrics).containsEntry("bourse_commands_total{status=1000,type=PlaceOrder}", 2.0)
            .containsEntry("bourse_commands_total{status=3301,type=PlaceOrder}", 1.0)
            .containsEntry("bourse_commands_total{status=1000,type=PutPair}", 1.0)
            .containsEntry("bourse_commands_total{status=1000,type=CreateAccount}", 1.0)
            .containsEntry("bourse_commands_total{status=1000,type=IssueApiKey}", 1.0)
            .containsEntry("bourse_commands_total{status=1000,type=Transfer}", 2.0)
            .containsEntry("bourse_http_requests_seconds_count{method=POST,port=public,route=/v1/trade/limitOrders," +
                "status=1000}", 2.0)
            .containsEntry("bourse_http_requests_seconds_count{method=POST,port=public,route=/v1/trade/limitOrders," +
                "status=3301}", 1.0)
            .containsEntry("bourse_http_requests_seconds_count{method=POST,port=public,route=/v1/trade/limitOrders," +
                "status=4008}", 1.0)
            .containsEntry("bourse_http_requests_seconds_count{method=unmatched,port=public,route=unmatched," +
                "status=4000}", 1.0)
            .containsEntry("bourse_http_requests_seconds_count{method=GET,port=public,route=/v1/public/time," +
                "status=1000}", 1.0)
            .containsEntry("bourse_http_requests_seconds_count{method=POST,port=admin,route=/admin/v1/accounts," +
                "status=1000}", 1.0);
        final long committed = exchange.server.health().committedSequence();
        assertThat(committed).isEqualTo(8);
        assertThat(metrics).containsEntry("bourse_sequence_committed", (double)committed)
            .containsEntry("bourse_engine_batch_size_sum", (double)committed)
            .containsEntry("bourse_projection_lag{projection=readModel}", 0.0)
            .containsEntry("bourse_projection_sequence{projection=readModel}", (double)committed)
            .containsEntry("bourse_accepting_writes", 1.0)
            .containsEntry("bourse_engine_queue_depth", 0.0)
            .containsEntry("bourse_connections_refused_total{port=public,reason=ip_limit}", 0.0)
            .containsEntry("bourse_connections_limit{port=admin}", 64.0)
            .containsKeys("process_files_open_files", "process_files_max_files", "jvm_gc_live_data_size_bytes",
                "bourse_jvm_heap_after_gc_bytes",
                "process_uptime_seconds", "jvm_threads_live_threads");
        assertThat(metrics.get("bourse_journal_commit_seconds_count"))
            .isEqualTo(metrics.get("bourse_engine_batch_size_count")).isPositive();
        assertThat(metrics.get("bourse_journal_append_seconds_count"))
            .isEqualTo(metrics.get("bourse_engine_batch_size_count"));
        assertThat(metrics.get("bourse_connections_open{port=admin}")).isGreaterThanOrEqualTo(1.0);
        assertThat(metrics.keySet()).anyMatch(series -> series.startsWith("jvm_memory_used_bytes{area=heap"));
    }

    @Test
    void shouldShowTheLagOfATrackedProjection() throws Exception
    {
        exchange.createPair("BCH.ETH");
        exchange.trader();
        exchange.server.health().trackProjection("history", () -> 1);
        final long committed = exchange.server.health().committedSequence();

        assertThat(scrape()).containsEntry("bourse_projection_lag{projection=history}", committed - 1.0)
            .containsEntry("bourse_projection_sequence{projection=history}", 1.0);
        final var health = exchange.send(HttpRequest.newBuilder(exchange.adminUri("/admin/v1/health")).build())
            .data();
        assertThat(health.get("projections").toString()).isEqualTo("[{\"name\":\"readModel\",\"sequence\":" +
            committed + ",\"lag\":0},{\"name\":\"history\",\"sequence\":1,\"lag\":" + (committed - 1) + "}]");
        assertThat(health.get("ready").asBoolean()).isTrue();
    }

    @Test
    void shouldSayReadyWhileListeningAndAcceptingWrites()
    {
        final var ready = exchange.send(HttpRequest.newBuilder(exchange.adminUri("/admin/v1/ready")).build()).data();

        assertThat(ready.toString()).isEqualTo(
            "{\"ready\":true,\"recovered\":true,\"listening\":true,\"acceptingWrites\":true}");
        assertThat(exchange.server.health().projections()).containsOnlyKeys(SequencerHealth.READ_MODEL);
    }

    /** @return every series of {@code GET /metrics}: name and labels (sorted, unquoted) to value. */
    private Map<String, Double> scrape() throws Exception
    {
        final HttpResponse<String> response = exchange.http.send(
            HttpRequest.newBuilder(exchange.adminUri("/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        final Map<String, Double> series = new TreeMap<>();
        for (final String line : response.body().split("\n"))
        {
            if (line.isBlank() || line.startsWith("#"))
            {
                continue;
            }
            final int space = line.lastIndexOf(' ');
            final String key = line.substring(0, space);
            final int brace = key.indexOf('{');
            final String name = brace < 0 ? key : key.substring(0, brace) + "{" +
                Arrays.stream(key.substring(brace + 1, key.length() - 1).split(","))
                    .map(label -> label.replace("\"", "")).sorted().collect(Collectors.joining(",")) + "}";
            series.put(name, Double.parseDouble(line.substring(space + 1)));
        }
        return series;
    }
}
