package dev.bourse.history;

import dev.bourse.engine.EnumCodes;
import dev.bourse.engine.TransferDetails;
import dev.bourse.engine.TransferType;
import dev.bourse.engine.event.OrderView;
import dev.bourse.engine.event.TransferCompleted;
import dev.bourse.server.readmodel.AccountFill;
import dev.bourse.server.readmodel.HistoryStore;
import dev.bourse.server.readmodel.MarketTrade;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The history's queries, in SQL over JDBC on a bounded pool of worker threads: an HTTP event loop only hands a query
 * over and gets a future, never waits for the database. A query that finds the pool's queue full, or that fails or
 * times out, completes exceptionally (the API answers 5001, retry later). Each query uses the index made for it (see
 * the schema) and answers only rows of commands up to the sequence it is given. The committed sequence and the health
 * are what the history's writer thread last published.
 */
final class PostgresHistoryStore implements HistoryStore, AutoCloseable
{
    private static final int QUERY_TIMEOUT_S = 10;
    /** The columns {@link #orderView} reads, in its order. */
    static final String ORDER_COLUMNS = "order_id, account_id, coin_pair, order_type, side, price, " +
        "stop_price, initial_quantity, cancelled_quantity, remain_quantity, filled_quantity, filled_volume, " +
        "fee_paid, reserved_value, reserve_remaining, maker_fee_ppm, taker_fee_ppm, status, created_at_ms, " +
        "completed_at_ms, client_order_id";

    private final DataSource dataSource;
    private final ThreadPoolExecutor readers;
    private volatile long committedSequence;
    private volatile Health health = new Health("STARTING", 0, "connecting to the history database");

    /**
     * @param dataSource   the pool of connections.
     * @param threads      worker threads running queries.
     * @param queueLength  queries that may wait for a worker; beyond, a query fails at once.
     */
    PostgresHistoryStore(final DataSource dataSource, final int threads, final int queueLength)
    {
        this.dataSource = dataSource;
        final AtomicInteger count = new AtomicInteger();
        this.readers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queueLength), runnable ->
            {
                final Thread thread = new Thread(runnable, "bourse-history-reader-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
    }

    void published(final long sequence, final Health health)
    {
        this.committedSequence = sequence;
        this.health = health;
    }

    @Override
    public long committedSequence()
    {
        return committedSequence;
    }

    @Override
    public Health health()
    {
        return health;
    }

    @Override
    public CompletableFuture<OrderView> order(final long orderId)
    {
        final long through = committedSequence;
        return query("SELECT " + ORDER_COLUMNS + " FROM order_state WHERE order_id = ? AND sequence <= ? " +
            "ORDER BY sequence DESC LIMIT 1", statement ->
        {
            statement.setLong(1, orderId);
            statement.setLong(2, through);
        }, result -> result.next() ? orderView(result) : null);
    }

    @Override
    public CompletableFuture<List<MarketTrade>> trades(
        final String coinPair, final long fromMs, final long toMs, final long throughSequence, final int max)
    {
        if (max <= 0)
        {
            return CompletableFuture.completedFuture(List.of());
        }
        return query("SELECT trade_id, coin_pair, price, quantity, volume, taker_side, created_at_ms FROM trade " +
            "WHERE coin_pair = ? AND created_at_ms BETWEEN ? AND ? AND sequence <= ? " +
            "ORDER BY created_at_ms DESC, trade_id DESC LIMIT ?", statement ->
        {
            statement.setString(1, coinPair);
            statement.setLong(2, fromMs);
            statement.setLong(3, toMs);
            statement.setLong(4, throughSequence);
            statement.setInt(5, max);
        }, result ->
        {
            final List<MarketTrade> trades = new ArrayList<>();
            while (result.next())
            {
                trades.add(new MarketTrade(result.getLong(1), result.getString(2), result.getLong(3),
                    result.getLong(4), result.getLong(5), EnumCodes.side(result.getInt(6)), result.getLong(7)));
            }
            return trades;
        });
    }

    @Override
    public CompletableFuture<List<AccountFill>> fills(
        final long accountId, final String coinPair, final long fromMs, final long toMs, final long throughSequence,
        final int max)
    {
        if (max <= 0)
        {
            return CompletableFuture.completedFuture(List.of());
        }
        return query("SELECT trade_id, order_id, coin_pair, side, price, quantity, volume, fee, full_fill, " +
            "created_at_ms FROM fill WHERE account_id = ? " + (coinPair == null ? "" : "AND coin_pair = ? ") +
            "AND created_at_ms BETWEEN ? AND ? AND sequence <= ? " +
            "ORDER BY created_at_ms DESC, trade_id DESC, maker DESC LIMIT ?", statement ->
        {
            int i = 1;
            statement.setLong(i++, accountId);
            if (coinPair != null)
            {
                statement.setString(i++, coinPair);
            }
            statement.setLong(i++, fromMs);
            statement.setLong(i++, toMs);
            statement.setLong(i++, throughSequence);
            statement.setInt(i, max);
        }, result ->
        {
            final List<AccountFill> fills = new ArrayList<>();
            while (result.next())
            {
                fills.add(new AccountFill(result.getLong(1), result.getLong(2), result.getString(3),
                    EnumCodes.side(result.getInt(4)), result.getLong(5), result.getLong(6), result.getLong(7),
                    result.getLong(8), result.getBoolean(9), result.getLong(10)));
            }
            return fills;
        });
    }

    @Override
    public CompletableFuture<TransferPage> transfers(
        final long accountId, final String currency, final TransferType type, final long fromMs, final long toMs,
        final long throughSequence, final long offset, final int limit)
    {
        final String where = "WHERE account_id = ? AND created_at_ms BETWEEN ? AND ? AND sequence <= ?" +
            (currency == null ? "" : " AND currency = ?") + (type == null ? "" : " AND transfer_type = ?");
        final StatementSetter filter = statement ->
        {
            int i = 1;
            statement.setLong(i++, accountId);
            statement.setLong(i++, fromMs);
            statement.setLong(i++, toMs);
            statement.setLong(i++, throughSequence);
            if (currency != null)
            {
                statement.setString(i++, currency);
            }
            if (type != null)
            {
                statement.setInt(i, EnumCodes.code(type));
            }
        };
        final int parameters = 4 + (currency == null ? 0 : 1) + (type == null ? 0 : 1);
        return submit(() ->
        {
            try (Connection connection = dataSource.getConnection())
            {
                final long total = run(connection, "SELECT count(*) FROM transfer " + where, filter, result ->
                {
                    result.next();
                    return result.getLong(1);
                });
                if (limit <= 0 || offset >= total)
                {
                    return new TransferPage(total, List.of());
                }
                final List<TransferCompleted> page = run(connection, "SELECT transfer_id, account_id, " +
                    "transfer_type, currency, amount, fee, total, address, tag, bank_name, account_no, " +
                    "created_at_ms FROM transfer " + where + " ORDER BY created_at_ms DESC, transfer_id DESC " +
                    "LIMIT ? OFFSET ?", statement ->
                {
                    filter.set(statement);
                    statement.setInt(parameters + 1, limit);
                    statement.setLong(parameters + 2, offset);
                }, result ->
                {
                    final List<TransferCompleted> transfers = new ArrayList<>();
                    while (result.next())
                    {
                        transfers.add(new TransferCompleted(result.getLong(1), result.getLong(2),
                            EnumCodes.transferType(result.getInt(3)), result.getString(4), result.getLong(5),
                            result.getLong(6), result.getLong(7), new TransferDetails(result.getString(8),
                            result.getString(9), result.getString(10), result.getString(11)), result.getLong(12)));
                    }
                    return transfers;
                });
                return new TransferPage(total, page);
            }
        });
    }

    @Override
    public void close()
    {
        readers.shutdownNow();
    }

    /** @return the order of a row of {@link #ORDER_COLUMNS}. */
    static OrderView orderView(final ResultSet result) throws SQLException
    {
        return new OrderView(result.getLong(1), result.getLong(2), result.getString(3),
            EnumCodes.orderType(result.getInt(4)), EnumCodes.side(result.getInt(5)), result.getLong(6),
            result.getLong(7), result.getLong(8), result.getLong(9), result.getLong(10), result.getLong(11),
            result.getLong(12), result.getLong(13), result.getLong(14), result.getLong(15), result.getInt(16),
            result.getInt(17), EnumCodes.orderStatus(result.getInt(18)), result.getLong(19), result.getLong(20),
            result.getString(21));
    }

    @FunctionalInterface
    private interface StatementSetter
    {
        void set(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface ResultReader<T>
    {
        T read(ResultSet result) throws SQLException;
    }

    @FunctionalInterface
    private interface SqlWork<T>
    {
        T run() throws SQLException;
    }

    private <T> CompletableFuture<T> query(final String sql, final StatementSetter setter, final ResultReader<T> reader)
    {
        return submit(() ->
        {
            try (Connection connection = dataSource.getConnection())
            {
                return run(connection, sql, setter, reader);
            }
        });
    }

    private static <T> T run(
        final Connection connection, final String sql, final StatementSetter setter, final ResultReader<T> reader)
        throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement(sql))
        {
            statement.setQueryTimeout(QUERY_TIMEOUT_S);
            setter.set(statement);
            try (ResultSet result = statement.executeQuery())
            {
                return reader.read(result);
            }
        }
    }

    private <T> CompletableFuture<T> submit(final SqlWork<T> work)
    {
        final CompletableFuture<T> answer = new CompletableFuture<>();
        try
        {
            readers.execute(() ->
            {
                try
                {
                    answer.complete(work.run());
                }
                catch (final SQLException | RuntimeException ex)
                {
                    answer.completeExceptionally(ex);
                }
            });
        }
        catch (final RejectedExecutionException ex)
        {
            answer.completeExceptionally(ex);
        }
        return answer;
    }
}
