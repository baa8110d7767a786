package dev.bourse.engine;

import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.event.AllOrdersCancelled;
import dev.bourse.engine.event.OrderAccepted;
import dev.bourse.engine.event.OrderAlreadyAccepted;
import dev.bourse.engine.event.OrderCancelled;
import dev.bourse.engine.event.OrderCancelled.CancelReason;
import dev.bourse.engine.event.OrderFilled;
import dev.bourse.engine.event.OrderIdList;
import dev.bourse.engine.event.OrderTriggered;
import dev.bourse.engine.event.TradeExecuted;

import java.util.ArrayDeque;
import java.util.Arrays;

/** Places, matches, triggers and cancels orders: validation first, then changes that cannot fail. */
final class OrderProcessor
{
    /** Orders a cancel-all takes out of the index at a time. */
    private static final int CANCEL_BLOCK = 256;

    private final EngineState state;
    private final ArrayDeque<Order> triggered = new ArrayDeque<>();
    /** The orders a cancel-all takes out of the index, a block at a time, before it takes them out of their levels. */
    private final Order[] taken = new Order[CANCEL_BLOCK];
    private long walkedVolume;
    private boolean[] balanceEmitted = new boolean[0];

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
        final String clientOrderId = command.clientOrderId();
        if (clientOrderId != null)
        {
            if (!PlaceOrder.isValidClientOrderId(clientOrderId))
            {
                return Status.INVALID_PARAMETER;
            }
            final ClientOrderIds.Entry placed = account.clientOrderIds == null ? null :
                account.clientOrderIds.find(clientOrderId, timestampMs, state.configuration.clientOrderIdWindowMs());
            if (placed != null)
            {
                sink.onEvent(new OrderAlreadyAccepted(account.id, clientOrderId, placed.orderId(),
                    placed.acceptedAtMs()));
                return Status.SUCCESS;
            }
        }
        final Pair pair = state.pair(command.coinPair());
        if (pair == null)
        {
            return Status.INVALID_COIN_PAIR;
        }
        final TimeInForce timeInForce = command.timeInForce() == null ? TimeInForce.GTC : command.timeInForce();
        final Status invalid = validate(command, timeInForce, account, pair);
        if (invalid != null)
        {
            return invalid;
        }
        final SelfTradePrevention prevention = command.selfTradePrevention() == null ?
            state.configuration.selfTradePrevention() : command.selfTradePrevention();
        final long reserve = reserveFor(command, prevention, account, pair);
        if (reserve < 0)
        {
            return Status.VOLUME_TOO_HIGH;
        }
        final Currency reserveCurrency = command.side() == Side.BUY ? pair.market : pair.currency;
        if (account.available(reserveCurrency) < reserve)
        {
            return Status.NOT_ENOUGH_BALANCE;
        }
        if (timeInForce == TimeInForce.POST_ONLY && wouldTake(pair, command.side(), command.price()))
        {
            return Status.POST_ONLY_WOULD_TAKE;
        }

        final Order order = Order.accept(EngineState.ORDER_ID_BASE + ++state.orderSequence, account,
            pair.terms(command.side(), command.type(), timeInForce, prevention), command.price(), command.stopPrice(),
            command.quantity(), reserve, timestampMs, clientOrderId);
        account.reserve(reserveCurrency, reserve);
        if (clientOrderId != null)
        {
            account.clientOrderIdsOrCreate().remember(new ClientOrderIds.Entry(clientOrderId, order.id, timestampMs),
                state.configuration.clientOrderIdWindowMs(), state.configuration.maxClientOrderIdsPerAccount());
        }
        if (!order.canRest())
        {
            order.status(OrderStatus.REQUEST);
            sink.onEvent(new OrderAccepted(order.view(timestampMs)));
            state.emitBalance(account, reserveCurrency, sink);
            if (timeInForce == TimeInForce.FOK && fillable(order) < order.remain())
            {
                cancelIncoming(order, timestampMs, CancelReason.UNFILLED_FOK, sink);
            }
            else
            {
                enterBook(order, timestampMs, sink);
            }
        }
        else
        {
            final boolean pending = command.type() == OrderType.STOPLIMIT && !isTriggered(order, pair.lastPrice);
            order.status(pending ? OrderStatus.PENDING : OrderStatus.REQUEST);
            sink.onEvent(new OrderAccepted(order.view(timestampMs)));
            state.emitBalance(account, reserveCurrency, sink);
            if (pending)
            {
                open(order);
                pair.stops(order.side()).add(order);
            }
            else
            {
                enterBook(order, timestampMs, sink);
            }
        }
        processTriggers(pair, timestampMs, sink);
        return Status.SUCCESS;
    }

    private Status validate(
        final PlaceOrder command, final TimeInForce timeInForce, final Account account, final Pair pair)
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
        if (timeInForce != TimeInForce.GTC && command.type() != OrderType.LIMIT)
        {
            return Status.INVALID_PARAMETER;
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
            final boolean mayRest = timeInForce == TimeInForce.GTC || timeInForce == TimeInForce.POST_ONLY;
            if (mayRest && (account.openOrderCount >= state.configuration.maxOpenOrdersPerAccount() ||
                pair.openOrderCount() >= state.configuration.maxOpenOrdersPerPair()))
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
    private long reserveFor(
        final PlaceOrder command, final SelfTradePrevention prevention, final Account account, final Pair pair)
    {
        if (command.side() == Side.SELL)
        {
            return command.quantity();
        }
        try
        {
            if (command.type() == OrderType.MARKET)
            {
                walk(account, prevention, pair, Side.BUY, Long.MAX_VALUE, command.quantity());
                return Math.addExact(walkedVolume, Fees.ceil(walkedVolume, pair.policy.takerFeePpm()));
            }
            final long volume = pair.volume(command.price(), command.quantity());
            return Math.addExact(volume, Fees.ceil(volume, pair.maxFeePpm()));
        }
        catch (final ArithmeticException overflow)
        {
            return -1;
        }
    }

    /** @return the quantity of the order that would fill now: its remainder at most. */
    private long fillable(final Order taker)
    {
        return walk(taker.account, taker.terms.selfTradePrevention(), taker.pair(), taker.side(), taker.price,
            taker.remain());
    }

    /**
     * Walks one side of a book best first exactly as matching will for an incoming order of the account (its own
     * orders skipped under EXPIRE_MAKER, the walk ending at the first of them under EXPIRE_TAKER and EXPIRE_BOTH),
     * over the levels at or better than the limit, changing nothing.
     *
     * @param takerSide  the side of the incoming order.
     * @param limitPrice the worst price it takes: the highest for a BUY, the lowest for a SELL.
     * @param wanted     the quantity it wants.
     * @return the quantity that would fill, at most {@code wanted}; its volume is left in {@link #walkedVolume}.
     * @throws ArithmeticException when the volume does not fit a long.
     */
    private long walk(
        final Account account,
        final SelfTradePrevention prevention,
        final Pair pair,
        final Side takerSide,
        final long limitPrice,
        final long wanted)
    {
        long left = wanted;
        long volume = 0;
        walkedVolume = 0;
        for (PriceLevel level = pair.book(takerSide.opposite()).best(); level != null; level = level.worse)
        {
            if (takerSide == Side.BUY ? level.price > limitPrice : level.price < limitPrice)
            {
                break;
            }
            for (Order maker = level.first(); maker != null && left > 0; maker = level.next(maker))
            {
                if (maker.account == account && prevention != SelfTradePrevention.NONE)
                {
                    if (prevention != SelfTradePrevention.EXPIRE_MAKER)
                    {
                        walkedVolume = volume;
                        return wanted - left;
                    }
                    continue;
                }
                final long fill = Math.min(left, maker.remain());
                volume = Math.addExact(volume, pair.volume(level.price, fill));
                left -= fill;
            }
            if (left == 0)
            {
                break;
            }
        }
        walkedVolume = volume;
        return wanted - left;
    }

    /** @return whether a LIMIT order at the price would trade at once with the other side's best level. */
    private boolean wouldTake(final Pair pair, final Side side, final long price)
    {
        final PriceLevel best = pair.book(side.opposite()).best();
        return best != null && (side == Side.BUY ? best.price <= price : best.price >= price);
    }

    /**
     * Enters an order that rests (in the book or the stops) in the open-order indexes. An incoming order enters them
     * only if something of it rests after matching: one that fills at once never touches them.
     */
    private void open(final Order order)
    {
        if (!state.openOrders.add(order))
        {
            throw new IllegalStateException("order " + order.id + " is open already");
        }
        order.account.openOrdersOrCreate(order.pair()).append(order, state.openOrders);
        order.account.openOrderCount++;
    }

    private void close(final Order order)
    {
        final AccountOrders accountOrders = order.account.openOrders(order.pair());
        state.openOrders.remove(order);
        accountOrders.remove(order, state.openOrders);
        order.account.forgetIfEmpty(order.pair(), accountOrders);
        order.account.openOrderCount--;
    }

    /**
     * Matches an incoming order; what remains rests in the book if the order may rest, else it is cancelled (the
     * remainder of a MARKET, IOC or FOK order, or of an order self-trade prevention expired).
     */
    private void enterBook(final Order order, final long timestampMs, final EventSink sink)
    {
        final boolean expired = match(order, timestampMs, sink);
        if (order.remain() == 0)
        {
            return;
        }
        if (expired)
        {
            cancelIncoming(order, timestampMs, CancelReason.SELF_TRADE, sink);
        }
        else if (order.canRest())
        {
            if (!order.isOpen())
            {
                open(order);
            }
            order.pair().book(order.side()).add(order);
        }
        else
        {
            cancelIncoming(order, timestampMs, order.type() == OrderType.MARKET ? CancelReason.UNFILLED_MARKET :
                order.terms.timeInForce() == TimeInForce.FOK ? CancelReason.UNFILLED_FOK : CancelReason.UNFILLED_IOC,
                sink);
        }
    }

    /** Cancels the remainder of an incoming order that is not in the book and releases its reserve. */
    private void cancelIncoming(
        final Order order, final long timestampMs, final CancelReason reason, final EventSink sink)
    {
        if (order.isOpen())
        {
            close(order);
        }
        order.cancelRemainder();
        releaseReserve(order, sink);
        sink.onEvent(new OrderCancelled(order.view(timestampMs), reason));
    }

    private static boolean crosses(final Order taker, final long makerPrice)
    {
        if (taker.type() == OrderType.MARKET)
        {
            return true;
        }
        return taker.side() == Side.BUY ? makerPrice <= taker.price : makerPrice >= taker.price;
    }

    /** @return whether self-trade prevention expired the incoming order (EXPIRE_TAKER, EXPIRE_BOTH). */
    private boolean match(final Order taker, final long timestampMs, final EventSink sink)
    {
        final BookSide opposite = taker.pair().book(taker.side().opposite());
        long iterationsLeft = (long)opposite.orderCount() + 1;
        while (taker.remain() > 0)
        {
            if (--iterationsLeft < 0)
            {
                throw new IllegalStateException("matching of order " + taker.id + " did not terminate");
            }
            final PriceLevel level = opposite.best();
            if (level == null || !crosses(taker, level.price))
            {
                return false;
            }
            final Order maker = level.first();
            final SelfTradePrevention prevention = taker.terms.selfTradePrevention();
            if (maker.account != taker.account || prevention == SelfTradePrevention.NONE)
            {
                trade(taker, maker, level.price, Math.min(taker.remain(), maker.remain()), timestampMs, sink);
            }
            else
            {
                if (prevention != SelfTradePrevention.EXPIRE_TAKER)
                {
                    cancelOpenOrder(maker, timestampMs, CancelReason.SELF_TRADE, sink);
                }
                if (prevention != SelfTradePrevention.EXPIRE_MAKER)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private void trade(
        final Order taker,
        final Order maker,
        final long price,
        final long quantity,
        final long timestampMs,
        final EventSink sink)
    {
        final Pair pair = taker.pair();
        final long volume = pair.volume(price, quantity);
        final long takerFee = taker.accrueFee(volume, taker.terms.takerFeePpm());
        final long makerFee = maker.accrueFee(volume, maker.terms.makerFeePpm());
        final long tradeId = EngineState.TRADE_ID_BASE + ++state.tradeSequence;

        maker.recordFill(quantity, volume);
        taker.recordFill(quantity, volume);
        settle(taker, quantity, volume, takerFee);
        settle(maker, quantity, volume, makerFee);
        pair.market.fees += takerFee + makerFee;
        pair.lastPrice = price;

        sink.onEvent(new TradeExecuted(tradeId, pair.coinPair, price, quantity, volume, taker.side(), taker.id,
            taker.account.id, takerFee, maker.id, maker.account.id, makerFee, timestampMs));
        sink.onEvent(new OrderFilled(maker.view(timestampMs), tradeId, price, quantity, volume, makerFee, true));
        sink.onEvent(new OrderFilled(taker.view(timestampMs), tradeId, price, quantity, volume, takerFee, false));
        emitBalances(maker.account, pair, sink);
        emitBalances(taker.account, pair, sink);
        if (maker.remain() == 0)
        {
            pair.book(maker.side()).remove(maker);
            close(maker);
        }
        if (taker.remain() == 0 && taker.isOpen())
        {
            close(taker);
        }
    }

    /** Moves a fill's funds for one side: what it gives leaves its reserve, what it gets is credited. */
    private static void settle(final Order order, final long quantity, final long volume, final long fee)
    {
        final Account account = order.account;
        final Pair pair = order.pair();
        if (order.side() == Side.BUY)
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
            else if (order.remain() == 0)
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
        takeFromReserve(order, amount);
        order.account.reserve(currency, -amount);
        order.account.credit(currency, -amount);
    }

    private static void releasePart(final Order order, final long amount)
    {
        takeFromReserve(order, amount);
        order.account.reserve(order.reserveCurrency(), -amount);
    }

    /** Lowers an order's reserve, and its account list's sum of reserves while the order is in the list. */
    private static void takeFromReserve(final Order order, final long amount)
    {
        order.reserveRemaining -= amount;
        if (order.isOpen())
        {
            order.account.openOrders(order.pair()).reserveChanged(order.side(), -amount);
        }
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
        return stop.side() == Side.BUY ? lastPrice >= stop.stopPrice() : lastPrice <= stop.stopPrice();
    }

    /**
     * Moves every stop order the last price has reached into the book, in the order they are reached. Nothing is
     * looked at when the last price is the one the previous call left: a stop order only rests if its condition does
     * not hold at the last price when it is placed, and a condition depends on nothing but the last price.
     */
    private void processTriggers(final Pair pair, final long timestampMs, final EventSink sink)
    {
        if (pair.lastPrice == pair.triggersCheckedAtPrice)
        {
            return;
        }
        collectTriggered(pair);
        long iterationsLeft = (long)pair.openOrderCount() + triggered.size() + 1;
        while (!triggered.isEmpty())
        {
            if (--iterationsLeft < 0)
            {
                throw new IllegalStateException("stop triggers on " + pair.coinPair + " did not terminate");
            }
            final Order order = triggered.poll();
            order.status(OrderStatus.REQUEST);
            sink.onEvent(new OrderTriggered(order.view(timestampMs)));
            enterBook(order, timestampMs, sink);
            collectTriggered(pair);
        }
        pair.triggersCheckedAtPrice = pair.lastPrice;
    }

    private void collectTriggered(final Pair pair)
    {
        collectTriggered(pair.buyStops, pair.lastPrice);
        collectTriggered(pair.sellStops, pair.lastPrice);
    }

    private void collectTriggered(final BookSide stops, final long lastPrice)
    {
        for (PriceLevel level = stops.best(); level != null && isTriggered(level.first(), lastPrice);
            level = stops.best())
        {
            while (!level.isEmpty())
            {
                final Order order = level.first();
                stops.remove(order);
                triggered.add(order);
            }
        }
    }

    Status cancel(final CancelOrder command, final long timestampMs, final EventSink sink)
    {
        final long orderId;
        if (command.clientOrderId() == null)
        {
            orderId = command.orderId();
        }
        else
        {
            final Account account = state.account(command.accountId());
            if (account == null)
            {
                return Status.ACCOUNT_NOT_FOUND;
            }
            if (!PlaceOrder.isValidClientOrderId(command.clientOrderId()))
            {
                return Status.INVALID_PARAMETER;
            }
            final ClientOrderIds.Entry entry = account.clientOrderIds == null ? null : account.clientOrderIds.find(
                command.clientOrderId(), timestampMs, state.configuration.clientOrderIdWindowMs());
            if (entry == null)
            {
                return Status.ORIGINAL_REQUEST_NOT_FOUND;
            }
            orderId = entry.orderId();
        }
        final Order order = state.openOrders.get(orderId);
        if (order == null || order.account.id != command.accountId())
        {
            return state.account(command.accountId()) == null ?
                Status.ACCOUNT_NOT_FOUND : Status.ORIGINAL_REQUEST_NOT_FOUND;
        }
        cancelOpenOrder(order, timestampMs, CancelReason.USER, sink);
        return Status.SUCCESS;
    }

    Status cancelAll(final CancelAllOrders command, final EventSink sink)
    {
        final Account account = state.account(command.accountId());
        if (account == null)
        {
            return Status.ACCOUNT_NOT_FOUND;
        }
        final Pair pair = command.coinPair() == null ? null : state.pair(command.coinPair());
        if (command.coinPair() != null && pair == null)
        {
            return Status.INVALID_COIN_PAIR;
        }
        cancelAll(account, pair, command.side(), CancelReason.CANCEL_ALL, sink);
        return Status.SUCCESS;
    }

    /**
     * Cancels every open order of the account on the pair (null: every pair it has orders on) of the side (null:
     * both), then emits the balances that changed and one {@link AllOrdersCancelled}. Costs time in proportion to
     * the account's open orders on those pairs: it copies their IDs out of the account's lists and releases their
     * reserves without reading the orders, then takes the orders out of the open-order index (page by page, the IDs
     * ascending) and unlinks each from its level as a single cancel does, leaving nothing for later commands.
     * Allocates one array of IDs (and of pair IDs), nothing per order.
     */
    void cancelAll(
        final Account account, final Pair pair, final Side side, final CancelReason reason, final EventSink sink)
    {
        final int[] pairIds = pair != null ? new int[] {pair.id} : account.pairIdsWithOpenOrders();
        final long[] cancelledIds = new long[pair != null ? countOf(account.openOrders(pair)) : account.openOrderCount];
        int cancelled = 0;
        for (int i = 0; i < pairIds.length; i++)
        {
            final int before = cancelled;
            cancelled = cancelOrders(account, state.pairs.get(pairIds[i]), side, cancelledIds, cancelled);
            pairIds[i] = cancelled > before ? pairIds[i] : -1;
        }
        if (pairIds.length > 1)
        {
            Arrays.sort(cancelledIds, 0, cancelled);
        }
        int removed = 0;
        for (int from = 0; from < cancelled; from += taken.length)
        {
            final int count =
                state.openOrders.removeAll(cancelledIds, from, Math.min(cancelled, from + taken.length), taken);
            for (int i = 0; i < count; i++)
            {
                final Order order = taken[i];
                taken[i] = null;
                order.pair().sideOf(order).remove(order);
            }
            removed += count;
        }
        if (removed != cancelled)
        {
            throw new IllegalStateException("cancel-all took " + cancelled + " orders, the index held " + removed);
        }
        emitReleasedBalances(account, pairIds, side, sink);
        sink.onEvent(new AllOrdersCancelled(account.id, pair == null ? null : pair.coinPair, side, reason,
            OrderIdList.wrap(cancelledIds, cancelled)));
    }

    private static int countOf(final AccountOrders orders)
    {
        return orders == null ? 0 : orders.count;
    }

    /**
     * Cancels the account's orders on the pair of the side (null: both): takes them out of the account's list, fills
     * in their IDs and releases their reserves with one change per currency; @return the IDs filled in so far. It reads
     * none of the orders: the caller takes them out of the index and their levels by ID.
     */
    private int cancelOrders(final Account account, final Pair pair, final Side side, final long[] ids, final int filled)
    {
        final AccountOrders orders = account.openOrders(pair);
        if (orders == null)
        {
            return filled;
        }
        final long buyReserve = side == Side.SELL ? 0 : orders.reserve(Side.BUY);
        final long sellReserve = side == Side.BUY ? 0 : orders.reserve(Side.SELL);
        final int count = orders.takeAll(side, ids, filled, state.openOrders);
        account.openOrderCount -= count - filled;
        account.forgetIfEmpty(pair, orders);
        account.reserve(pair.market, -buyReserve);
        account.reserve(pair.currency, -sellReserve);
        return count;
    }

    /**
     * Emits the balance of each currency a cancel-all released reserves in, once: for each pair it cancelled on
     * (ascending; -1 for none), the Currency (SELL orders) then the Market (BUY orders).
     */
    private void emitReleasedBalances(final Account account, final int[] pairIds, final Side side, final EventSink sink)
    {
        if (balanceEmitted.length < state.currencies.size())
        {
            balanceEmitted = new boolean[state.currencies.size()];
        }
        for (final int pairId : pairIds)
        {
            if (pairId >= 0)
            {
                final Pair pair = state.pairs.get(pairId);
                emitOnce(account, side == Side.BUY ? null : pair.currency, sink);
                emitOnce(account, side == Side.SELL ? null : pair.market, sink);
            }
        }
        for (final int pairId : pairIds)
        {
            if (pairId >= 0)
            {
                balanceEmitted[state.pairs.get(pairId).currency.id] = false;
                balanceEmitted[state.pairs.get(pairId).market.id] = false;
            }
        }
    }

    private void emitOnce(final Account account, final Currency currency, final EventSink sink)
    {
        if (currency != null && !balanceEmitted[currency.id])
        {
            balanceEmitted[currency.id] = true;
            state.emitBalance(account, currency, sink);
        }
    }

    private void cancelOpenOrder(
        final Order order, final long timestampMs, final CancelReason reason, final EventSink sink)
    {
        removeAndCancel(order);
        state.emitBalance(order.account, order.reserveCurrency(), sink);
        sink.onEvent(new OrderCancelled(order.view(timestampMs), reason));
    }

    /** Takes an open order out of the book (or the stops) and the indexes, cancels its remainder, frees its reserve. */
    private void removeAndCancel(final Order order)
    {
        order.pair().sideOf(order).remove(order);
        close(order);
        order.cancelRemainder();
        releasePart(order, order.reserveRemaining);
    }
}
