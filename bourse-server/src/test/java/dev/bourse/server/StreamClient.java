package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bourse.protocol.RequestSigner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real WebSocket client of {@code /v1/ws} (the JDK's): every text message received is parsed and queued in order;
 * the test takes them with deadlines. {@link #ping()} is the barrier: once its pong arrives, every message of every
 * command up to the pong's sequence has arrived before it.
 */
final class StreamClient implements AutoCloseable
{
    static final long DEADLINE_MS = 20_000;

    /** How the server closed the connection. */
    record Closed(int code, String reason)
    {
    }

    private final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final List<JsonNode> history = new ArrayList<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final AtomicLong ids = new AtomicLong();
    private final WebSocket socket;
    private final StringBuilder partial = new StringBuilder();

    StreamClient(final int port) throws Exception
    {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/v1/ws"), new Listener())
            .get(DEADLINE_MS, TimeUnit.MILLISECONDS);
        assertThat(next(message -> true).path("type").asText()).isEqualTo("welcome");
    }

    private final class Listener implements WebSocket.Listener
    {
        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
        {
            partial.append(data);
            if (last)
            {
                try
                {
                    received.add(TestExchange.JSON.readTree(partial.toString()));
                }
                catch (final Exception ex)
                {
                    closed.completeExceptionally(ex);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(final WebSocket webSocket, final ByteBuffer data, final boolean last)
        {
            closed.completeExceptionally(new AssertionError("the server sent a binary message"));
            return null;
        }

        @Override
        public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
        {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(final WebSocket webSocket, final Throwable error)
        {
            closed.complete(new Closed(-1, error.toString()));
        }
    }

    /** Waits until the condition holds, polling, for at most {@link #DEADLINE_MS}. */
    static void await(final String what, final BooleanSupplier condition)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new AssertionError("not within " + DEADLINE_MS + " ms: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    void send(final String text)
    {
        socket.sendText(text, true).join();
    }

    /** @return the next message that matches, after skipping (and keeping in the history) those that do not. */
    JsonNode next(final Predicate<JsonNode> wanted) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
        while (true)
        {
            final JsonNode message = received.poll(Math.max(0, deadlineNs - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (message == null)
            {
                throw new AssertionError("no matching message within " + DEADLINE_MS + " ms; closed: " +
                    closed.getNow(null) + "; last received: " + history.subList(Math.max(0, history.size() - 5),
                    history.size()));
            }
            history.add(message);
            if (wanted.test(message))
            {
                return message;
            }
        }
    }

    /** @return the next message, which must be of the type. */
    JsonNode expect(final String type) throws InterruptedException
    {
        final JsonNode message = next(any -> true);
        assertThat(message.path("type").asText()).as("%s", message).isEqualTo(type);
        return message;
    }

    /** @return the reply to the request with this id (an error or its answer). */
    JsonNode reply(final long id) throws InterruptedException
    {
        return next(message -> message.path("id").asLong(-1) == id);
    }

    /** Sends a request with a fresh id and returns its reply. */
    JsonNode request(final String json) throws InterruptedException
    {
        final long id = ids.incrementAndGet();
        send("{\"id\":" + id + "," + json.substring(1));
        return reply(id);
    }

    /** @return the messages received before a pong whose sequence covers every command up to now, pong excluded. */
    List<JsonNode> ping() throws InterruptedException
    {
        final long id = ids.incrementAndGet();
        send("{\"op\":\"ping\",\"id\":" + id + "}");
        final List<JsonNode> before = new ArrayList<>();
        final JsonNode pong = next(message ->
        {
            if ("pong".equals(message.path("type").asText()) && message.path("id").asLong() == id)
            {
                return true;
            }
            before.add(message);
            return false;
        });
        assertThat(pong.get("seq").asLong()).isNotNegative();
        return before;
    }

    /** @return the login request of a trader, signed now. */
    static String loginRequest(final TestExchange exchange, final TestExchange.Trader trader)
    {
        final String timestamp = Long.toString(exchange.clock.time());
        final String nonce = exchange.nextNonce();
        final String signature = RequestSigner.sign(trader.secret().getBytes(StandardCharsets.UTF_8), nonce, timestamp,
            "GET", "/v1/ws", "", new byte[0]);
        return "{\"op\":\"login\",\"apiKey\":\"" + trader.apiKey() + "\",\"timestamp\":\"" + timestamp +
            "\",\"nonce\":\"" + nonce + "\",\"signature\":\"" + signature + "\"}";
    }

    /** Logs in; the login must succeed. */
    StreamClient login(final TestExchange exchange, final TestExchange.Trader trader) throws InterruptedException
    {
        final JsonNode reply = request(loginRequest(exchange, trader));
        assertThat(reply.path("type").asText()).as("%s", reply).isEqualTo("loggedIn");
        assertThat(reply.path("accountId").asLong()).isEqualTo(trader.accountId());
        return this;
    }

    /** Subscribes; the subscription must succeed. */
    StreamClient subscribe(final String... channels) throws InterruptedException
    {
        final JsonNode reply = request("{\"op\":\"subscribe\",\"channels\":[\"" + String.join("\",\"", channels) +
            "\"]}");
        assertThat(reply.path("type").asText()).as("%s", reply).isEqualTo("subscribed");
        return this;
    }

    /** Takes every message received so far into the history (what a client had processed when it lost the line). */
    void takeReceived()
    {
        received.drainTo(history);
    }

    /** @return the place of the last stream message taken, as {@code resumeAfter} wants it. */
    String lastPlace()
    {
        for (int i = history.size() - 1; i >= 0; i--)
        {
            final JsonNode message = history.get(i);
            if (message.has("idx"))
            {
                return "{\"seq\":" + message.get("seq").asLong() + ",\"idx\":" + message.get("idx").asInt() + "}";
            }
        }
        throw new AssertionError("no stream message taken yet");
    }

    /** @return every stream message taken so far (those with a place), in order. */
    List<JsonNode> streamMessages()
    {
        return history.stream().filter(message -> message.has("idx")).toList();
    }

    /** @return every message taken so far, in order. */
    List<JsonNode> history()
    {
        return history;
    }

    /** @return how the server closed the connection, waiting for it. */
    Closed awaitClose() throws Exception
    {
        return closed.get(DEADLINE_MS, TimeUnit.MILLISECONDS);
    }

    boolean isClosed()
    {
        return closed.isDone();
    }

    /** Drops the connection without a closing handshake. */
    void abort()
    {
        socket.abort();
    }

    @Override
    public void close()
    {
        socket.abort();
    }
}
