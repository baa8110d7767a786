package dev.bourse.server.stream;

import dev.bourse.engine.OrderType;
import dev.bourse.engine.Side;
import dev.bourse.engine.event.AllOrdersCancelled;
import dev.bourse.engine.event.ApiKeyRevoked;
import dev.bourse.engine.event.BalanceChanged;
import dev.bourse.engine.event.Event;
import dev.bourse.engine.event.OrderAccepted;
import dev.bourse.engine.event.OrderCancelled;
import dev.bourse.engine.event.OrderFilled;
import dev.bourse.engine.event.OrderTriggered;
import dev.bourse.engine.event.OrderView;
import dev.bourse.engine.event.TradeExecuted;
import dev.bourse.server.readmodel.AccountFill;
import dev.bourse.server.readmodel.AccountStore;
import dev.bourse.server.readmodel.BookDepthStore;
import dev.bourse.server.readmodel.DerivedProjection;
import dev.bourse.server.readmodel.MarketDirectory;
import dev.bourse.server.readmodel.MarketTrade;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.sequencer.AppliedCommand;
import org.agrona.collections.LongHashSet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The stream publisher: a {@link Projection} after the read model. On the projection thread, once a command is
 * durable and the read model has followed it, it turns the command's events into immutable {@link StreamMessage}s
 * (no JSON, no I/O), appends them to the {@link StreamWindow} and wakes the event loops, which encode and send them.
 * A cancel-all becomes one {@link StreamMessage.CancelAll} with its whole ID list, then one
 * {@link StreamMessage.Order} per listed order with the order's final view from the read model. The book messages
 * hold the price levels whose quantity a command changed, read from the read model's depth and compared with the
 * publisher's own copy ({@link BookMirror}); the ticker follows a trade or a change of the best bid or ask.
 * <p>
 * The core calls {@link #onRecovered} before the projection thread starts.
 */
public final class StreamPublisher implements DerivedProjection
{
    private static final Comparator<BookDepthStore.Level> HIGHEST_FIRST =
        Comparator.comparingLong(BookDepthStore.Level::price).reversed();
    private static final Comparator<BookDepthStore.Level> LOWEST_FIRST =
        Comparator.comparingLong(BookDepthStore.Level::price);

    /** Sets of touched prices larger than this are let go after the command, not kept for the next. */
    private static final int KEPT_TOUCHED_PRICES = 256;

    /** The price levels the current command touched on a pair; kept from command to command. */
    private static final class Touched
    {
        final String coinPair;
        LongHashSet bids = new LongHashSet();
        LongHashSet asks = new LongHashSet();
        boolean listed;

        Touched(final String coinPair)
        {
            this.coinPair = coinPair;
        }

        LongHashSet side(final Side side)
        {
            return side == Side.BUY ? bids : asks;
        }

        void clear()
        {
            bids = cleared(bids);
            asks = cleared(asks);
            listed = false;
        }

        private static LongHashSet cleared(final LongHashSet prices)
        {
            if (prices.size() > KEPT_TOUCHED_PRICES)
            {
                return new LongHashSet();
            }
            prices.clear();
            return prices;
        }
    }

    private final int windowMessages;
    private final Map<String, BookMirror> books = new ConcurrentHashMap<>();
    private final List<Runnable> wakers = new CopyOnWriteArrayList<>();
    private final Map<String, Touched> touchedByPair = new HashMap<>();
    private final List<Touched> touched = new ArrayList<>();
    private final Set<String> tickerChanged = new LinkedHashSet<>();
    private ReadModel readModel;
    private StreamWindow window;
    private long baseSequence;
    private long sequence;
    private long timestampMs;
    private long publishedAtUs;
    private int index;

    /** @param windowMessages messages kept for resuming. */
    public StreamPublisher(final int windowMessages)
    {
        this.windowMessages = windowMessages;
    }

    /**
     * Binds the publisher to the recovered read model, before the projection thread starts: the window starts empty
     * after {@code baseSequence}, and each pair's book copy starts from the read model's depth.
     */
    @Override
    public void onRecovered(final ReadModel readModel, final long baseSequence)
    {
        this.readModel = readModel;
        this.baseSequence = baseSequence;
        this.window = new StreamWindow(windowMessages, baseSequence);
        for (final MarketDirectory.Pair pair : readModel.markets().pairs())
        {
            final BookMirror mirror = book(pair.coinPair());
            for (final Side side : Side.values())
            {
                mirror.load(side, readModel.depth().levels(pair.coinPair(), side, Integer.MAX_VALUE));
            }
        }
    }

    /** @param waker told (on the projection thread) when messages were appended; must not block. */
    void onAppended(final Runnable waker)
    {
        wakers.add(waker);
    }

    @Override
    public void onApplied(final AppliedCommand applied)
    {
        final long positionBefore = window.nextPosition();
        if (applied.status().isSuccess())
        {
            sequence = applied.sequence();
            timestampMs = applied.timestampMs();
            final Instant now = Instant.now();
            publishedAtUs = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
            index = 0;
            for (final Event event : applied.events())
            {
                onEvent(event);
            }
            publishBooksAndTickers();
        }
        window.advanceHead(applied.sequence());
        if (window.nextPosition() != positionBefore)
        {
            for (final Runnable waker : wakers)
            {
                waker.run();
            }
        }
    }

    private void onEvent(final Event event)
    {
        switch (event)
        {
            case OrderAccepted accepted -> order(StreamMessage.OrderEvent.ACCEPTED, null, accepted.order());
            case OrderTriggered triggered -> order(StreamMessage.OrderEvent.TRIGGERED, null, triggered.order());
            case OrderFilled filled -> onFill(filled);
            case OrderCancelled cancelled ->
                order(StreamMessage.OrderEvent.CANCELLED, cancelled.reason(), cancelled.order());
            case AllOrdersCancelled cancelled -> onCancelAll(cancelled);
            case BalanceChanged changed -> append(new StreamMessage.Balance(header(), changed.accountId(),
                changed.currency(), new AccountStore.Balance(changed.balance(), changed.available())));
            case TradeExecuted trade ->
            {
                append(new StreamMessage.Trade(header(), MarketTrade.of(trade)));
                tickerChanged.add(trade.coinPair());
            }
            case ApiKeyRevoked revoked -> append(new StreamMessage.KeyRevoked(header(), revoked.apiKey()));
            default ->
            {
                // currencies, pairs, accounts, keys issued and transfers have no stream message of their own
            }
        }
    }

    private void onFill(final OrderFilled filled)
    {
        order(filled.full() ? StreamMessage.OrderEvent.FILLED : StreamMessage.OrderEvent.PARTIALLY_FILLED, null,
            filled.order());
        append(new StreamMessage.Fill(header(), filled.order().accountId(), AccountFill.of(filled, timestampMs),
            filled.maker()));
    }

    private void onCancelAll(final AllOrdersCancelled cancelled)
    {
        append(new StreamMessage.CancelAll(header(), cancelled.accountId(), cancelled.coinPair(),
            cancelled.orderIds()));
        for (int i = 0; i < cancelled.orderIds().size(); i++)
        {
            final OrderView view = readModel.viewAfterLastCommand(cancelled.orderIds().get(i));
            if (view == null)
            {
                throw new IllegalStateException("the read model does not show order " + cancelled.orderIds().get(i) +
                    " of a cancel-all");
            }
            order(StreamMessage.OrderEvent.CANCELLED, OrderCancelled.CancelReason.CANCEL_ALL, view);
        }
    }

    private void order(
        final StreamMessage.OrderEvent kind, final OrderCancelled.CancelReason reason, final OrderView view)
    {
        append(new StreamMessage.Order(header(), view.accountId(), kind, reason, view));
        if (view.type() != OrderType.MARKET)
        {
            final Touched pair = touchedByPair.computeIfAbsent(view.coinPair(), Touched::new);
            if (!pair.listed)
            {
                pair.listed = true;
                touched.add(pair);
            }
            pair.side(view.side()).add(view.price());
        }
    }

    private void publishBooksAndTickers()
    {
        for (int i = 0; i < touched.size(); i++)
        {
            final Touched pair = touched.get(i);
            final String coinPair = pair.coinPair;
            final BookMirror mirror = book(coinPair);
            final long bidBefore = mirror.bestPrice(Side.BUY);
            final long askBefore = mirror.bestPrice(Side.SELL);
            final List<BookDepthStore.Level> bids = changes(coinPair, Side.BUY, pair.bids, mirror);
            final List<BookDepthStore.Level> asks = changes(coinPair, Side.SELL, pair.asks, mirror);
            if (!bids.isEmpty() || !asks.isEmpty())
            {
                final long previous = mirror.apply(sequence, bids, asks,
                    readModel.depth().bestPrice(coinPair, Side.BUY), readModel.depth().bestPrice(coinPair, Side.SELL));
                append(new StreamMessage.Book(header(), coinPair, previous, bids, asks));
            }
            if (bidBefore != mirror.bestPrice(Side.BUY) || askBefore != mirror.bestPrice(Side.SELL))
            {
                tickerChanged.add(coinPair);
            }
            pair.clear();
        }
        for (final String coinPair : tickerChanged)
        {
            final BookMirror mirror = book(coinPair);
            append(new StreamMessage.Ticker(header(), coinPair, mirror.bestPrice(Side.BUY),
                mirror.bestPrice(Side.SELL), readModel.tickers().ticker(coinPair, timestampMs)));
        }
        touched.clear();
        tickerChanged.clear();
    }

    private List<BookDepthStore.Level> changes(
        final String coinPair, final Side side, final LongHashSet prices, final BookMirror mirror)
    {
        final List<BookDepthStore.Level> changes = new ArrayList<>(prices.size());
        final LongHashSet.LongIterator iterator = prices.iterator();
        while (iterator.hasNext())
        {
            final long price = iterator.nextValue();
            final long quantity = readModel.depth().quantity(coinPair, side, price);
            if (quantity != mirror.quantity(side, price))
            {
                changes.add(new BookDepthStore.Level(price, quantity));
            }
        }
        changes.sort(side == Side.BUY ? HIGHEST_FIRST : LOWEST_FIRST);
        return changes;
    }

    private StreamMessage.Header header()
    {
        return new StreamMessage.Header(window.nextPosition(), sequence, index++, timestampMs, publishedAtUs);
    }

    private void append(final StreamMessage message)
    {
        window.append(message);
    }

    private BookMirror book(final String coinPair)
    {
        return books.computeIfAbsent(coinPair, pair -> new BookMirror(baseSequence));
    }

    /** @return the window the event loops read. */
    StreamWindow window()
    {
        return window;
    }

    /** @return a copy of the pair's whole book, labelled with the sequence of its last change; any thread. */
    BookMirror.Snapshot bookSnapshot(final String coinPair)
    {
        return book(coinPair).snapshot();
    }

    /** @return the read model the messages are made from. */
    ReadModel readModel()
    {
        return readModel;
    }
}
