package dev.bourse.loadgen;

import dev.bourse.engine.Side;
import dev.bourse.server.BourseServer;
import dev.bourse.server.ServerContext;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignedLoadAgainstBourseTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldHaveEverySignedRequestAcceptedByARealServer() throws Exception
    {
        try (BourseServer server = BourseServer.start(new ServerContext()
            .publicHost("127.0.0.1")
            .publicPort(0)
            .adminPort(0)
            .dataDir(dataDir)
            .demoPairs(true)))
        {
            final List<ApiCredentials> traders =
                new AdminClient(server.adminPort(), server.adminToken()).createTraders(4);
            final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
            try (LoadGenerator generator = new LoadGenerator(vertx, "127.0.0.1", server.publicPort(),
                ServerRun.sessions(traders), 8))
            {
                final LoadResult closed = generator.runClosedLoop(8, 300, 1_500);
                final LoadResult open = generator.runOpenLoop(500, 200, 1_000);

                for (final LoadResult result : List.of(closed, open))
                {
                    final OutcomeChecks checks = new OutcomeChecks();
                    checks.checkPhase("run", result);
                    assertThat(checks.failures()).isEmpty();
                    assertThat(result.countOf(4003, 4005, 6004)).isZero();
                    assertThat(result.countOf(1000)).isPositive();
                }
                // orders were placed and some of them still rest in the book
                assertThat(server.readModel().depth().bestPrice(TradingSession.COIN_PAIR, Side.BUY))
                    .isPositive();
            }
            finally
            {
                vertx.close().await();
            }
        }
    }
}
