package dev.bourse.server.edge;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-key cap, as a stream endpoint uses it: a connection claims one of its API key's places once the key has
 * authenticated on it, and gives it back when it closes.
 */
class ConnectionGuardTest
{
    private final Vertx vertx = Vertx.vertx();
    private final ConnectionGuard guard = new ConnectionGuard("test", new ConnectionLimits(10, 10, 2, 10_000, 60_000));
    private final List<Socket> sockets = new ArrayList<>();
    private HttpServer server;

    @BeforeEach
    void setUp() throws Exception
    {
        server = vertx.createHttpServer()
            .connectionHandler(guard)
            .requestHandler(request -> request.response()
                .end(Boolean.toString(guard.claimForKey(request.connection(), request.getHeader("X-API-KEY")))))
            .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void tearDown() throws Exception
    {
        for (final Socket socket : sockets)
        {
            socket.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void shouldGiveEachKeyItsPlacesAndTakeThemBackWhenConnectionsClose() throws Exception
    {
        assertThat(claim("alice")).isEqualTo("true");
        assertThat(claim("alice")).isEqualTo("true");
        assertThat(claim("alice")).isEqualTo("false");
        assertThat(claim("bob")).isEqualTo("true");
        assertThat(guard.refusedPerKey()).isEqualTo(1);

        sockets.getFirst().close();
        final long deadlineMs = System.currentTimeMillis() + 30_000;
        while (guard.open() > 3)
        {
            assertThat(System.currentTimeMillis()).as("waiting for the server to see the close").isLessThan(deadlineMs);
            Thread.sleep(10);
        }
        assertThat(claim("alice")).isEqualTo("true");
    }

    /** @return the server's answer on a new connection whose request carries the key. */
    private String claim(final String key) throws IOException
    {
        final Socket socket = new Socket("127.0.0.1", server.actualPort());
        sockets.add(socket);
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: x\r\nX-API-KEY: " + key + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        final InputStream in = socket.getInputStream();
        final StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n"))
        {
            head.append((char)in.read());
        }
        final String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
        final int at = lower.indexOf("content-length:");
        final int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
        return new String(in.readNBytes(length), StandardCharsets.US_ASCII);
    }
}
