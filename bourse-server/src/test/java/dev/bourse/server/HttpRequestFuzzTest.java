package dev.bourse.server;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the request decoding path end to end: any bytes sent to the public port of a real server (its Netty decoder,
 * the request edge, the gateway's routing, parameters and authentication), then the end of the stream. Properties:
 * every answer is HTTP 200 (the envelope, or the OpenAPI document; in HTTP/1.0 to an HTTP/1.0 request), no envelope
 * says 5000, the server closes the connection once the client has nothing more to say, and nothing changes (no
 * command reaches the journal: an unsigned or wrongly signed request cannot make one).
 */
class HttpRequestFuzzTest
{
    private static TestExchange exchange;
    private static long committed;

    @BeforeAll
    static void startServer() throws Exception
    {
        exchange = new TestExchange(context -> context.maxBodyBytes(4_096).maxUriLength(1_024));
        exchange.createPair("BCH.ETH");
        exchange.fundedTrader("10", "BCH", "ETH");
        committed = exchange.server.health().committedSequence();
    }

    @AfterAll
    static void stopServer() throws Exception
    {
        exchange.close();
    }

    @DictionaryEntries({"GET ", "POST ", "DELETE ", " HTTP/1.1", " HTTP/1.0", "Host: x", "Content-Length: ",
        "Transfer-Encoding: chunked", "Content-Type: application/x-www-form-urlencoded", "Connection: close",
        "Expect: 100-continue", "Upgrade: h2c", "X-API-KEY: ", "X-API-SIGN: ", "X-API-NONCE: 12345",
        "X-API-TIMESTAMP: ", "/v1/public/time", "/v1/trade/limitOrders", "/v1/market/public/orderBooks?coinPair=",
        "/v2/account/orders/", "/openapi.yaml", "coinPair=BCH.ETH", "&quantity=", "&price=", "%2B", "1e-5"})
    @FuzzTest(maxDuration = "20s")
    void answersAnyBytesWithEnvelopesAndChangesNothing(final byte[] bytes) throws Exception
    {
        final byte[] answer;
        try (Socket socket = new Socket("127.0.0.1", exchange.server.publicPort()))
        {
            socket.setSoTimeout(30_000);
            try
            {
                socket.getOutputStream().write(bytes);
                socket.shutdownOutput();
            }
            catch (final IOException closedEarly)
            {
                // the server may refuse and close before it read everything
            }
            answer = readAll(socket.getInputStream());
        }
        int at = 0;
        while (at < answer.length)
        {
            at = checkAnswer(answer, at);
        }
        assertThat(exchange.server.health().committedSequence()).isEqualTo(committed);
    }

    /** @return where the next answer starts, after checking the one at {@code from}. */
    private static int checkAnswer(final byte[] stream, final int from) throws IOException
    {
        final String text = new String(stream, from, stream.length - from, StandardCharsets.ISO_8859_1);
        final int headEnd = text.indexOf("\r\n\r\n");
        assertThat(headEnd).as("an answer's head ends: %s", text).isPositive();
        final String head = text.substring(0, headEnd + 2);
        assertThat(head).matches("(?s)HTTP/1\\.[01] 200 OK\r\n.*");
        final String lower = head.toLowerCase(java.util.Locale.ROOT);
        final int lengthAt = lower.indexOf("content-length: ");
        assertThat(lengthAt).as("a content-length in %s", head).isPositive();
        final int length = Integer.parseInt(lower.substring(lengthAt + 16, lower.indexOf("\r\n", lengthAt)).trim());
        final int bodyStart = from + headEnd + 4;
        if (lower.contains("content-type: application/json"))
        {
            final JsonNode envelope = TestExchange.JSON.readTree(
                new String(stream, bodyStart, length, StandardCharsets.UTF_8));
            assertThat(envelope.path("statusCode").asInt()).as(envelope.toString()).isNotEqualTo(5000);
        }
        return bodyStart + length;
    }

    private static byte[] readAll(final InputStream in) throws IOException
    {
        final ByteArrayOutputStream all = new ByteArrayOutputStream();
        final byte[] buffer = new byte[8_192];
        try
        {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer))
            {
                all.write(buffer, 0, read);
            }
        }
        catch (final java.net.SocketException reset)
        {
            // a connection reset after the server closed with unread input: what arrived before counts
        }
        return all.toByteArray();
    }
}
