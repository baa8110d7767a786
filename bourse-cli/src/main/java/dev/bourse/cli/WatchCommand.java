package dev.bourse.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bourse.client.BookLevel;
import dev.bourse.client.BourseClient;
import dev.bourse.client.BourseStream;
import dev.bourse.client.StreamChannel;
import dev.bourse.client.StreamEvent;
import dev.bourse.client.StreamOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * {@code bourse watch}: prints the events of a stream ({@code /v1/ws}) as they happen, one line each, until
 * interrupted or {@code --count} events; the SDK reconnects and resumes by itself. Connection events go to stderr.
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
        "Print real-time events, one line each, until Ctrl-C (or --count events): your orders, fills or balances",
        "(needs an API key and secret), or a pair's trades, book or ticker. The stream reconnects and resumes by",
        "itself; connection events go to stderr."},
    synopsisSubcommandLabel = "COMMAND",
    footer = {
        "",
        "Examples:",
        "  ./bourse watch orders",
        "  ./bourse watch orders --cancel-on-disconnect --pair BTC.USDT",
        "  ./bourse watch fills --json | jq -c '.fill'",
        "  ./bourse watch trades --pair BTC.USDT --pair ETH.BTC",
        "  ./bourse watch book --pair BTC.USDT --count 10"})
public final class WatchCommand implements Runnable
{
    private static final ObjectWriter ONE_LINE =
        Output.JSON.writer().without(SerializationFeature.INDENT_OUTPUT);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "name a command: orders, fills, balances, trades, book, ticker");
    }

    /** Options of every watch command. */
    static final class WatchOptions
    {
        @Option(names = "--count", paramLabel = "N", description = "Stop after N events (default: until Ctrl-C).")
        Integer count;
    }

    /** Options of the account's channels. */
    static final class AccountOptions
    {
        @Option(names = "--pair", paramLabel = "PAIR",
            description = "Only events of this pair (repeatable); also the pairs --cancel-on-disconnect covers.")
        List<String> pairs = new ArrayList<>();

        @Option(names = "--cancel-on-disconnect", description = {
            "Have the server cancel your open orders (on the --pair pairs, else on every pair) when this",
            "connection ends: closed, dropped, or silent past the heartbeat timeout (see docs/STREAMS.md)."})
        boolean cancelOnDisconnect;
    }

    /** @return the exit code. */
    @Command(name = "orders", mixinStandardHelpOptions = true,
        description = "Your orders as they change: accepted, triggered, filled, cancelled (and cancel-alls).",
        footer = {"", "Examples:", "  ./bourse watch orders", "  ./bourse watch orders --json --count 1"})
    int orders(@Mixin final ApiOptions options, @Mixin final WatchOptions watch, @Mixin final AccountOptions account)
    {
        return watchAccount(options, watch, account, StreamChannel.orders());
    }

    /** @return the exit code. */
    @Command(name = "fills", mixinStandardHelpOptions = true, description = "Your fills, with their fees.",
        footer = {"", "Example:", "  ./bourse watch fills --pair BTC.USDT"})
    int fills(@Mixin final ApiOptions options, @Mixin final WatchOptions watch, @Mixin final AccountOptions account)
    {
        return watchAccount(options, watch, account, StreamChannel.fills());
    }

    /** @return the exit code. */
    @Command(name = "balances", mixinStandardHelpOptions = true, description = "Your balances after each change.",
        footer = {"", "Example:", "  ./bourse watch balances --json"})
    int balances(@Mixin final ApiOptions options, @Mixin final WatchOptions watch,
        @Mixin final AccountOptions account)
    {
        return watchAccount(options, watch, account, StreamChannel.balances());
    }

    /** @return the exit code. */
    @Command(name = "trades", mixinStandardHelpOptions = true, description = "The trades of pairs (no key needed).",
        footer = {"", "Example:", "  ./bourse watch trades --pair BTC.USDT"})
    int trades(@Mixin final PublicOptions options, @Mixin final WatchOptions watch,
        @Option(names = "--pair", required = true, paramLabel = "PAIR", description = "CURRENCY.MARKET (repeatable).")
        final List<String> pairs)
    {
        return watchPairs(options, watch, pairs.stream().map(StreamChannel::trades).toList());
    }

    /** @return the exit code. */
    @Command(name = "book", mixinStandardHelpOptions = true, description = {
        "The order book of pairs: the whole book first, then each change (a level's new amount; 0: gone)",
        "(no key needed)."},
        footer = {"", "Example:", "  ./bourse watch book --pair BTC.USDT --json"})
    int book(@Mixin final PublicOptions options, @Mixin final WatchOptions watch,
        @Option(names = "--pair", required = true, paramLabel = "PAIR", description = "CURRENCY.MARKET (repeatable).")
        final List<String> pairs)
    {
        return watchPairs(options, watch, pairs.stream().map(StreamChannel::book).toList());
    }

    /** @return the exit code. */
    @Command(name = "ticker", mixinStandardHelpOptions = true, description = {
        "The ticker of pairs: now, then after each trade or change of the best bid or ask (no key needed)."},
        footer = {"", "Example:", "  ./bourse watch ticker --pair BTC.USDT"})
    int ticker(@Mixin final PublicOptions options, @Mixin final WatchOptions watch,
        @Option(names = "--pair", required = true, paramLabel = "PAIR", description = "CURRENCY.MARKET (repeatable).")
        final List<String> pairs)
    {
        return watchPairs(options, watch, pairs.stream().map(StreamChannel::ticker).toList());
    }

    private int watchAccount(final ApiOptions options, final WatchOptions watch, final AccountOptions account,
        final StreamChannel channel)
    {
        StreamOptions streamOptions = StreamOptions.of(channel);
        if (account.cancelOnDisconnect)
        {
            streamOptions = streamOptions.withCancelOnDisconnect(account.pairs.toArray(String[]::new));
        }
        try (BourseClient client = Sdk.trading(options))
        {
            return watch(client, options, watch, streamOptions, account.pairs);
        }
    }

    private int watchPairs(final PublicOptions options, final WatchOptions watch, final List<StreamChannel> channels)
    {
        try (BourseClient client = Sdk.anonymous(options))
        {
            return watch(client, options, watch, StreamOptions.of(channels.toArray(StreamChannel[]::new)), List.of());
        }
    }

    private int watch(final BourseClient client, final CommonOptions options, final WatchOptions watch,
        final StreamOptions streamOptions, final List<String> pairs)
    {
        if (watch.count != null && watch.count <= 0)
        {
            throw new UsageException("--count must be positive: " + watch.count);
        }
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final CompletableFuture<Void> counted = new CompletableFuture<>();
        final int[] printed = new int[1];
        final boolean json = options.output().isJson();
        try (BourseStream stream = client.stream(streamOptions, event ->
        {
            if (event instanceof StreamEvent.Connected || event instanceof StreamEvent.Disconnected ||
                event instanceof StreamEvent.Resynced)
            {
                err.println("bourse: " + connection(event));
                err.flush();
                return;
            }
            if (counted.isDone() || !pairs.isEmpty() && !pairs.contains(pairOf(event)))
            {
                return;
            }
            out.println(json ? toJson(event) : line(event));
            out.flush();
            if (watch.count != null && ++printed[0] >= watch.count)
            {
                counted.complete(null);
            }
        }))
        {
            err.println("bourse: watching " + streamOptions.channels().stream().map(StreamChannel::wireName)
                .collect(Collectors.joining(", ")) + (streamOptions.cancelOnDisconnect() ?
                "; cancel-on-disconnect on " + (streamOptions.cancelOnDisconnectPairs().isEmpty() ? "every pair" :
                String.join(", ", streamOptions.cancelOnDisconnectPairs())) : ""));
            err.flush();
            try
            {
                CompletableFuture.anyOf(counted, stream.terminated()).join();
            }
            catch (final CompletionException ex)
            {
                throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
            }
            return ExitCode.OK;
        }
    }

    private static String connection(final StreamEvent event)
    {
        return switch (event)
        {
            case StreamEvent.Connected connected -> connected.resumed() ? "reconnected, resumed" : "connected";
            case StreamEvent.Disconnected disconnected -> "disconnected (" + disconnected.code() + " " +
                disconnected.reason() + ")" + (disconnected.willReconnect() ? ", reconnecting" : "");
            case StreamEvent.Resynced resynced -> "could not resume, events may be missing (" + resynced.reason() +
                "); read again: " + resynced.balances().size() + " balances, " + resynced.openOrders().size() +
                " open orders";
            default -> event.type();
        };
    }

    private static String pairOf(final StreamEvent event)
    {
        return switch (event)
        {
            case StreamEvent.OrderChanged order -> order.order().currency() + "." + order.order().market();
            case StreamEvent.OrdersCancelled cancelled -> cancelled.coinPair();
            case StreamEvent.Filled filled -> filled.fill().currency() + "." + filled.fill().market();
            default -> null;
        };
    }

    private static String toJson(final StreamEvent event)
    {
        try
        {
            return ONE_LINE.writeValueAsString(event);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("an event could not be written as JSON", ex);
        }
    }

    /** @return the event as one line for a person: time, type, then what changed. */
    static String line(final StreamEvent event)
    {
        return switch (event)
        {
            case StreamEvent.OrderChanged order -> at(order.timestampMs()) + "order " + order.order().orderId() + " " +
                order.order().currency() + "." + order.order().market() + " " + order.order().side() + " " +
                order.order().type() + " " + order.event() + (order.reason() == null ? "" : " (" + order.reason() +
                ")") + " price " + plain(order.order().price()) + " filled " + plain(order.order().filledAmount()) +
                " remaining " + plain(order.order().remainAmount()) + " " + order.order().status();
            case StreamEvent.OrdersCancelled cancelled -> at(cancelled.timestampMs()) + "cancelAll " +
                cancelled.coinPair() + " " + cancelled.orderIds().size() + " orders " + cancelled.orderIds();
            case StreamEvent.Filled filled -> at(filled.timestampMs()) + "fill " + filled.fill().transactionId() +
                " order " + filled.fill().orderId() + " " + filled.fill().currency() + "." + filled.fill().market() +
                " " + filled.fill().side() + " " + plain(filled.fill().amount()) + " @ " +
                plain(filled.fill().price()) +
                " fee " + plain(filled.fill().fee()) + " " + filled.fill().fillType() + (filled.maker() ? " maker" :
                " taker");
            case StreamEvent.BalanceChanged balance -> at(balance.timestampMs()) + "balance " +
                balance.balance().currency() + " " + plain(balance.balance().balance()) + " available " +
                plain(balance.balance().availableBalance());
            case StreamEvent.Traded trade -> at(trade.timestampMs()) + "trade " + trade.coinPair() + " " +
                trade.trade().transactionId() + " " + trade.trade().takerSide() + " " + plain(trade.trade().amount()) +
                " @ " + plain(trade.trade().price());
            case StreamEvent.BookSnapshot snapshot -> "book " + snapshot.coinPair() + " snapshot seq " +
                snapshot.sequence() + ": " + snapshot.bids().size() + " bids, " + snapshot.asks().size() +
                " asks, best " + best(snapshot.bids()) + " / " + best(snapshot.asks());
            case StreamEvent.BookChanged book -> at(book.timestampMs()) + "book " + book.coinPair() + " seq " +
                book.sequence() + ":" + levels(" BID", book.bids()) + levels(" ASK", book.asks());
            case StreamEvent.TickerChanged ticker -> at(ticker.timestampMs()) + "ticker " + ticker.coinPair() +
                " bid " + plain(ticker.ticker().bid()) + " ask " + plain(ticker.ticker().ask()) + " last " +
                plain(ticker.ticker().last()) + " volume " + plain(ticker.ticker().volume());
            case StreamEvent.TickerSnapshot ticker -> "ticker " + ticker.coinPair() + " bid " +
                plain(ticker.ticker().bid()) + " ask " + plain(ticker.ticker().ask()) + " last " +
                plain(ticker.ticker().last()) + " volume " + plain(ticker.ticker().volume());
            default -> event.type();
        };
    }

    private static String at(final long timestampMs)
    {
        return Instant.ofEpochMilli(timestampMs) + "  ";
    }

    private static String plain(final BigDecimal value)
    {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }

    private static String best(final List<BookLevel> levels)
    {
        return levels.isEmpty() ? "-" : plain(levels.getFirst().price());
    }

    private static String levels(final String side, final List<BookLevel> levels)
    {
        final StringBuilder text = new StringBuilder();
        for (final BookLevel level : levels)
        {
            text.append(side).append(' ').append(plain(level.price())).append(" -> ").append(plain(level.amount()));
        }
        return text.toString();
    }
}
