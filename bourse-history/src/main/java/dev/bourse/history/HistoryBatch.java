package dev.bourse.history;

import dev.bourse.engine.event.CurrencyCreated;
import dev.bourse.engine.event.OrderFilled;
import dev.bourse.engine.event.OrderView;
import dev.bourse.engine.event.PairUpdated;
import dev.bourse.engine.event.TradeExecuted;
import dev.bourse.engine.event.TransferCompleted;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a run of consecutive commands, written in one transaction with the sequence of its last command. The
 * events are kept as they are (they are immutable); the writer turns them into rows.
 */
final class HistoryBatch
{
    record OrderRow(long sequence, OrderView view)
    {
    }

    record FillRow(long sequence, long timestampMs, OrderFilled fill)
    {
    }

    record TradeRow(long sequence, TradeExecuted trade)
    {
    }

    record TransferRow(long sequence, TransferCompleted transfer)
    {
    }

    record CurrencyRow(long sequence, CurrencyCreated currency)
    {
    }

    record PairRow(long sequence, PairUpdated pair)
    {
    }

    final List<OrderRow> orders = new ArrayList<>();
    final List<FillRow> fills = new ArrayList<>();
    final List<TradeRow> trades = new ArrayList<>();
    final List<TransferRow> transfers = new ArrayList<>();
    final List<CurrencyRow> currencies = new ArrayList<>();
    final List<PairRow> pairs = new ArrayList<>();
    private long firstSequence;
    private long lastSequence;

    /** @param sequence a command of the batch, in order. */
    void covers(final long sequence)
    {
        if (firstSequence == 0)
        {
            firstSequence = sequence;
        }
        lastSequence = sequence;
    }

    /** @return the first command of the batch; 0 when it covers none. */
    long firstSequence()
    {
        return firstSequence;
    }

    /** @return the last command of the batch; 0 when it covers none. */
    long lastSequence()
    {
        return lastSequence;
    }

    /** @return the rows it holds. */
    int rows()
    {
        return orders.size() + fills.size() + trades.size() + transfers.size() + currencies.size() + pairs.size();
    }
}
