package dev.bourse.loadgen;

import dev.bourse.bench.Figure;
import dev.bourse.bench.Figures;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class LoadGeneratorTest
{
    private static BareServer server;
    private static Vertx vertx;
    private static LoadGenerator generator;

    @BeforeAll
    static void startServer()
    {
        server = BareServer.start("127.0.0.1", 0);
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        generator = new LoadGenerator(vertx, "127.0.0.1", server.port(),
            ServerRun.sessions(ServerRun.placeholderCredentials(4)), 8);
    }

    @AfterAll
    static void stopServer()
    {
        generator.close();
        vertx.close().await();
        server.close();
    }

    @Test
    void shouldMeasureEveryAnswerOfAClosedLoop()
    {
        final LoadResult result = generator.runClosedLoop(8, 200, 500);

        assertThat(result.answered()).isPositive();
        assertThat(result.failed()).isZero();
        assertThat(result.statusCounts()).containsOnlyKeys(1000).containsEntry(1000, result.answered());
        assertThat(result.latencyUs().getTotalCount()).isEqualTo(result.answered());
        assertThat(result.percentileMs(50)).isPositive().isLessThanOrEqualTo(result.percentileMs(99.9));
        assertThat(result.throughputPerSecond()).isEqualTo(result.answered() / 0.5);
    }

    @Test
    void shouldSendEveryScheduledRequestOfAnOpenLoop()
    {
        final LoadResult result = generator.runOpenLoop(2_000, 200, 500);

        // 2,000 a second for 0.5 s are due in the measured time, whatever the server does
        assertThat(result.answered() + result.failed()).isEqualTo(1_000);
        assertThat(result.failed()).isZero();
        assertThat(result.latencyUs().getTotalCount()).isEqualTo(1_000);
        assertThat(result.offeredPerSecond()).isEqualTo(2_000);
    }

    @Test
    void shouldPrintTheFiguresOfAQuickRunAsNameValueUnitLines()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Figures report = new Figures(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        final OutcomeChecks checks = new OutcomeChecks();
        final ServerBenchmarkConfiguration quick = new ServerBenchmarkConfiguration(4, 8, 8, 1, 100, 300,
            List.of(0.5), 300);
        final ProcessCpu ownCpu = ProcessCpu.of(ProcessHandle.current().pid());

        final List<SweepPoint> points = new ServerBenchmark(quick, report, checks, ownCpu, ownCpu).run(generator, generator);

        assertThat(checks.failures()).isEmpty();
        final String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).isNotEmpty().allMatch(line -> Figure.LINE.matcher(line).matches());
        final Map<String, Figure> figures = report.all().stream()
            .collect(Collectors.toMap(Figure::name, figure -> figure));
        assertThat(figures.get("server.ceiling.closed.throughput").value()).isPositive();
        assertThat(figures.get("server.bourse.closed.status_1000").value()).isPositive();
        assertThat(figures.get("server.bourse.closed.share_of_ceiling").value()).isPositive();
        assertThat(figures.get("server.bourse.half_max.p99").value())
            .isGreaterThanOrEqualTo(figures.get("server.bourse.half_max.p50").value())
            .isLessThanOrEqualTo(figures.get("server.bourse.half_max.p99_9").value());
        assertThat(figures.get("server.bourse.closed.cpu_per_request").value()).isPositive();
        assertThat(figures.get("server.ceiling.sweep.pct050.cpu_per_request").value()).isPositive();
        assertThat(points).extracting(SweepPoint::target).containsExactly("bourse", "ceiling");
        assertThat(points).allMatch(point -> point.achievedPerSecond() > 0);
    }
}
