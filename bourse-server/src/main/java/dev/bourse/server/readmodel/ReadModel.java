package dev.bourse.server.readmodel;

import dev.bourse.engine.Engine;
import dev.bourse.engine.event.AccountCreated;
import dev.bourse.engine.event.AllOrdersCancelled;
import dev.bourse.engine.event.ApiKeyIssued;
import dev.bourse.engine.event.ApiKeyRevoked;
import dev.bourse.engine.event.BalanceChanged;
import dev.bourse.engine.event.CurrencyCreated;
import dev.bourse.engine.event.Event;
import dev.bourse.engine.event.OrderAccepted;
import dev.bourse.engine.event.OrderCancelled;
import dev.bourse.engine.event.OrderFilled;
import dev.bourse.engine.event.OrderTriggered;
import dev.bourse.engine.event.OrderView;
import dev.bourse.engine.event.PairUpdated;
import dev.bourse.engine.event.TradeExecuted;
import dev.bourse.engine.event.TransferCompleted;
import dev.bourse.server.sequencer.AppliedCommand;
import dev.bourse.server.sequencer.Projection;
import dev.bourse.server.auth.SecretCipher;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Everything the API reads: a {@link Projection} of applied commands, built from their events alone (it never reads
 * the engine), updated on the projection thread once a command is durable and read concurrently by the HTTP event
 * loops. Open orders, balances, books, tickers and API keys are whole; of the history (completed orders, trades,
 * fills, transfers) only a recent window is kept (see {@link Configuration}), and the durable history
 * ({@link HistoryStore}) answers for what is older ({@link HistoryWindow}).
 */
public final class ReadModel implements Projection
{
    /**
     * The bounds of the recent history kept in memory.
     *
     * @param maxCompletedOrders     completed orders whose order info is kept in memory.
     * @param tradeRetentionMs       age of the oldest trade and fill kept in memory.
     * @param maxTradesPerPair       trades kept in memory per pair.
     * @param maxFillsPerAccount     fills kept in memory per account.
     * @param maxTransfersPerAccount transfers kept in memory per account.
     */
    public record Configuration(int maxCompletedOrders, long tradeRetentionMs, int maxTradesPerPair,
        int maxFillsPerAccount, int maxTransfersPerAccount)
    {
        /**
         * A recent window: enough for the default page of every history query (100 trades, 100 fills, 20
         * transfers) to come from memory, and for the durable history to lag by a while without a read needing it.
         */
        public static final Configuration DEFAULT =
            new Configuration(100_000, 92L * 24 * 3600 * 1000, 10_000, 200, 100);
    }

    /** The format of {@link #writeSnapshot}; a snapshot of a newer format is refused. */
    static final int SNAPSHOT_VERSION = 3;
    /**
     * The first format whose history records carry their command's sequence (and the {@link HistoryWindow}) and whose
     * order views carry their client order ID.
     */
    static final int SNAPSHOT_VERSION_WITH_SEQUENCES = 3;
    /** The second format: the market directory and account labels, history records without their sequences. */
    private static final int SNAPSHOT_VERSION_WITH_MARKETS = 2;
    /** The first format, without the market directory (restored from the engine of the same snapshot) and labels. */
    private static final int SNAPSHOT_VERSION_WITHOUT_MARKETS = 1;

    private final Configuration configuration;
    private final HistoryWindow window = new HistoryWindow();
    private final MarketDirectory markets = new MarketDirectory();
    private final OrderStore orders;
    private final BookDepthStore depth = new BookDepthStore();
    private final TickerStore tickers = new TickerStore();
    private final AccountStore accounts;
    private final ApiKeyStore apiKeys;
    private final Map<String, TimeSeries<MarketTrade>> tradesByPair = new ConcurrentHashMap<>();
    private final Map<Long, TimeSeries<AccountFill>> fillsByAccount = new ConcurrentHashMap<>();
    private final Map<Long, OrderView> touchedOrders = new LinkedHashMap<>();

    /**
     * @param configuration the bounds.
     * @param cipher        decrypts API secrets.
     */
    public ReadModel(final Configuration configuration, final SecretCipher cipher)
    {
        this.configuration = configuration;
        this.orders = new OrderStore(configuration.maxCompletedOrders(), window);
        this.accounts = new AccountStore(configuration.maxTransfersPerAccount(), window);
        this.apiKeys = new ApiKeyStore(cipher);
    }

    /**
     * Follows one durable command: each order's last view in the command's events (or, for a cancel-all or a dead
     * man's switch, its view with the remainder cancelled) becomes the order's view.
     */
    @Override
    public void onApplied(final AppliedCommand applied)
    {
        if (!applied.status().isSuccess())
        {
            return;
        }
        touchedOrders.clear();
        for (final Event event : applied.events())
        {
            onEvent(event, applied.sequence(), applied.timestampMs());
        }
        for (final OrderView view : touchedOrders.values())
        {
            orders.update(view, applied.sequence());
            depth.update(view);
        }
    }

    private void onEvent(final Event event, final long sequence, final long timestampMs)
    {
        switch (event)
        {
            case CurrencyCreated created -> markets.onCurrencyCreated(created);
            case PairUpdated updated -> markets.onPairUpdated(updated);
            case AccountCreated created -> accounts.onAccountCreated(created);
            case ApiKeyIssued issued -> apiKeys.onIssued(issued);
            case ApiKeyRevoked revoked -> apiKeys.onRevoked(revoked.apiKey());
            case TransferCompleted transfer -> accounts.onTransfer(transfer, sequence);
            case BalanceChanged changed -> accounts.onBalanceChanged(changed);
            case OrderAccepted accepted -> touch(accepted.order());
            case OrderTriggered triggered -> touch(triggered.order());
            case OrderCancelled cancelled -> touch(cancelled.order());
            case OrderFilled filled -> onFill(filled, sequence, timestampMs);
            case TradeExecuted trade -> onTrade(trade, sequence);
            case AllOrdersCancelled cancelled -> cancelled.orderIds().forEach(orderId ->
                touch(currentView(orderId).withRemainderCancelled(timestampMs)));
            default ->
            {
                // CommandRejected changes nothing
            }
        }
    }

    /**
     * For the projections that follow the read model on the projection thread: an order's view as the last command
     * left it, even when the order then left memory (a completed order beyond the window kept).
     *
     * @param orderId an order the last command the read model followed changed.
     * @return its view after that command; null when that command did not change it.
     */
    public OrderView viewAfterLastCommand(final long orderId)
    {
        return touchedOrders.get(orderId);
    }

    private void touch(final OrderView view)
    {
        touchedOrders.put(view.orderId(), view);
    }

    private OrderView currentView(final long orderId)
    {
        final OrderView touched = touchedOrders.get(orderId);
        final OrderView view = touched != null ? touched : orders.order(orderId);
        if (view == null)
        {
            throw new IllegalStateException("the read model does not know order " + orderId + " of a cancel-all");
        }
        return view;
    }

    private void onFill(final OrderFilled filled, final long sequence, final long timestampMs)
    {
        final OrderView order = filled.order();
        touch(order);
        final AccountFill fill = AccountFill.of(filled, timestampMs);
        fillSeries(order.accountId()).append(timestampMs, filled.tradeId() * 2 + (filled.maker() ? 1 : 0), sequence,
            fill);
    }

    private void onTrade(final TradeExecuted trade, final long sequence)
    {
        tradeSeries(trade.coinPair()).append(trade.timestampMs(), trade.tradeId(), sequence, MarketTrade.of(trade));
        tickers.onTrade(trade.coinPair(), trade.price(), trade.quantity(), trade.timestampMs());
    }

    /**
     * Writes everything the API reads, for the extra section of a journal snapshot taken at the same sequence as the
     * engine's. On the engine thread, between commands.
     *
     * @param out where to write.
     * @throws IOException when the output fails.
     */
    public void writeSnapshot(final DataOutput out) throws IOException
    {
        out.writeInt(SNAPSHOT_VERSION);
        out.writeLong(window.evictedThroughSequence());
        markets.writeSnapshot(out);
        orders.writeSnapshot(out);
        accounts.writeSnapshot(out);
        apiKeys.writeSnapshot(out);
        tickers.writeSnapshot(out);
        out.writeInt(tradesByPair.size());
        for (final Map.Entry<String, TimeSeries<MarketTrade>> pair : tradesByPair.entrySet())
        {
            out.writeUTF(pair.getKey());
            pair.getValue().writeSnapshot(out, SnapshotFields::writeTrade);
        }
        out.writeInt(fillsByAccount.size());
        for (final Map.Entry<Long, TimeSeries<AccountFill>> account : fillsByAccount.entrySet())
        {
            out.writeLong(account.getKey());
            account.getValue().writeSnapshot(out, SnapshotFields::writeFill);
        }
    }

    /**
     * Restores this read model, which must be new, from {@link #writeSnapshot}; the book depth is rebuilt from the
     * open orders.
     *
     * @param in                   where to read.
     * @param engineOfFirstFormat  the engine restored from the same snapshot: only a snapshot of the first format,
     *                             which did not hold the currencies and pairs, takes them from it.
     * @param snapshotSequence     the sequence the snapshot was taken at: the sequence of the history records of
     *                             a format that did not keep theirs.
     * @throws IOException when the input fails, is damaged or is of a newer format.
     */
    public void readSnapshot(final DataInput in, final Engine engineOfFirstFormat, final long snapshotSequence)
        throws IOException
    {
        final int version = in.readInt();
        if (version >= SNAPSHOT_VERSION_WITH_SEQUENCES && version <= SNAPSHOT_VERSION)
        {
            window.restore(in.readLong());
            markets.readSnapshot(in);
        }
        else if (version == SNAPSHOT_VERSION_WITH_MARKETS)
        {
            markets.readSnapshot(in);
        }
        else if (version == SNAPSHOT_VERSION_WITHOUT_MARKETS)
        {
            markets.restoreFrom(engineOfFirstFormat);
        }
        else
        {
            throw new IOException("the read model snapshot has format " + version + "; this server reads formats " +
                SNAPSHOT_VERSION_WITHOUT_MARKETS + " to " + SNAPSHOT_VERSION);
        }
        orders.readSnapshot(in, version, snapshotSequence);
        orders.forEachOpen(depth::update);
        accounts.readSnapshot(in, version, snapshotSequence);
        apiKeys.readSnapshot(in);
        tickers.readSnapshot(in);
        final int pairs = SnapshotFields.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < pairs; i++)
        {
            tradeSeries(in.readUTF()).readSnapshot(in, SnapshotFields::readTrade, version, snapshotSequence);
        }
        final int accountsWithFills = SnapshotFields.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < accountsWithFills; i++)
        {
            fillSeries(in.readLong()).readSnapshot(in, SnapshotFields::readFill, version, snapshotSequence);
        }
    }

    private TimeSeries<MarketTrade> tradeSeries(final String coinPair)
    {
        return tradesByPair.computeIfAbsent(coinPair,
            pair -> new TimeSeries<>(configuration.tradeRetentionMs(), configuration.maxTradesPerPair(), window));
    }

    private TimeSeries<AccountFill> fillSeries(final long accountId)
    {
        return fillsByAccount.computeIfAbsent(accountId,
            id -> new TimeSeries<>(configuration.tradeRetentionMs(), configuration.maxFillsPerAccount(), window));
    }

    /** @return currencies and pairs. */
    public MarketDirectory markets()
    {
        return markets;
    }

    /** @return order views and open orders. */
    public OrderStore orders()
    {
        return orders;
    }

    /** @return aggregated book depth. */
    public BookDepthStore depth()
    {
        return depth;
    }

    /** @return 24-hour tickers. */
    public TickerStore tickers()
    {
        return tickers;
    }

    /** @return accounts, balances and transfers. */
    public AccountStore accounts()
    {
        return accounts;
    }

    /** @return API keys. */
    public ApiKeyStore apiKeys()
    {
        return apiKeys;
    }

    /** @return how far back the history in memory is complete. */
    public HistoryWindow window()
    {
        return window;
    }

    /** @return the pair's trades in memory in the time range, newest first. */
    public List<MarketTrade> trades(final String coinPair, final long fromMs, final long toMs, final int max)
    {
        return trades(coinPair, fromMs, toMs, max, 0);
    }

    /** @return the pair's trades in memory in the time range of commands after {@code afterSequence}, newest first. */
    public List<MarketTrade> trades(
        final String coinPair, final long fromMs, final long toMs, final int max, final long afterSequence)
    {
        final TimeSeries<MarketTrade> series = tradesByPair.get(coinPair);
        return series == null ? List.of() : series.newestFirst(fromMs, toMs, trade -> true, max, afterSequence);
    }

    /** @return whether memory holds every trade of the pair from that time on. */
    public boolean tradesCompleteFrom(final String coinPair, final long fromMs)
    {
        final TimeSeries<MarketTrade> series = tradesByPair.get(coinPair);
        return series == null || series.completeFrom(fromMs);
    }

    /** @return the account's fills in memory in the time range that pass the filter, newest first. */
    public List<AccountFill> fills(
        final long accountId, final long fromMs, final long toMs, final Predicate<AccountFill> filter, final int max)
    {
        return fills(accountId, fromMs, toMs, filter, max, 0);
    }

    /**
     * @return the account's fills in memory in the time range that pass the filter, of commands after
     * {@code afterSequence}, newest first.
     */
    public List<AccountFill> fills(
        final long accountId, final long fromMs, final long toMs, final Predicate<AccountFill> filter, final int max,
        final long afterSequence)
    {
        final TimeSeries<AccountFill> series = fillsByAccount.get(accountId);
        return series == null ? List.of() : series.newestFirst(fromMs, toMs, filter, max, afterSequence);
    }

    /** @return whether memory holds every fill of the account from that time on. */
    public boolean fillsCompleteFrom(final long accountId, final long fromMs)
    {
        final TimeSeries<AccountFill> series = fillsByAccount.get(accountId);
        return series == null || series.completeFrom(fromMs);
    }
}
