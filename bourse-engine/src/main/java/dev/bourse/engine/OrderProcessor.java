package dev.bourse.engine;

import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.event.AllOrdersCancelled;
import dev.bourse.engine.event.OrderAccepted;
import dev.bourse.engine.event.OrderCancelled;
import dev.bourse.engine.event.OrderCancelled.CancelReason;
import dev.bourse.engine.event.OrderFilled;
import dev.bourse.engine.event.OrderIdList;
import dev.bourse.engine.event.OrderTriggered;
import dev.bourse.engine.event.TradeExecuted;

import java.util.ArrayDeque;

/** Places, matches, triggers and cancels orders: validation first, then changes that cannot fail. */
final class OrderProcessor
{
    private final EngineState state;
    private final ArrayDeque<Order> triggered = new ArrayDeque<>();

    OrderProcessor(final EngineState state)
    {
        this.state = state;
    }

    Status place(final PlaceOrder command, final long timestampMs, final EventSink sink)
    {
        final Account account = state.account(command.accountId());
        if (account == null)
        {
            return Status.ACCOUNT_NOT_FOUND;
        }
        final Pair pair = state.pair(command.coinPair());
        if (pair == null)
        {
            return Status.INVALID_COIN_PAIR;
        }
        final Status invalid = validate(command, account, pair);
        if (invalid != null)
        {
            return invalid;
        }
        final long reserve = reserveFor(command, account, pair);
        if (reserve < 0)
        {
            return Status.VOLUME_TOO_HIGH;
        }
        final Currency reserveCurrency = command.side() == Side.BUY ? pair.market : pair.currency;
        if (account.available(reserveCurrency) < reserve)
        {
            return Status.NOT_ENOUGH_BALANCE;
        }

        final Order order = new Order(EngineState.ORDER_ID_BASE + ++state.orderSequence, account, pair,
            command.type(), command.side(), command.price(), command.stopPrice(), command.quantity(), reserve,
            pair.policy.makerFeePpm(), pair.policy.takerFeePpm(), timestampMs);
        account.reserve(reserveCurrency, reserve);
        if (command.type() == OrderType.MARKET)
        {
            sink.onEvent(new OrderAccepted(order.view()));
            state.emitBalance(account, reserveCurrency, sink);
            executeMarket(order, timestampMs, sink);
        }
        else
        {
            open(order);
            final boolean pending = command.type() == OrderType.STOPLIMIT && !isTriggered(order, pair.lastPrice);
            order.status = pending ? OrderStatus.PENDING : OrderStatus.REQUEST;
            sink.onEvent(new OrderAccepted(order.view()));
            state.emitBalance(account, reserveCurrency, sink);
            if (pending)
            {
                pair.stops(order.side).add(order, order.stopPrice);
            }
            else
            {
                enterBook(order, timestampMs, sink);
            }
        }
        processTriggers(pair, timestampMs, sink);
        return Status.SUCCESS;
    }

    private Status validate(final PlaceOrder command, final Account account, final Pair pair)
    {
        if (command.type() == null)
        {
            return Status.INVALID_PARAMETER;
        }
        if (command.side() == null)
        {
            return Status.INVALID_ORDER_SIDE;
        }
        if (command.quantity() <= 0)
        {
            return Status.INVALID_QUANTITY;
        }
        final Status priceStatus = validatePrices(command);
        if (priceStatus != null)
        {
            return priceStatus;
        }
        final PairPolicy policy = pair.policy;
        if (policy.state() != PairState.TRADING)
        {
            return Status.PAIR_IN_MAINTENANCE;
        }
        if (command.price() % pair.tickSize != 0 || command.stopPrice() % pair.tickSize != 0)
        {
            return Status.PRICE_OUT_OF_SCALE;
        }
        if (command.quantity() % pair.lotSize != 0)
        {
            return Status.AMOUNT_OUT_OF_SCALE;
        }
        if (command.type() != OrderType.MARKET &&
            (command.price() < policy.minPrice() ||
            (command.type() == OrderType.STOPLIMIT && command.stopPrice() < policy.minPrice())))
        {
            return Status.PRICE_TOO_LOW;
        }
        if (command.quantity() < policy.minAmount())
        {
            return Status.AMOUNT_TOO_LOW;
        }
        if (command.quantity() > policy.maxAmount())
        {
            return Status.AMOUNT_TOO_HIGH;
        }
        if (command.type() != OrderType.MARKET)
        {
            final Status volumeStatus = validateVolume(command, pair);
            if (volumeStatus != null)
            {
                return volumeStatus;
            }
            if (account.openOrderCount >= state.configuration.maxOpenOrdersPerAccount() ||
                pair.openOrderCount() >= state.configuration.maxOpenOrdersPerPair())
            {
                return Status.ACTIVE_ORDER_COUNT_EXCEEDED;
            }
        }
        if (state.orderSequence >= EngineState.MAX_SEQUENCE ||
            state.tradeSequence >= EngineState.MAX_SEQUENCE - state.configuration.maxOpenOrdersPerPair() - 1L)
        {
            return Status.INTERNAL_CORE_ERROR;
        }
        return null;
    }

    private static Status validatePrices(final PlaceOrder command)
    {
        return switch (command.type())
        {
            case MARKET -> command.price() != 0 || command.stopPrice() != 0 ? Status.INVALID_PARAMETER : null;
            case LIMIT -> command.price() <= 0 ? Status.INVALID_PRICE :
                command.stopPrice() != 0 ? Status.INVALID_PARAMETER : null;
            case STOPLIMIT -> command.price() <= 0 || command.stopPrice() <= 0 ? Status.INVALID_PRICE : null;
        };
    }

    private static Status validateVolume(final PlaceOrder command, final Pair pair)
    {
        final long volume;
        try
        {
            volume = pair.volume(command.price(), command.quantity());
        }
        catch (final ArithmeticException overflow)
        {
            return Status.VOLUME_TOO_HIGH;
        }
        if (volume < pair.policy.minVolume())
        {
            return Status.VOLUME_TOO_LOW;
        }
        return volume > pair.policy.maxVolume() ? Status.VOLUME_TOO_HIGH : null;
    }

    /** @return what the order must reserve, or -1 when it does not fit a long. */
    private long reserveFor(final PlaceOrder command, final Account account, final Pair pair)
    {
        if (command.side() == Side.SELL)
        {
            return command.quantity();
        }
        try
        {
            if (command.type() == OrderType.MARKET)
            {
                final Account skipped = preventsSelfTrade() ? account : null;
                final long volume = marketBuyVolume(skipped, pair, command.quantity());
                return Math.addExact(volume, Fees.ceil(volume, pair.policy.takerFeePpm()));
            }
            final long volume = pair.volume(command.price(), command.quantity());
            return Math.addExact(volume, Fees.ceil(volume, pair.maxFeePpm()));
        }
        catch (final ArithmeticException overflow)
        {
            return -1;
        }
    }

    /**
     * @return the volume a MARKET BUY of the quantity would trade now: the asks walked best first, skipping the
     * orders of {@code skipped} (the buyer under self-trade prevention, else null) exactly as matching will.
     */
    private static long marketBuyVolume(final Account skipped, final Pair pair, final long quantity)
    {
        long wanted = quantity;
        long volume = 0;
        for (final PriceLevel level : pair.asks.levels())
        {
            for (Order maker = level.head; maker != null && wanted > 0; maker = maker.next)
            {
                if (maker.account != skipped)
                {
                    final long fill = Math.min(wanted, maker.remain);
                    volume = Math.addExact(volume, pair.volume(level.price, fill));
                    wanted -= fill;
                }
            }
            if (wanted == 0)
            {
                break;
            }
        }
        return volume;
    }

    private void open(final Order order)
    {
        if (!state.openOrders.add(order))
        {
            throw new IllegalStateException("order " + order.id + " is open already");
        }
        order.account.openOrdersOrCreate(order.pair).append(order);
        order.account.openOrderCount++;
    }

    private void close(final Order order)
    {
        close(order, order.account.openOrders(order.pair));
    }

    private void close(final Order order, final AccountOrders accountOrders)
    {
        state.openOrders.remove(order);
        accountOrders.unlink(order);
        order.account.forgetIfEmpty(order.pair, accountOrders);
        order.account.openOrderCount--;
    }

    private void executeMarket(final Order order, final long timestampMs, final EventSink sink)
    {
        order.status = OrderStatus.REQUEST;
        match(order, timestampMs, sink);
        if (order.remain > 0)
        {
            order.cancelRemainder(timestampMs);
            releaseReserve(order, sink);
            sink.onEvent(new OrderCancelled(order.view(), CancelReason.UNFILLED_MARKET));
        }
    }

    private void enterBook(final Order order, final long timestampMs, final EventSink sink)
    {
        match(order, timestampMs, sink);
        if (order.remain > 0)
        {
            order.pair.book(order.side).add(order, order.price);
        }
    }

    private boolean preventsSelfTrade()
    {
        return state.configuration.selfTradePrevention() == SelfTradePrevention.EXPIRE_MAKER;
    }

    private static boolean crosses(final Order taker, final long makerPrice)
    {
        if (taker.type == OrderType.MARKET)
        {
            return true;
        }
        return taker.side == Side.BUY ? makerPrice <= taker.price : makerPrice >= taker.price;
    }

    private void match(final Order taker, final long timestampMs, final EventSink sink)
    {
        final BookSide opposite = taker.pair.book(taker.side.opposite());
        long iterationsLeft = (long)opposite.orderCount() + 1;
        while (taker.remain > 0)
        {
            if (--iterationsLeft < 0)
            {
                throw new IllegalStateException("matching of order " + taker.id + " did not terminate");
            }
            final PriceLevel level = opposite.best();
            if (level == null || !crosses(taker, level.price))
            {
                return;
            }
            final Order maker = level.head;
            if (maker.account == taker.account && preventsSelfTrade())
            {
                cancelOpenOrder(maker, timestampMs, CancelReason.SELF_TRADE, sink);
            }
            else
            {
                trade(taker, maker, level.price, Math.min(taker.remain, maker.remain), timestampMs, sink);
            }
        }
    }

    private void trade(
        final Order taker,
        final Order maker,
        final long price,
        final long quantity,
        final long timestampMs,
        final EventSink sink)
    {
        final Pair pair = taker.pair;
        final long volume = pair.volume(price, quantity);
        final long takerFee = taker.accrueFee(volume, taker.takerFeePpm);
        final long makerFee = maker.accrueFee(volume, maker.makerFeePpm);
        final long tradeId = EngineState.TRADE_ID_BASE + ++state.tradeSequence;

        pair.book(maker.side).reduce(maker, quantity);
        maker.recordFill(quantity, volume, timestampMs);
        taker.recordFill(quantity, volume, timestampMs);
        settle(taker, quantity, volume, takerFee);
        settle(maker, quantity, volume, makerFee);
        pair.market.fees += takerFee + makerFee;
        pair.lastPrice = price;

        sink.onEvent(new TradeExecuted(tradeId, pair.coinPair, price, quantity, volume, taker.side, taker.id,
            taker.account.id, takerFee, maker.id, maker.account.id, makerFee, timestampMs));
        sink.onEvent(new OrderFilled(maker.view(), tradeId, price, quantity, volume, makerFee, true));
        sink.onEvent(new OrderFilled(taker.view(), tradeId, price, quantity, volume, takerFee, false));
        emitBalances(maker.account, pair, sink);
        emitBalances(taker.account, pair, sink);
        if (maker.remain == 0)
        {
            pair.book(maker.side).remove(maker);
            close(maker);
        }
        if (taker.remain == 0 && taker.type != OrderType.MARKET)
        {
            close(taker);
        }
    }

    /** Moves a fill's funds for one side: what it gives leaves its reserve, what it gets is credited. */
    private static void settle(final Order order, final long quantity, final long volume, final long fee)
    {
        final Account account = order.account;
        final Pair pair = order.pair;
        if (order.side == Side.BUY)
        {
            final long charge = Math.addExact(volume, fee);
            consumeReserve(order, pair.market, charge);
            account.credit(pair.currency, quantity);
            if (order.isBuyWithLimit())
            {
                final long excess = order.reserveRemaining - order.maxRemainingCharge();
                if (excess < 0)
                {
                    throw new IllegalStateException("order " + order.id + " reserve short by " + -excess);
                }
                releasePart(order, excess);
            }
            else if (order.remain == 0)
            {
                releasePart(order, order.reserveRemaining);
            }
        }
        else
        {
            consumeReserve(order, pair.currency, quantity);
            account.credit(pair.market, volume - fee);
        }
    }

    private static void consumeReserve(final Order order, final Currency currency, final long amount)
    {
        if (amount > order.reserveRemaining)
        {
            throw new IllegalStateException("order " + order.id + " charged " + amount + " beyond its reserve " +
                order.reserveRemaining);
        }
        order.reserveRemaining -= amount;
        order.account.reserve(currency, -amount);
        order.account.credit(currency, -amount);
    }

    private static void releasePart(final Order order, final long amount)
    {
        order.reserveRemaining -= amount;
        order.account.reserve(order.reserveCurrency(), -amount);
    }

    private void releaseReserve(final Order order, final EventSink sink)
    {
        releasePart(order, order.reserveRemaining);
        state.emitBalance(order.account, order.reserveCurrency(), sink);
    }

    private void emitBalances(final Account account, final Pair pair, final EventSink sink)
    {
        state.emitBalance(account, pair.currency, sink);
        state.emitBalance(account, pair.market, sink);
    }

    private static boolean isTriggered(final Order stop, final long lastPrice)
    {
        if (lastPrice == 0)
        {
            return false;
        }
        return stop.side == Side.BUY ? lastPrice >= stop.stopPrice : lastPrice <= stop.stopPrice;
    }

    /** Moves every stop order the last price has reached into the book, in the order they are reached. */
    private void processTriggers(final Pair pair, final long timestampMs, final EventSink sink)
    {
        collectTriggered(pair);
        long iterationsLeft = (long)pair.openOrderCount() + triggered.size() + 1;
        while (!triggered.isEmpty())
        {
            if (--iterationsLeft < 0)
            {
                throw new IllegalStateException("stop triggers on " + pair.coinPair + " did not terminate");
            }
            final Order order = triggered.poll();
            order.status = OrderStatus.REQUEST;
            sink.onEvent(new OrderTriggered(order.view()));
            enterBook(order, timestampMs, sink);
            collectTriggered(pair);
        }
    }

    private void collectTriggered(final Pair pair)
    {
        collectTriggered(pair.buyStops, pair.lastPrice);
        collectTriggered(pair.sellStops, pair.lastPrice);
    }

    private void collectTriggered(final BookSide stops, final long lastPrice)
    {
        for (PriceLevel level = stops.best(); level != null && isTriggered(level.head, lastPrice); level = stops.best())
        {
            while (!level.isEmpty())
            {
                final Order order = level.head;
                stops.remove(order);
                triggered.add(order);
            }
        }
    }

    Status cancel(final CancelOrder command, final long timestampMs, final EventSink sink)
    {
        final Order order = state.openOrders.get(command.orderId());
        if (order == null || order.account.id != command.accountId())
        {
            return state.account(command.accountId()) == null ?
                Status.ACCOUNT_NOT_FOUND : Status.ORIGINAL_REQUEST_NOT_FOUND;
        }
        cancelOpenOrder(order, timestampMs, CancelReason.USER, sink);
        return Status.SUCCESS;
    }

    Status cancelAll(final CancelAllOrders command, final long timestampMs, final EventSink sink)
    {
        final Account account = state.account(command.accountId());
        if (account == null)
        {
            return Status.ACCOUNT_NOT_FOUND;
        }
        final Pair pair = state.pair(command.coinPair());
        if (pair == null)
        {
            return Status.INVALID_COIN_PAIR;
        }
        final AccountOrders orders = account.openOrders(pair);
        final long[] cancelledIds = new long[orders == null ? 0 : orders.count];
        int cancelled = 0;
        while (orders != null && orders.head != null)
        {
            if (cancelled == cancelledIds.length)
            {
                throw new IllegalStateException("cancel-all of account " + account.id + " did not terminate");
            }
            final Order order = orders.head;
            cancelledIds[cancelled++] = order.id;
            removeAndCancel(order, orders, timestampMs);
        }
        if (cancelled > 0)
        {
            emitBalances(account, pair, sink);
        }
        sink.onEvent(new AllOrdersCancelled(account.id, pair.coinPair, OrderIdList.wrap(cancelledIds)));
        return Status.SUCCESS;
    }

    private void cancelOpenOrder(
        final Order order, final long timestampMs, final CancelReason reason, final EventSink sink)
    {
        removeAndCancel(order, timestampMs);
        state.emitBalance(order.account, order.reserveCurrency(), sink);
        sink.onEvent(new OrderCancelled(order.view(), reason));
    }

    /** Takes an open order out of the book (or the stops) and the indexes, cancels its remainder, frees its reserve. */
    private void removeAndCancel(final Order order, final long timestampMs)
    {
        removeAndCancel(order, order.account.openOrders(order.pair), timestampMs);
    }

    private void removeAndCancel(final Order order, final AccountOrders accountOrders, final long timestampMs)
    {
        final BookSide side = order.status == OrderStatus.PENDING ?
            order.pair.stops(order.side) : order.pair.book(order.side);
        side.remove(order);
        close(order, accountOrders);
        order.cancelRemainder(timestampMs);
        releasePart(order, order.reserveRemaining);
    }
}
