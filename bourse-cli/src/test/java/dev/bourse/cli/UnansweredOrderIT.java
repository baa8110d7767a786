package dev.bourse.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that receives an order and never answers (as when a connection dies after the request left): the tool
 * must exit with {@link ExitCode#OUTCOME_UNKNOWN}, say that the order may have been placed, and not send it twice;
 * unless the order carries a client order ID, which makes it safe to send again.
 * The server is a plain JDK HTTP server that answers the time, so that signing works, and holds every POST.
 */
class UnansweredOrderIT
{
    @TempDir
    Path home;

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger ordersReceived = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException
    {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v1/public/time", exchange -> answer(exchange,
            "{\"timezone\":\"UTC\",\"responseTime\":" + System.currentTimeMillis() + "}"));
        server.createContext("/v1/trade/limitOrders", this::hold);
        server.start();
    }

    @AfterEach
    void stopServer()
    {
        release.countDown();
        server.stop(0);
    }

    private void hold(final HttpExchange exchange) throws IOException
    {
        ordersReceived.incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        try
        {
            release.await(2, TimeUnit.MINUTES);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    private static void answer(final HttpExchange exchange, final String body) throws IOException
    {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void shouldExitFiveAndNotResendAnOrderThatGotNoAnswer() throws Exception
    {
        final CliProcess.Result result = new CliProcess(home).run("order", "place", "--pair", "BTC.USDT",
            "--side", "BUY", "--price", "100", "--quantity", "1", "--timeout-ms", "1000",
            "--url", "http://127.0.0.1:" + server.getAddress().getPort(), "--api-key", "AbCdEfGhIjKlMnOpQrSt",
            "--api-secret", "0123456789abcdefghijABCDEFGHIJ01");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.OUTCOME_UNKNOWN);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).startsWith("bourse: ").contains("outcome is unknown")
            .contains("POST /v1/trade/limitOrders");
        assertThat(ordersReceived.get()).isEqualTo(1);
    }

    /** With a client order ID the order is safe to repeat: the tool retries it, then reports no answer (exit 3). */
    @Test
    void shouldRetryAnOrderWithAClientIdThatGotNoAnswer() throws Exception
    {
        final CliProcess.Result result = new CliProcess(home).run("order", "place", "--pair", "BTC.USDT",
            "--side", "BUY", "--price", "100", "--quantity", "1", "--client-id", "retry-me", "--timeout-ms", "1000",
            "--url", "http://127.0.0.1:" + server.getAddress().getPort(), "--api-key", "AbCdEfGhIjKlMnOpQrSt",
            "--api-secret", "0123456789abcdefghijABCDEFGHIJ01");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(result.stderr()).contains("no answer after 3 attempt(s)");
        assertThat(ordersReceived.get()).isEqualTo(3);
    }
}
