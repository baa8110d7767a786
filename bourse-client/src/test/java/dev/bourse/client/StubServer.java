package dev.bourse.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A JDK HTTP server that records every request and answers as a script says: an envelope, a dropped connection, or
 * no answer at all (until closed). For the transport's behaviour where a real exchange is not needed.
 */
final class StubServer implements AutoCloseable
{
    /** A request as received. */
    record Received(
        String method, String path, String query, String body, Headers headers, long arrivedAtMs, int remotePort)
    {
        String header(final String name)
        {
            return headers.getFirst(name);
        }
    }

    /** What to do with a request. */
    sealed interface Reply permits Answer, Drop, Hang
    {
    }

    /** Answers HTTP {@code status} with this body. */
    record Answer(int status, String body) implements Reply
    {
    }

    /** Closes the connection without answering. */
    record Drop() implements Reply
    {
    }

    /** Never answers. */
    record Hang() implements Reply
    {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Function<Received, Reply> script;

    StubServer(final Function<Received, Reply> script) throws IOException
    {
        this.script = script;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static Answer success(final String responseData)
    {
        return envelope(1000, "SUCCESS", responseData);
    }

    static Answer envelope(final int code, final String message, final String responseData)
    {
        return new Answer(200, "{\"timezone\":\"UTC\",\"responseTime\":" + System.currentTimeMillis() +
            ",\"statusCode\":" + code + ",\"statusMessage\":\"" + message + "\"" +
            (responseData == null ? "" : ",\"responseData\":" + responseData) + "}");
    }

    static Answer time(final long serverTimeMs)
    {
        return new Answer(200, "{\"timezone\":\"UTC\",\"responseTime\":" + serverTimeMs + "}");
    }

    URI uri()
    {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received()
    {
        return List.copyOf(received);
    }

    List<Received> received(final String path)
    {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    void script(final Function<Received, Reply> script)
    {
        this.script = script;
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        final Received request = new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery(),
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
            new Headers(exchange.getRequestHeaders()),
            System.currentTimeMillis(),
            exchange.getRemoteAddress().getPort());
        received.add(request);
        switch (script.apply(request))
        {
            case Answer answer ->
            {
                final byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.status(), body.length);
                try (OutputStream out = exchange.getResponseBody())
                {
                    out.write(body);
                }
            }
            case Drop drop -> throw new IOException("dropped by the script");
            case Hang hang ->
            {
                try
                {
                    closed.await(30, TimeUnit.SECONDS);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
        }
    }

    @Override
    public void close()
    {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
