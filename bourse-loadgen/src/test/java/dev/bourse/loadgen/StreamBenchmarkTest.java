package dev.bourse.loadgen;

import dev.bourse.bench.Figure;
import dev.bourse.bench.Figures;
import dev.bourse.server.BourseServer;
import dev.bourse.server.ServerContext;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streams benchmark, small, against a real Bourse and the bare WebSocket baseline in this JVM: every figure is
 * there and well formed, every connection got trade messages, and no outcome check failed (no timing is asserted).
 */
class StreamBenchmarkTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldMeasureBourseAndTheBaselineForEachConnectionCount() throws Exception
    {
        final ByteArrayOutputStream lines = new ByteArrayOutputStream();
        final Figures report = new Figures(new PrintStream(lines, true, StandardCharsets.UTF_8));
        final OutcomeChecks checks = new OutcomeChecks();
        try (BourseServer server = BourseServer.start(new ServerContext().publicHost("127.0.0.1").publicPort(0)
                .adminPort(0).dataDir(dataDir).demoPairs(true));
            BareServer bare = BareServer.start("127.0.0.1", 0))
        {
            final List<ApiCredentials> traders =
                new AdminClient(server.adminPort(), server.adminToken()).createTraders(4);
            final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
            try (LoadGenerator orders = new LoadGenerator(vertx, "127.0.0.1", server.publicPort(),
                ServerRun.sessions(traders), 4))
            {
                new StreamBenchmark(new StreamBenchmarkConfiguration(4, 4, 400, List.of(1, 5), 200, 800), report,
                    checks).run(orders, "127.0.0.1", server.publicPort(), bare.port());
            }
            finally
            {
                vertx.close().await();
            }
        }

        assertThat(checks.failures()).isEmpty();
        final List<String> names = report.all().stream().map(Figure::name).toList();
        for (final String side : List.of("bourse", "bare"))
        {
            for (final int connections : List.of(1, 5))
            {
                for (final String figure : List.of("messages", "p50", "p99", "p99_9"))
                {
                    assertThat(names).contains("stream." + side + ".c" + connections + "." + figure);
                }
            }
        }
        assertThat(report.all()).filteredOn(figure -> figure.name().endsWith(".messages"))
            .allSatisfy(figure -> assertThat(figure.value()).isPositive());
        assertThat(lines.toString(StandardCharsets.UTF_8).lines()).allMatch(line -> line.split(" ").length == 3);
    }
}
