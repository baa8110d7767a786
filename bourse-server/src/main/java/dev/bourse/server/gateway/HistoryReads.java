package dev.bourse.server.gateway;

import dev.bourse.engine.Status;
import dev.bourse.engine.TransferType;
import dev.bourse.engine.event.OrderView;
import dev.bourse.engine.event.TransferCompleted;
import dev.bourse.server.readmodel.AccountFill;
import dev.bourse.server.readmodel.HistoryStore;
import dev.bourse.server.readmodel.MarketTrade;
import dev.bourse.server.readmodel.ReadModel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

/**
 * The history reads of the public API over the read model's recent window and the durable history behind it. Memory
 * answers alone when it holds every record the answer needs (its window covers the time range, or it found a full
 * page of the newest). Otherwise the answer is split at the durable history's committed sequence H, read before
 * memory: records of commands after H from memory (they are the newest), the others from the history, so nothing is
 * counted twice. That is exact only if memory let go of nothing after H, so the window's evicted sequence is read
 * after memory; when it is beyond H the history has not caught up with what memory let go, and the read answers 5001
 * (retry later) rather than leave records out. A history that fails (unreachable, too busy) is 5001 too.
 */
final class HistoryReads
{
    private final ReadModel readModel;
    private final HistoryStore history;

    HistoryReads(final ReadModel readModel, final HistoryStore history)
    {
        this.readModel = readModel;
        this.history = history;
    }

    /** @return the pair's newest trades in the range, newest first. */
    CompletableFuture<List<MarketTrade>> trades(final String coinPair, final long fromMs, final long toMs, final int max)
    {
        final List<MarketTrade> kept = readModel.trades(coinPair, fromMs, toMs, max);
        if (kept.size() >= max || readModel.tradesCompleteFrom(coinPair, fromMs))
        {
            return CompletableFuture.completedFuture(kept);
        }
        final long through = history.committedSequence();
        final List<MarketTrade> recent = readModel.trades(coinPair, fromMs, toMs, max, through);
        requireCaughtUp(through);
        return concat(recent, history.trades(coinPair, fromMs, toMs, through, max - recent.size()));
    }

    /** @return the account's newest fills in the range (of the pair, or of every pair), newest first. */
    CompletableFuture<List<AccountFill>> fills(
        final long accountId, final String coinPair, final long fromMs, final long toMs, final int max)
    {
        final Predicate<AccountFill> filter = fill -> coinPair == null || coinPair.equals(fill.coinPair());
        final List<AccountFill> kept = readModel.fills(accountId, fromMs, toMs, filter, max);
        if (kept.size() >= max || readModel.fillsCompleteFrom(accountId, fromMs))
        {
            return CompletableFuture.completedFuture(kept);
        }
        final long through = history.committedSequence();
        final List<AccountFill> recent = readModel.fills(accountId, fromMs, toMs, filter, max, through);
        requireCaughtUp(through);
        return concat(recent, history.fills(accountId, coinPair, fromMs, toMs, through, max - recent.size()));
    }

    /** @return how many of the account's transfers match, and those from {@code offset} on, newest first. */
    CompletableFuture<HistoryStore.TransferPage> transfers(
        final long accountId, final String currency, final TransferType type, final long fromMs, final long toMs,
        final long offset, final int limit)
    {
        final Predicate<TransferCompleted> filter = transfer ->
            (currency == null || currency.equals(transfer.currency())) && (type == null || type == transfer.type());
        if (readModel.accounts().transfersCompleteFrom(accountId, fromMs))
        {
            final List<TransferCompleted> kept = readModel.accounts().transfers(accountId, fromMs, toMs, filter);
            return CompletableFuture.completedFuture(new HistoryStore.TransferPage(kept.size(), page(kept, offset,
                limit)));
        }
        final long through = history.committedSequence();
        final List<TransferCompleted> recent =
            readModel.accounts().transfers(accountId, fromMs, toMs, filter, through);
        requireCaughtUp(through);
        final List<TransferCompleted> fromMemory = page(recent, offset, limit);
        final long olderOffset = Math.max(0, offset - recent.size());
        return guarded(history.transfers(accountId, currency, type, fromMs, toMs, through, olderOffset,
            limit - fromMemory.size()).thenApply(older -> new HistoryStore.TransferPage(
                recent.size() + older.total(), join(fromMemory, older.transfers()))));
    }

    /** @return the order's latest view, or null when there is no such order. */
    CompletableFuture<OrderView> order(final long orderId)
    {
        final OrderView kept = readModel.orders().order(orderId);
        if (kept != null)
        {
            return CompletableFuture.completedFuture(kept);
        }
        requireCaughtUp(history.committedSequence());
        return guarded(history.order(orderId));
    }

    private void requireCaughtUp(final long through)
    {
        if (through < readModel.window().evictedThroughSequence())
        {
            throw new ApiException(Status.INTERNAL_TIMEOUT);
        }
    }

    private static <T> CompletableFuture<List<T>> concat(final List<T> recent, final CompletableFuture<List<T>> older)
    {
        return guarded(older.thenApply(rest -> join(recent, rest)));
    }

    private static <T> List<T> join(final List<T> first, final List<T> second)
    {
        if (second.isEmpty())
        {
            return first;
        }
        final List<T> all = new ArrayList<>(first.size() + second.size());
        all.addAll(first);
        all.addAll(second);
        return all;
    }

    private static <T> List<T> page(final List<T> all, final long offset, final int limit)
    {
        if (offset >= all.size() || limit <= 0)
        {
            return List.of();
        }
        return all.subList((int)offset, (int)Math.min(all.size(), offset + limit));
    }

    /** @return the future, with any failure of the history answered 5001 (retry later). */
    private static <T> CompletableFuture<T> guarded(final CompletableFuture<T> future)
    {
        return future.handle((value, failure) ->
        {
            if (failure != null)
            {
                throw new CompletionException(new ApiException(Status.INTERNAL_TIMEOUT));
            }
            return value;
        });
    }
}
