package dev.bourse.history;

import dev.bourse.engine.EnumCodes;
import dev.bourse.engine.TransferDetails;
import dev.bourse.engine.event.OrderFilled;
import dev.bourse.engine.event.OrderView;
import dev.bourse.engine.event.TradeExecuted;
import dev.bourse.engine.event.TransferCompleted;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes batches of history rows, each in one transaction that also moves {@code history_progress} to the batch's
 * last sequence. The progress row is locked first and a batch at or before it is skipped, so a batch written twice
 * (a commit whose answer was lost with the connection, a restart that replays the journal) is written once: a crash
 * of the server or of the database never loses or doubles a row. Rows go in with COPY, in its binary format.
 */
final class HistoryWriter
{
    private static final String LOCK_PROGRESS =
        "SELECT committed_sequence FROM history_progress WHERE id = 1 FOR UPDATE";
    private static final String SET_PROGRESS =
        "UPDATE history_progress SET committed_sequence = ?, updated_at = now() WHERE id = 1";

    private final DataSource dataSource;

    HistoryWriter(final DataSource dataSource)
    {
        this.dataSource = dataSource;
    }

    /** @return the sequence of the last command whose rows are committed. */
    long committedSequence() throws SQLException
    {
        try (Connection connection = dataSource.getConnection();
            Statement statement = connection.createStatement();
            ResultSet result = statement.executeQuery("SELECT committed_sequence FROM history_progress WHERE id = 1"))
        {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * Writes the batch unless it is committed already.
     *
     * @param batch the rows of consecutive commands right after the committed ones.
     * @return the committed sequence afterwards.
     * @throws SQLException when the database fails (nothing of the batch is committed then, or all of it).
     * @throws IllegalStateException when the batch does not follow the committed sequence (a bug, or a database that
     *                               another server writes).
     */
    long write(final HistoryBatch batch) throws SQLException
    {
        try (Connection connection = dataSource.getConnection())
        {
            connection.setAutoCommit(false);
            try
            {
                final long committed = lockProgress(connection);
                if (committed >= batch.lastSequence())
                {
                    connection.rollback();
                    return committed;
                }
                if (committed != batch.firstSequence() - 1)
                {
                    connection.rollback();
                    throw new IllegalStateException("the history database is at sequence " + committed +
                        " but the next batch starts at " + batch.firstSequence());
                }
                insert(connection, batch);
                setProgress(connection, batch.lastSequence());
                connection.commit();
                return batch.lastSequence();
            }
            catch (final SQLException | RuntimeException ex)
            {
                rollbackQuietly(connection, ex);
                throw ex;
            }
        }
    }

    /**
     * Deletes every row of a command after the sequence and sets the progress to it: when the journal was restored
     * from a backup older than the database.
     *
     * @param sequence the last command the journal holds.
     */
    void rewind(final long sequence) throws SQLException
    {
        try (Connection connection = dataSource.getConnection())
        {
            connection.setAutoCommit(false);
            try
            {
                lockProgress(connection);
                for (final String table : new String[] {"order_state", "fill", "trade", "transfer", "pair", "currency"})
                {
                    try (PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM " + table + " WHERE sequence > ?"))
                    {
                        delete.setLong(1, sequence);
                        delete.executeUpdate();
                    }
                }
                setProgress(connection, sequence);
                connection.commit();
            }
            catch (final SQLException | RuntimeException ex)
            {
                rollbackQuietly(connection, ex);
                throw ex;
            }
        }
    }

    private static long lockProgress(final Connection connection) throws SQLException
    {
        try (Statement statement = connection.createStatement();
            ResultSet result = statement.executeQuery(LOCK_PROGRESS))
        {
            if (!result.next())
            {
                throw new SQLException("history_progress has no row: the schema was not migrated");
            }
            return result.getLong(1);
        }
    }

    private static void setProgress(final Connection connection, final long sequence) throws SQLException
    {
        try (PreparedStatement update = connection.prepareStatement(SET_PROGRESS))
        {
            update.setLong(1, sequence);
            update.executeUpdate();
        }
    }

    private static void insert(final Connection connection, final HistoryBatch batch) throws SQLException
    {
        try (PreparedStatement currency = connection.prepareStatement(
            "INSERT INTO currency (currency, scale, sequence) VALUES (?, ?, ?) ON CONFLICT (currency) DO NOTHING");
            PreparedStatement pair = connection.prepareStatement(
                "INSERT INTO pair (coin_pair, currency, market, sequence) VALUES (?, ?, ?, ?) " +
                    "ON CONFLICT (coin_pair) DO NOTHING"))
        {
            for (final HistoryBatch.CurrencyRow row : batch.currencies)
            {
                currency.setString(1, row.currency().currency());
                currency.setInt(2, row.currency().scale());
                currency.setLong(3, row.sequence());
                currency.executeUpdate();
            }
            for (final HistoryBatch.PairRow row : batch.pairs)
            {
                pair.setString(1, row.pair().coinPair());
                pair.setString(2, row.pair().currency());
                pair.setString(3, row.pair().market());
                pair.setLong(4, row.sequence());
                pair.executeUpdate();
            }
        }
        final CopyBinary orders = new CopyBinary(22);
        for (final HistoryBatch.OrderRow row : batch.orders)
        {
            final OrderView view = row.view();
            orders.bigint(view.orderId()).bigint(row.sequence()).bigint(view.accountId()).text(view.coinPair())
                .smallint(EnumCodes.code(view.type())).smallint(EnumCodes.code(view.side())).bigint(view.price())
                .bigint(view.stopPrice()).bigint(view.initialQuantity()).bigint(view.cancelledQuantity())
                .bigint(view.remainQuantity()).bigint(view.filledQuantity()).bigint(view.filledVolume())
                .bigint(view.feePaid()).bigint(view.reservedValue()).bigint(view.reserveRemaining())
                .integer(view.makerFeePpm()).integer(view.takerFeePpm()).smallint(EnumCodes.code(view.status()))
                .bigint(view.createdAtMs()).bigint(view.completedAtMs()).text(view.clientOrderId()).endRow();
        }
        copy(connection, "order_state (order_id, sequence, account_id, coin_pair, order_type, side, price, " +
            "stop_price, initial_quantity, cancelled_quantity, remain_quantity, filled_quantity, filled_volume, " +
            "fee_paid, reserved_value, reserve_remaining, maker_fee_ppm, taker_fee_ppm, status, created_at_ms, " +
            "completed_at_ms, client_order_id)", orders);
        final CopyBinary fills = new CopyBinary(13);
        for (final HistoryBatch.FillRow row : batch.fills)
        {
            final OrderFilled fill = row.fill();
            final OrderView order = fill.order();
            fills.bigint(fill.tradeId()).bigint(order.orderId()).bigint(row.sequence()).bigint(order.accountId())
                .text(order.coinPair()).smallint(EnumCodes.code(order.side())).bool(fill.maker()).bigint(fill.price())
                .bigint(fill.quantity()).bigint(fill.volume()).bigint(fill.fee()).bool(fill.full())
                .bigint(row.timestampMs()).endRow();
        }
        copy(connection, "fill (trade_id, order_id, sequence, account_id, coin_pair, side, maker, price, quantity, " +
            "volume, fee, full_fill, created_at_ms)", fills);
        final CopyBinary trades = new CopyBinary(14);
        for (final HistoryBatch.TradeRow row : batch.trades)
        {
            final TradeExecuted trade = row.trade();
            trades.bigint(trade.tradeId()).bigint(row.sequence()).text(trade.coinPair()).bigint(trade.price())
                .bigint(trade.quantity()).bigint(trade.volume()).smallint(EnumCodes.code(trade.takerSide()))
                .bigint(trade.takerOrderId()).bigint(trade.takerAccountId()).bigint(trade.takerFee())
                .bigint(trade.makerOrderId()).bigint(trade.makerAccountId()).bigint(trade.makerFee())
                .bigint(trade.timestampMs()).endRow();
        }
        copy(connection, "trade (trade_id, sequence, coin_pair, price, quantity, volume, taker_side, " +
            "taker_order_id, taker_account_id, taker_fee, maker_order_id, maker_account_id, maker_fee, " +
            "created_at_ms)", trades);
        final CopyBinary transfers = new CopyBinary(13);
        for (final HistoryBatch.TransferRow row : batch.transfers)
        {
            final TransferCompleted transfer = row.transfer();
            final TransferDetails details = transfer.details();
            transfers.bigint(transfer.transferId()).bigint(row.sequence()).bigint(transfer.accountId())
                .smallint(EnumCodes.code(transfer.type())).text(transfer.currency()).bigint(transfer.amount())
                .bigint(transfer.fee()).bigint(transfer.total()).text(details.address()).text(details.tag())
                .text(details.bankName()).text(details.accountNo()).bigint(transfer.timestampMs()).endRow();
        }
        copy(connection, "transfer (transfer_id, sequence, account_id, transfer_type, currency, amount, fee, total, " +
            "address, tag, bank_name, account_no, created_at_ms)", transfers);
    }

    private static void copy(final Connection connection, final String tableAndColumns, final CopyBinary rows)
        throws SQLException
    {
        if (rows.rows() == 0)
        {
            return;
        }
        try
        {
            final byte[] bytes = rows.finish();
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY " + tableAndColumns + " FROM STDIN (FORMAT binary)", new ByteArrayInputStream(bytes, 0,
                    rows.length()));
        }
        catch (final IOException ex)
        {
            throw new SQLException("COPY into " + tableAndColumns + " failed", ex);
        }
    }

    private static void rollbackQuietly(final Connection connection, final Exception cause)
    {
        try
        {
            connection.rollback();
        }
        catch (final SQLException ex)
        {
            cause.addSuppressed(ex);
        }
    }
}
