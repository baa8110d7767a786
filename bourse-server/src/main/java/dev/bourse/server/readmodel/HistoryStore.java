package dev.bourse.server.readmodel;

import dev.bourse.engine.TransferType;
import dev.bourse.engine.event.OrderView;
import dev.bourse.engine.event.TransferCompleted;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The durable history behind the read model's recent window: every order state, fill, trade and transfer of the
 * commands up to {@link #committedSequence()}, kept outside the heap (the history database). Queries take a
 * {@code throughSequence}: they answer only records of commands up to it, so that a caller can add the records after
 * it from memory without counting any twice. Answers arrive on a thread of the store; a store that cannot answer
 * (its database is unreachable, or too busy) completes the future exceptionally.
 */
public interface HistoryStore
{
    /** No durable history: memory is all there is, and nothing is committed. */
    HistoryStore NONE = new HistoryStore()
    {
        @Override
        public long committedSequence()
        {
            return 0;
        }

        @Override
        public Health health()
        {
            return new Health("OFF", 0, "no history database: history beyond the in-memory window is not kept");
        }

        @Override
        public CompletableFuture<OrderView> order(final long orderId)
        {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<List<MarketTrade>> trades(
            final String coinPair, final long fromMs, final long toMs, final long throughSequence, final int max)
        {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<List<AccountFill>> fills(
            final long accountId, final String coinPair, final long fromMs, final long toMs,
            final long throughSequence, final int max)
        {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<TransferPage> transfers(
            final long accountId, final String currency, final TransferType type, final long fromMs, final long toMs,
            final long throughSequence, final long offset, final int limit)
        {
            return CompletableFuture.completedFuture(new TransferPage(0, List.of()));
        }
    };

    /**
     * How the durable history is doing, for operators.
     *
     * @param status            OFF, CURRENT, CATCHING_UP, UNAVAILABLE (the database cannot be reached; it retries)
     *                          or STALLED (it cannot go on by itself; the detail says why).
     * @param committedSequence the last command whose history is durable.
     * @param detail            a sentence for operators, or null.
     */
    record Health(String status, long committedSequence, String detail)
    {
    }

    /**
     * A page of transfers.
     *
     * @param total     how many transfers match, on every page.
     * @param transfers the page, newest first.
     */
    record TransferPage(long total, List<TransferCompleted> transfers)
    {
    }

    /** @return the last command whose records are durable and visible to the queries. */
    long committedSequence();

    /** @return how the durable history is doing. */
    Health health();

    /** @return the order's last view, or null when the history has no such order. */
    CompletableFuture<OrderView> order(long orderId);

    /** @return the pair's trades in the time range (inclusive), newest first, at most {@code max}. */
    CompletableFuture<List<MarketTrade>> trades(String coinPair, long fromMs, long toMs, long throughSequence, int max);

    /**
     * @param coinPair the pair, or null for every pair.
     * @return the account's fills in the time range (inclusive), newest first, at most {@code max}.
     */
    CompletableFuture<List<AccountFill>> fills(
        long accountId, String coinPair, long fromMs, long toMs, long throughSequence, int max);

    /**
     * @param currency the currency, or null for every one.
     * @param type     the type, or null for both.
     * @return the account's transfers in the time range (inclusive), newest first: how many match, and those from
     * {@code offset} on, at most {@code limit}.
     */
    CompletableFuture<TransferPage> transfers(
        long accountId, String currency, TransferType type, long fromMs, long toMs, long throughSequence, long offset,
        int limit);
}
