package dev.bourse.history;

import dev.bourse.engine.event.AllOrdersCancelled;
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
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.sequencer.AppliedCommand;
import dev.bourse.server.sequencer.Projection;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The history database's projection: turns each applied command into rows, from its events alone. Every order a
 * command changed gets one row, its view after the command (the last view among the command's events; for a
 * cancel-all, each listed order's previous view with the remainder cancelled, exactly as the read model derives it);
 * every fill, trade and transfer one row; currencies and pairs as they are created and updated. Rows gather in a
 * {@link HistoryBatch} until the follower takes it. For the cancel-alls it keeps the view of every open order (and
 * nothing of the completed ones), {@link #seed seeded} from a snapshot's read model: the shadow it runs in needs no read
 * model of its own.
 */
final class HistoryProjection implements Projection
{
    private final Long2ObjectHashMap<OrderView> openOrders = new Long2ObjectHashMap<>();
    private final Map<Long, OrderView> touched = new LinkedHashMap<>();
    private HistoryBatch batch = new HistoryBatch();

    /**
     * Starts over from the open orders of a snapshot's read model, in step with the engine loaded beside it.
     *
     * @param readModel the read model, as loaded.
     */
    void seed(final ReadModel readModel)
    {
        openOrders.clear();
        readModel.orders().forEachOpen(view -> openOrders.put(view.orderId(), view));
    }

    @Override
    public void onApplied(final AppliedCommand applied)
    {
        final long sequence = applied.sequence();
        batch.covers(sequence);
        if (!applied.status().isSuccess())
        {
            return;
        }
        touched.clear();
        for (final Event event : applied.events())
        {
            onEvent(event, sequence, applied.timestampMs());
        }
        for (final OrderView view : touched.values())
        {
            batch.orders.add(new HistoryBatch.OrderRow(sequence, view));
            if (view.status().isOpen())
            {
                openOrders.put(view.orderId(), view);
            }
            else
            {
                openOrders.remove(view.orderId());
            }
        }
    }

    private void onEvent(final Event event, final long sequence, final long timestampMs)
    {
        switch (event)
        {
            case CurrencyCreated created -> batch.currencies.add(new HistoryBatch.CurrencyRow(sequence, created));
            case PairUpdated updated -> batch.pairs.add(new HistoryBatch.PairRow(sequence, updated));
            case TransferCompleted transfer -> batch.transfers.add(new HistoryBatch.TransferRow(sequence, transfer));
            case OrderAccepted accepted -> touch(accepted.order());
            case OrderTriggered triggered -> touch(triggered.order());
            case OrderCancelled cancelled -> touch(cancelled.order());
            case OrderFilled filled ->
            {
                touch(filled.order());
                batch.fills.add(new HistoryBatch.FillRow(sequence, timestampMs, filled));
            }
            case TradeExecuted trade -> batch.trades.add(new HistoryBatch.TradeRow(sequence, trade));
            case AllOrdersCancelled cancelled -> cancelled.orderIds().forEach(orderId ->
                touch(currentView(orderId).withRemainderCancelled(timestampMs)));
            default ->
            {
                // accounts, API keys, balances and rejections have no history rows
            }
        }
    }

    private void touch(final OrderView view)
    {
        touched.put(view.orderId(), view);
    }

    private OrderView currentView(final long orderId)
    {
        final OrderView view = touched.containsKey(orderId) ? touched.get(orderId) : openOrders.get(orderId);
        if (view == null)
        {
            throw new IllegalStateException("the history does not know order " + orderId + " of a cancel-all");
        }
        return view;
    }

    /** @return the rows gathered since the last call; a new batch starts. */
    HistoryBatch take()
    {
        final HistoryBatch taken = batch;
        batch = new HistoryBatch();
        return taken;
    }
}
