package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HTTP edge over real sockets: connection caps in total and per client IP (a second loopback address, 127.0.0.2,
 * which Linux routes to lo, stands for another client), the request deadline that cuts off slow clients, and the
 * documented answer to every malformed request: the 4000 envelope over HTTP/1.1 200, then the connection closed.
 */
class HttpEdgeTest
{
    private static final long GENEROUS_WAIT_MS = 30_000;
    private static final String TIME = "GET /v1/public/time HTTP/1.1\r\nHost: x\r\n\r\n";

    private TestExchange exchange;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception
    {
        for (final Socket socket : sockets)
        {
            socket.close();
        }
        if (exchange != null)
        {
            exchange.close();
        }
    }

    @Test
    void shouldRefuseConnectionsBeyondThePerIpAndTotalCapsWhileOthersAndTheAdminPortGetIn() throws Exception
    {
        exchange = new TestExchange(context -> context.maxConnections(5).maxConnectionsPerIp(3));
        final int port = exchange.server.publicPort();
        for (int i = 0; i < 3; i++)
        {
            connect("127.0.0.1", port);
        }
        awaitCondition(() -> exchange.server.publicConnections().open() == 3);

        final Socket fourth = connect("127.0.0.1", port);
        assertThat(RawHttp.closedByPeer(fourth)).isTrue();
        assertThat(exchange.server.publicConnections().refusedPerIp()).isEqualTo(1);

        final Socket other = connect("127.0.0.2", port);
        assertThat(roundTrip(other, TIME).body()).contains("\"timezone\":\"UTC\"");
        connect("127.0.0.2", port);
        awaitCondition(() -> exchange.server.publicConnections().open() == 5);

        final Socket beyondTotal = connect("127.0.0.3", port);
        assertThat(RawHttp.closedByPeer(beyondTotal)).isTrue();
        assertThat(exchange.server.publicConnections().refusedTotal()).isEqualTo(1);
        assertThat(exchange.send(java.net.http.HttpRequest.newBuilder(exchange.adminUri("/admin/v1/health")).build())
            .data().get("acceptingWrites").asBoolean()).isTrue();

        sockets.getFirst().close();
        awaitCondition(() -> exchange.server.publicConnections().open() == 4);
        assertThat(roundTrip(connect("127.0.0.1", port), TIME).httpStatus()).isEqualTo(200);
    }

    @Test
    void shouldCutOffAClientThatSendsItsHeadersSlowly() throws Exception
    {
        exchange = new TestExchange(context -> context.requestTimeoutMs(300));
        final Socket socket = connect("127.0.0.1", exchange.server.publicPort());
        socket.setSoTimeout(100);
        final OutputStream out = socket.getOutputStream();
        out.write("GET /v1/public/time HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(dripUntilClosed(socket, "X-Slow: header\r\n")).isTrue();
        assertThat(exchange.server.publicConnections().cutOffs()).isEqualTo(1);
    }

    @Test
    void shouldCutOffAClientThatSendsItsBodySlowlyWithoutApplyingIt() throws Exception
    {
        exchange = new TestExchange(context -> context.requestTimeoutMs(300));
        final Socket socket = connect("127.0.0.1", exchange.server.adminPort());
        socket.setSoTimeout(100);
        socket.getOutputStream().write(("POST /admin/v1/accounts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
            exchange.server.adminToken() + "\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
            "Content-Length: 100000\r\n\r\na=1").getBytes(StandardCharsets.US_ASCII));
        assertThat(dripUntilClosed(socket, "1")).isTrue();
        assertThat(exchange.server.adminConnections().cutOffs()).isEqualTo(1);
        assertThat(exchange.server.health().committedSequence()).isZero();
    }

    @Test
    void shouldKeepAKeepAliveConnectionOpenBetweenRequestsLongerThanTheDeadline() throws Exception
    {
        exchange = new TestExchange(context -> context.requestTimeoutMs(200));
        final Socket socket = connect("127.0.0.1", exchange.server.publicPort());
        assertThat(roundTrip(socket, TIME).httpStatus()).isEqualTo(200);
        socket.setSoTimeout(1_000);
        assertThatReadTimesOut(socket);
        socket.setSoTimeout(30_000);
        assertThat(roundTrip(socket, TIME).httpStatus()).isEqualTo(200);
        assertThat(exchange.server.publicConnections().cutOffs()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "GET /v1/public/time HTTP/2.0\r\nHost: x\r\n\r\n",
        "GET /v1/public/time HTTP/1.2\r\nHost: x\r\n\r\n",
        "GET /v1/public/time http/1.1\r\nHost: x\r\n\r\n",
        "GET /v1/public/time HTTP/3\r\nHost: x\r\n\r\n",
        "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
        "NONSENSE\r\n\r\n",
        "GET /v1/public/time HTTP/1.1\r\nNo colon here\r\n\r\n",
        "POST /v1/trade/limitOrders HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n" +
            "Content-Type: application/x-www-form-urlencoded\r\n\r\nZZ\r\ncoinPair=BCH.ETH\r\n0\r\n\r\n",
        "POST /v1/trade/limitOrders HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n" +
            "Content-Type: application/x-www-form-urlencoded\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\nx\r\n0\r\n\r\n",
        "POST /admin/v1/accounts HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\nx\r\n0\r\n\r\n"})
    void shouldAnswerMalformedRequestsWith4000AndClose(final String request) throws Exception
    {
        exchange = new TestExchange();
        for (final int port : new int[] {exchange.server.publicPort(), exchange.server.adminPort()})
        {
            final RawHttp.Response response = RawHttp.sendExpectingClose(port, request, null);
            assertEnvelope(response, 4000);
        }
        assertThat(exchange.server.publicConnections().malformedRequests()).isEqualTo(1);
        assertThat(exchange.server.adminConnections().malformedRequests()).isEqualTo(1);
        assertThat(exchange.server.health().committedSequence()).isZero();
    }

    @Test
    void shouldAnswerOversizedUrisHeadersAndBodiesWith4000AndClose() throws Exception
    {
        exchange = new TestExchange(context -> context.maxBodyBytes(1_024).maxUriLength(512));
        final int port = exchange.server.publicPort();
        assertEnvelope(RawHttp.sendExpectingClose(port,
            "GET /v1/" + "a".repeat(600) + " HTTP/1.1\r\nHost: x\r\n\r\n", null), 4000);
        assertEnvelope(RawHttp.sendExpectingClose(port,
            "GET /v1/" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", null), 4000);
        assertEnvelope(RawHttp.sendExpectingClose(port,
            "GET /v1/public/time HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(40_000) + "\r\n\r\n", null), 4000);
        final byte[] body = "a=".concat("x".repeat(5_000)).getBytes(StandardCharsets.US_ASCII);
        assertEnvelope(RawHttp.sendExpectingClose(port, "POST /v1/trade/limitOrders HTTP/1.1\r\nHost: x\r\n" +
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n", body),
            4000);
        assertEnvelope(RawHttp.sendExpectingClose(port, "POST /v1/trade/limitOrders HTTP/1.1\r\nHost: x\r\n" +
            "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n" +
            Integer.toHexString(body.length) + "\r\n", body), 4000);
    }

    @Test
    void shouldServeAnHttp2UpgradeRequestAsHttp11() throws Exception
    {
        exchange = new TestExchange();
        final RawHttp.Response response = RawHttp.send(exchange.server.publicPort(),
            "GET /v1/public/time HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n" +
                "HTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n", null);
        assertThat(response.version()).isEqualTo("HTTP/1.1");
        assertThat(response.httpStatus()).isEqualTo(200);
        assertThat(TestExchange.JSON.readTree(response.body()).has("responseTime")).isTrue();
    }

    private static void assertEnvelope(final RawHttp.Response response, final int statusCode) throws IOException
    {
        assertThat(response.version()).isEqualTo("HTTP/1.1");
        assertThat(response.httpStatus()).isEqualTo(200);
        final JsonNode json = TestExchange.JSON.readTree(response.body());
        assertThat(json.get("timezone").asText()).isEqualTo("UTC");
        assertThat(json.get("statusCode").asInt()).as(response.body()).isEqualTo(statusCode);
        assertThat(json.has("responseData")).isFalse();
    }

    private Socket connect(final String localAddress, final int port) throws IOException
    {
        final Socket socket = new Socket();
        sockets.add(socket);
        try
        {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        }
        catch (final IOException ex)
        {
            assumeTrue(false, "cannot bind a client socket to " + localAddress + ": " + ex);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.setSoTimeout((int)GENEROUS_WAIT_MS);
        return socket;
    }

    private static RawHttp.Response roundTrip(final Socket socket, final String request) throws IOException
    {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return RawHttp.read(socket.getInputStream());
    }

    /**
     * Sends {@code drip} every read timeout of the socket until the server closes it, for {@link #GENEROUS_WAIT_MS}
     * at most.
     *
     * @return whether the server closed the connection.
     */
    private static boolean dripUntilClosed(final Socket socket, final String drip) throws IOException
    {
        final long deadlineMs = System.currentTimeMillis() + GENEROUS_WAIT_MS;
        while (System.currentTimeMillis() < deadlineMs)
        {
            try
            {
                socket.getOutputStream().write(drip.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                if (socket.getInputStream().read() < 0)
                {
                    return true;
                }
            }
            catch (final SocketTimeoutException stillOpen)
            {
                // nothing to read yet: drip on
            }
            catch (final IOException closed)
            {
                return true;
            }
        }
        return false;
    }

    private static void assertThatReadTimesOut(final Socket socket) throws IOException
    {
        try
        {
            final int read = socket.getInputStream().read();
            throw new AssertionError("expected no answer and an open connection, read " + read);
        }
        catch (final SocketTimeoutException expected)
        {
            // the connection stayed open and silent
        }
    }

    private static void awaitCondition(final BooleanSupplier condition) throws InterruptedException
    {
        final long deadlineMs = System.currentTimeMillis() + GENEROUS_WAIT_MS;
        while (!condition.getAsBoolean())
        {
            assertThat(System.currentTimeMillis()).as("waiting for a condition").isLessThan(deadlineMs);
            Thread.onSpinWait();
            Thread.sleep(5);
        }
    }
}
