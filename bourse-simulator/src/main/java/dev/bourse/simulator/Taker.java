package dev.bourse.simulator;

import dev.bourse.client.BookLevel;
import dev.bourse.client.BourseException;
import dev.bourse.client.LimitOrderRequest;
import dev.bourse.client.OrderAck;
import dev.bourse.client.OrderBook;
import dev.bourse.client.OrderRequest;
import dev.bourse.client.OrderSide;
import dev.bourse.client.StatusCode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/**
 * The takers of one pair: orders that trade at once against the book, as MARKET orders or as limit orders priced
 * {@code takerSlippage} past the best opposite price (whatever such an order leaves is cancelled at once, so no taker
 * order rests). With a random walk they arrive at random ({@code takerRate} a minute on average, exponential gaps),
 * buy when the best ask is below the reference and sell when the best bid is above it (otherwise either, evenly),
 * and are log-uniformly sized between {@code takerMinLots} and {@code takerMaxLots}. With a replay they are the
 * file's trades, each when it is due, with its side and amount (times {@code replayAmountScale}); a trade more than
 * {@link #MAX_LAG_MS} late (the key's rate limit could not keep up) is skipped. When the account runs short, its funds
 * are topped up through the admin API.
 */
final class Taker implements TraderLoop.Step
{
    /** How late a replayed trade may be sent; later ones are skipped. */
    static final long MAX_LAG_MS = 2_000;
    private static final int MAX_REPLAYED_PER_STEP = 16;
    private static final long IDLE_MS = 1_000;
    private static final double MS_PER_MINUTE = 60_000;
    private static final double FEE_HEADROOM = 1.01;

    private final PairSettings settings;
    private final PairRules rules;
    private final ReferencePrice reference;
    private final TradeReplay replay;
    private final TraderAccount account;
    private final MarketDataSource marketData;
    private final Treasury treasury;
    private final Random random;
    private long nextAtMs = -1;
    private long nextReplayed;
    private long skipped;

    /**
     * @param replay the replay whose trades to send, or null to trade at random.
     */
    Taker(
        final PairSettings settings,
        final PairRules rules,
        final ReferencePrice reference,
        final TradeReplay replay,
        final TraderAccount account,
        final MarketDataSource marketData,
        final Treasury treasury,
        final Random random)
    {
        this.settings = settings;
        this.rules = rules;
        this.reference = reference;
        this.replay = replay;
        this.account = account;
        this.marketData = marketData;
        this.treasury = treasury;
        this.random = random;
    }

    @Override
    public long step(final long elapsedMs)
    {
        return replay == null ? stepAtRandom(elapsedMs) : stepReplaying(elapsedMs);
    }

    /** @return how many replayed trades were skipped because they were too late. */
    long skipped()
    {
        return skipped;
    }

    private long stepAtRandom(final long elapsedMs)
    {
        if (settings.takerRate() == 0)
        {
            return IDLE_MS;
        }
        if (nextAtMs < 0)
        {
            nextAtMs = elapsedMs + gapMs();
        }
        if (elapsedMs < nextAtMs)
        {
            return nextAtMs - elapsedMs;
        }
        final double sideDraw = random.nextDouble();
        final double sizeDraw = random.nextDouble();
        final double typeDraw = random.nextDouble();
        final double lots = settings.takerMinLots() *
            StrictMath.pow(settings.takerMaxLots() / settings.takerMinLots(), sizeDraw);
        trade(null, sideDraw, lots, typeDraw, reference.priceAt(elapsedMs));
        nextAtMs = Math.max(nextAtMs, elapsedMs - MAX_LAG_MS) + gapMs();
        return Math.max(0, nextAtMs - elapsedMs);
    }

    private long gapMs()
    {
        return 1 + (long)(-MS_PER_MINUTE / settings.takerRate() * StrictMath.log(1 - random.nextDouble()));
    }

    private long stepReplaying(final long elapsedMs)
    {
        int sent = 0;
        while (sent < MAX_REPLAYED_PER_STEP && replay.hasTrade(nextReplayed) &&
            replay.dueAtMs(nextReplayed) <= elapsedMs)
        {
            final long sequence = nextReplayed++;
            if (replay.dueAtMs(sequence) < elapsedMs - MAX_LAG_MS)
            {
                skipped++;
                continue;
            }
            final RecordedTrade recorded = replay.tradeAt(sequence);
            final double lots = recorded.amount().doubleValue() * settings.replayAmountScale() /
                rules.lot().doubleValue();
            trade(recorded.side(), 0, lots, random.nextDouble(), reference.priceAt(elapsedMs));
            sent++;
        }
        return replay.hasTrade(nextReplayed) ? Math.max(0, replay.dueAtMs(nextReplayed) - elapsedMs) : IDLE_MS;
    }

    /**
     * Sends one taker order.
     *
     * @param recordedSide the side, or null to choose it from the book and {@code sideDraw}.
     */
    private void trade(
        final OrderSide recordedSide,
        final double sideDraw,
        final double lots,
        final double typeDraw,
        final double price)
    {
        final OrderBook book = marketData.book(rules.coinPair());
        final BookLevel bestBid = best(book.bids());
        final BookLevel bestAsk = best(book.asks());
        final OrderSide side = recordedSide != null ? recordedSide :
            bestAsk != null && bestAsk.price().doubleValue() < price ? OrderSide.BUY :
            bestBid != null && bestBid.price().doubleValue() > price ? OrderSide.SELL :
            sideDraw < 0.5 ? OrderSide.BUY : OrderSide.SELL;
        final BookLevel best = side == OrderSide.BUY ? bestAsk : bestBid;
        if (best == null)
        {
            return;
        }
        final BigDecimal quantity = rules.quantity(lots, best.price());
        if (quantity == null)
        {
            return;
        }
        final double slippage = side == OrderSide.BUY ? 1 + settings.takerSlippage() : 1 - settings.takerSlippage();
        final OrderRequest order = typeDraw < settings.marketOrderShare() ?
            OrderRequest.market(rules.coinPair(), side, quantity) :
            OrderRequest.limit(rules.coinPair(), side, quantity, side == OrderSide.BUY ?
                rules.ceilPrice(best.price().doubleValue() * slippage) :
                rules.floorPrice(best.price().doubleValue() * slippage));
        final OrderAck ack = place(order, side, best.price());
        if (order instanceof LimitOrderRequest)
        {
            cancelRest(ack.orderId());
        }
    }

    private OrderAck place(final OrderRequest order, final OrderSide side, final BigDecimal price)
    {
        try
        {
            return account.client().placeOrder(order);
        }
        catch (final BourseException ex)
        {
            if (ex.statusCode() != StatusCode.NOT_ENOUGH_BALANCE)
            {
                throw ex;
            }
        }
        final double funds = rules.lot().doubleValue() * settings.takerFundsLots();
        if (side == OrderSide.BUY)
        {
            treasury.deposit(account.accountId(), rules.market(),
                rules.marketAmount(funds * price.doubleValue() * (1 + settings.takerSlippage()) * FEE_HEADROOM),
                "funding");
        }
        else
        {
            treasury.deposit(account.accountId(), rules.currency(), rules.currencyAmount(funds), "funding");
        }
        return account.client().placeOrder(order);
    }

    private void cancelRest(final long orderId)
    {
        try
        {
            account.client().cancelOrder(orderId);
        }
        catch (final BourseException ex)
        {
            if (ex.statusCode() != StatusCode.ORIGINAL_REQUEST_NOT_FOUND)
            {
                throw ex;
            }
        }
    }

    private static BookLevel best(final List<BookLevel> levels)
    {
        return levels == null || levels.isEmpty() ? null : levels.getFirst();
    }
}
