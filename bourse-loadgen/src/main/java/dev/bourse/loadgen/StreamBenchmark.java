package dev.bourse.loadgen;

import dev.bourse.bench.Figures;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * The streams benchmark: after one unmeasured phase of the order flow, for 1, 100 and 1,000 WebSocket connections
 * subscribed to {@code trades:BTC.USDT}, the latency of trade messages from publication (the publisher took the
 * command: durable, and shown by the read model) to receipt, p50/p99/p99.9, while the whole-server benchmark's order
 * flow runs through the API at a fixed rate; then the baseline in the same run: a bare Vert.x WebSocket server ({@link
 * BareServer}) echoing a constant message of the same shape to as many connections, at the message rate Bourse
 * produced.
 */
public final class StreamBenchmark
{
    private static final String SUBSCRIBE = "{\"op\":\"subscribe\",\"channels\":[\"trades:" +
        TradingSession.COIN_PAIR + "\"]}";

    private final StreamBenchmarkConfiguration configuration;
    private final Figures report;
    private final OutcomeChecks checks;

    /**
     * @param configuration how long and how hard.
     * @param report        where figures go.
     * @param checks        where failed outcome checks go.
     */
    public StreamBenchmark(final StreamBenchmarkConfiguration configuration, final Figures report,
        final OutcomeChecks checks)
    {
        this.configuration = configuration;
        this.report = report;
        this.checks = checks;
    }

    /**
     * @param orders    the order flow at Bourse.
     * @param host      the servers' host.
     * @param boursePort Bourse's public port.
     * @param barePort  the bare server's port.
     */
    public void run(final LoadGenerator orders, final String host, final int boursePort, final int barePort)
        throws Exception
    {
        report.add("stream.order_flow.offered", configuration.orderRate(), "req/s");
        // warms the generator, the server and the connections before anything is measured
        checks.checkPhase("stream order flow warm-up",
            orders.runOpenLoop(configuration.orderRate(), configuration.warmUpMs(), configuration.measureMs()));
        final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try
        {
            for (final int connections : configuration.connectionCounts())
            {
                final double perConnectionPerSecond = bourse(vertx, orders, host, boursePort, connections);
                bare(vertx, host, barePort, connections, Math.max(1, perConnectionPerSecond));
            }
        }
        finally
        {
            vertx.close().await();
        }
    }

    /** @return the trade messages a second each connection received. */
    private double bourse(final Vertx vertx, final LoadGenerator orders, final String host, final int port,
        final int connections) throws Exception
    {
        final String phase = "stream.bourse.c" + connections;
        try (StreamSubscribers subscribers = new StreamSubscribers(vertx))
        {
            subscribers.open(host, port, connections, SUBSCRIBE);
            subscribers.window(configuration.warmUpMs(), configuration.measureMs());
            final LoadResult flow =
                orders.runOpenLoop(configuration.orderRate(), configuration.warmUpMs(), configuration.measureMs());
            checks.checkPhase(phase + " order flow", flow);
            subscribers.awaitPongs();
            final StreamSubscribers.Result result = subscribers.result();
            record(phase, connections, result);
            report.add(phase + ".order_flow.achieved", flow.throughputPerSecond(), "req/s");
            return result.messages() / (double)connections / (configuration.measureMs() / 1000.0);
        }
    }

    private void bare(final Vertx vertx, final String host, final int port, final int connections,
        final double perSecond) throws Exception
    {
        final String phase = "stream.bare.c" + connections;
        try (StreamSubscribers subscribers = new StreamSubscribers(vertx))
        {
            subscribers.open(host, port, connections, null);
            subscribers.window(configuration.warmUpMs(), configuration.measureMs());
            subscribers.drive(perSecond, configuration.warmUpMs() + configuration.measureMs()).join();
            subscribers.awaitOneAfterWindow();
            record(phase, connections, subscribers.result());
        }
    }

    private void record(final String phase, final int connections, final StreamSubscribers.Result result)
    {
        checks.check(result.fewest() > 0, phase + ": a connection received no message in the measured time");
        checks.check(result.closed() == 0, phase + ": the server closed " + result.closed() + " connections");
        report.add(phase + ".connections", connections, "connections");
        report.add(phase + ".messages", result.messages() / (configuration.measureMs() / 1000.0), "messages/s");
        report.add(phase + ".p50", result.percentileMs(50), "ms");
        report.add(phase + ".p99", result.percentileMs(99), "ms");
        report.add(phase + ".p99_9", result.percentileMs(99.9), "ms");
    }
}
