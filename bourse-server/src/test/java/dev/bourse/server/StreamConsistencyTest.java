package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded run of random commands (limit, market and stop-limit orders, cancels, cancel-alls, deposits) from several
 * traders on two pairs, watched over WebSockets. After every command (a ping is the barrier), the book each client
 * built from its snapshot and the changes equals {@code GET /v1/market/public/orderBooks}. At the end, each trader's
 * private events replayed on an empty state equal the REST views: every order as order information shows it, the
 * open orders, the balances and the fills; the trades and the ticker equal the market's.
 * {@code -Dbourse.streams.seed=S} repeats a run, {@code -Dbourse.streams.steps=N} sets its length.
 */
class StreamConsistencyTest
{
    private static final List<String> PAIRS = List.of("BTC.USDT", "ETH.USDT");
    private static final int TRADERS = 3;
    private static final long SEED = Long.getLong("bourse.streams.seed", System.nanoTime());
    private static final int STEPS = Integer.getInteger("bourse.streams.steps", 300);

    private TestExchange exchange;
    private final List<StreamClient> clients = new ArrayList<>();

    /** A book built from a snapshot and the changes, checked to chain. */
    private static final class LocalBook
    {
        final TreeMap<BigDecimal, JsonNode> bids = new TreeMap<>(Collections.reverseOrder());
        final TreeMap<BigDecimal, JsonNode> asks = new TreeMap<>();
        long sequence = -1;

        void snapshot(final JsonNode snapshot)
        {
            bids.clear();
            asks.clear();
            apply(snapshot);
            sequence = snapshot.get("seq").asLong();
        }

        void change(final JsonNode change)
        {
            assertThat(change.get("prevSeq").asLong()).as("the change follows the book: %s", change)
                .isEqualTo(sequence);
            apply(change);
            sequence = change.get("seq").asLong();
        }

        private void apply(final JsonNode message)
        {
            for (final JsonNode level : message.get("BID"))
            {
                put(bids, level);
            }
            for (final JsonNode level : message.get("ASK"))
            {
                put(asks, level);
            }
        }

        private static void put(final TreeMap<BigDecimal, JsonNode> side, final JsonNode level)
        {
            if (level.get("amount").decimalValue().signum() == 0)
            {
                side.remove(level.get("price").decimalValue());
            }
            else
            {
                side.put(level.get("price").decimalValue(), level);
            }
        }

        JsonNode asRest()
        {
            final ObjectNode book = JsonNodeFactory.instance.objectNode();
            final ArrayNode bidArray = book.putArray("BID");
            bids.values().forEach(bidArray::add);
            final ArrayNode askArray = book.putArray("ASK");
            asks.values().forEach(askArray::add);
            return book;
        }
    }

    @AfterEach
    void tearDown() throws Exception
    {
        clients.forEach(StreamClient::close);
        exchange.close();
    }

    private StreamClient client() throws Exception
    {
        final StreamClient client = new StreamClient(exchange.server.publicPort());
        clients.add(client);
        return client;
    }

    @Test
    void shouldKeepEveryClientsViewEqualToRestAtEveryStep() throws Exception
    {
        System.out.println("stream consistency seed " + SEED + " (-Dbourse.streams.seed=" + SEED + " repeats it)");
        final Random random = new Random(SEED);
        exchange = new TestExchange(context -> context.streamConfiguration(
            context.streamConfiguration().with("MaxRequestsPerSecond", "100000")));
        PAIRS.forEach(exchange::createPair);
        final List<TestExchange.Trader> traders = new ArrayList<>();
        final List<StreamClient> privateStreams = new ArrayList<>();
        for (int i = 0; i < TRADERS; i++)
        {
            final TestExchange.Trader trader = exchange.trader();
            traders.add(trader);
            privateStreams.add(client().login(exchange, trader).subscribe("orders", "fills", "balances"));
            for (final String currency : List.of("BTC", "ETH", "USDT"))
            {
                exchange.deposit(trader, currency, "100000");
            }
        }
        final StreamClient market = client();
        final List<String> publicChannels = new ArrayList<>();
        for (final String pair : PAIRS)
        {
            publicChannels.addAll(List.of("book:" + pair, "trades:" + pair, "ticker:" + pair));
        }
        market.subscribe(publicChannels.toArray(String[]::new));
        final Map<String, LocalBook> books = new HashMap<>();
        final Map<String, List<JsonNode>> trades = new HashMap<>();
        final Map<String, JsonNode> tickers = new HashMap<>();
        for (final String pair : PAIRS)
        {
            books.put(pair, new LocalBook());
            trades.put(pair, new ArrayList<>());
        }

        final List<List<Long>> liveOrders = new ArrayList<>();
        traders.forEach(trader -> liveOrders.add(new ArrayList<>()));
        for (int step = 0; step < STEPS; step++)
        {
            final int who = random.nextInt(TRADERS);
            final String description = act(random, traders.get(who), liveOrders.get(who));
            for (final JsonNode message : market.ping())
            {
                final String pair = message.path("coinPair").asText();
                switch (message.get("type").asText())
                {
                    case "bookSnapshot" -> books.get(pair).snapshot(message);
                    case "book" -> books.get(pair).change(message);
                    case "trade" -> trades.get(pair).add(message.get("trade"));
                    case "ticker", "tickerSnapshot" -> tickers.put(pair, message.get("ticker"));
                    default -> throw new AssertionError("unexpected " + message);
                }
            }
            for (final String pair : PAIRS)
            {
                assertThat(books.get(pair).asRest())
                    .as("seed %d step %d (%s): the book of %s", SEED, step, description, pair)
                    .isEqualTo(exchange.publicGet("/v1/market/public/orderBooks?depth=1000&coinPair=" + pair).data());
            }
        }

        for (final String pair : PAIRS)
        {
            final List<JsonNode> newestFirst = new ArrayList<>(trades.get(pair));
            Collections.reverse(newestFirst);
            final JsonNode restTrades =
                exchange.publicGet("/v1/market/public/tradeHistory?max=100&coinPair=" + pair).data();
            assertThat(newestFirst.subList(0, restTrades.size())).as("trades of %s", pair)
                .containsExactlyElementsOf(restTrades);
            assertThat(tickers.get(pair)).as("ticker of %s", pair)
                .isEqualTo(exchange.publicGet("/v1/market/public/currentTickValue?coinPair=" + pair).data());
        }
        for (int i = 0; i < TRADERS; i++)
        {
            checkReplayedState(traders.get(i), privateStreams.get(i));
        }
    }

    /** Sends one random command as the trader; @return what it was, for failure messages. */
    private String act(final Random random, final TestExchange.Trader trader, final List<Long> live)
    {
        final String pair = PAIRS.get(random.nextInt(PAIRS.size()));
        final String side = random.nextBoolean() ? "BUY" : "SELL";
        final String quantity = "0." + (1 + random.nextInt(9)) + (random.nextInt(10));
        final int draw = random.nextInt(100);
        final String form;
        final String path;
        if (draw < 50)
        {
            path = "/v1/trade/limitOrders";
            form = "coinPair=" + pair + "&orderSide=" + side + "&price=" + (90 + random.nextInt(21)) +
                "&quantity=" + quantity;
        }
        else if (draw < 58)
        {
            path = "/v1/trade/marketOrders";
            form = "coinPair=" + pair + "&orderSide=" + side + "&quantity=" + quantity;
        }
        else if (draw < 66)
        {
            path = "/v1/trade/limitOrders";
            final int stop = 95 + random.nextInt(11);
            form = "coinPair=" + pair + "&orderSide=" + side + "&price=" + (stop + ("BUY".equals(side) ? 1 : -1)) +
                "&stopPrice=" + stop + "&quantity=" + quantity;
        }
        else if (draw < 88 && !live.isEmpty())
        {
            final long orderId = live.remove(random.nextInt(live.size()));
            exchange.signed(trader, "DELETE", "/v1/trade/orders/" + orderId, null, null);
            return "cancel " + orderId;
        }
        else if (draw < 94)
        {
            exchange.signedOk(trader, "DELETE", "/v1/trade/openOrders/" + pair, null, null);
            return "cancel-all " + pair;
        }
        else
        {
            exchange.deposit(trader, "USDT", "10");
            return "deposit";
        }
        final TestExchange.Answer answer = exchange.signed(trader, "POST", path, null, form);
        if (answer.statusCode() == 1000)
        {
            live.add(answer.data().get("orderID").asLong());
        }
        return path + " " + form + " -> " + answer.statusCode();
    }

    /** Replays the trader's private messages on an empty state and compares it with what REST shows. */
    private void checkReplayedState(final TestExchange.Trader trader, final StreamClient stream) throws Exception
    {
        stream.ping();
        final Map<Long, JsonNode> orders = new LinkedHashMap<>();
        final Map<String, JsonNode> balances = new HashMap<>();
        final List<JsonNode> fills = new ArrayList<>();
        for (final JsonNode message : stream.streamMessages())
        {
            switch (message.get("type").asText())
            {
                case "order" -> orders.put(message.get("order").get("orderID").asLong(), message.get("order"));
                case "balance" -> balances.put(message.get("balance").get("currency").asText(), message.get("balance"));
                case "fill" -> fills.add(message.get("fill"));
                case "cancelAll" -> assertThat(message.get("orderIDList")).allSatisfy(id ->
                    assertThat(orders).containsKey(id.asLong()));
                default -> throw new AssertionError("unexpected " + message);
            }
        }
        assertThat(orders).isNotEmpty();
        for (final Map.Entry<Long, JsonNode> order : orders.entrySet())
        {
            assertThat(order.getValue()).as("order %d", order.getKey())
                .isEqualTo(exchange.order(trader, order.getKey()));
        }
        for (final String currency : List.of("BTC", "ETH"))
        {
            final List<Long> open = new ArrayList<>();
            exchange.signedOk(trader, "GET", "/v1/trade/openOrders", "currency=" + currency, null)
                .forEach(order -> open.add(order.get("orderID").asLong()));
            assertThat(orders.values().stream()
                .filter(order -> currency.equals(order.get("currency").asText()))
                .filter(order -> List.of("PENDING", "REQUEST", "PROCESS").contains(order.get("status").asText()))
                .map(order -> order.get("orderID").asLong()))
                .as("open orders in %s", currency).containsExactlyInAnyOrderElementsOf(open);
        }
        for (final JsonNode balance : exchange.signedOk(trader, "GET", "/v1/account/balances", null, null))
        {
            assertThat(balances.get(balance.get("currency").asText())).as("balance %s", balance).isEqualTo(balance);
        }
        final List<JsonNode> newestFirst = new ArrayList<>(fills);
        Collections.reverse(newestFirst);
        final JsonNode restFills = exchange.signedOk(trader, "GET", "/v2/account/tradeHistory", "max=100", null);
        assertThat(newestFirst.subList(0, restFills.size())).containsExactlyElementsOf(restFills);
    }
}
