package dev.bourse.simulator;

import dev.bourse.client.Balance;
import dev.bourse.client.BourseException;
import dev.bourse.client.OpenOrder;
import dev.bourse.client.OrderRequest;
import dev.bourse.client.OrderSide;
import dev.bourse.client.OrderType;
import dev.bourse.client.StatusCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A market maker on one pair: keeps a ladder of limit orders on both sides around the reference price. Each refresh
 * it reads its open orders and balances, hedges when its position passed the inventory limit, computes the target
 * ladder (the best level half the spread from the reference, then one level every {@code levelStep}, sizes growing
 * with depth and jittered; all prices skewed against its position, by up to a quarter of the spread), keeps the
 * resting orders that are close enough to a target, places the missing levels (best first, alternating sides, so the
 * book stays two-sided) and only then cancels what is left. At most {@code 2 * levels} orders rest between refreshes.
 */
final class MarketMaker implements TraderLoop.Step
{
    /** A quote to place. */
    record Quote(OrderSide side, BigDecimal price, BigDecimal quantity)
    {
    }

    private static final double MIN_HALF_SPREAD_TICKS = 2;

    private final PairSettings settings;
    private final PairRules rules;
    private final ReferencePrice reference;
    private final TraderAccount account;
    private final AccountDataSource accountData;
    private final Treasury treasury;
    private final Random random;
    private final BigDecimal baseTarget;

    /**
     * @param baseTarget the Currency the maker holds when flat (its funds in lots times the lot).
     */
    MarketMaker(
        final PairSettings settings,
        final PairRules rules,
        final ReferencePrice reference,
        final TraderAccount account,
        final AccountDataSource accountData,
        final Treasury treasury,
        final Random random,
        final BigDecimal baseTarget)
    {
        this.settings = settings;
        this.rules = rules;
        this.reference = reference;
        this.account = account;
        this.accountData = accountData;
        this.treasury = treasury;
        this.random = random;
        this.baseTarget = baseTarget;
    }

    @Override
    public long step(final long elapsedMs)
    {
        final double price = reference.priceAt(elapsedMs);
        final List<OpenOrder> open = accountData.openOrders(rules.coinPair());
        if (open.size() >= AccountDataSource.MAX_OPEN_ORDERS)
        {
            account.client().cancelAllOrders(rules.coinPair());
            return 0;
        }
        final double position = rebalance(accountData.balances(), price);
        final List<Quote> bids = ladder(OrderSide.BUY, price, position);
        final List<Quote> asks = ladder(OrderSide.SELL, price, position);
        final double tolerance = settings.requoteTolerance() * price;
        final List<OpenOrder> stale = new ArrayList<>(open);
        final List<Quote> missingBids = missing(bids, stale, tolerance);
        final List<Quote> missingAsks = missing(asks, stale, tolerance);
        for (int i = 0; i < Math.max(missingBids.size(), missingAsks.size()); i++)
        {
            if (i < missingBids.size())
            {
                place(missingBids.get(i), price);
            }
            if (i < missingAsks.size())
            {
                place(missingAsks.get(i), price);
            }
        }
        for (final OpenOrder order : stale)
        {
            cancel(order.orderId());
        }
        return settings.refreshMs();
    }

    /**
     * @return the target ladder of one side, best first: prices on the tick, strictly apart, at or above the minimum
     * price; sizes within the pair's limits.
     */
    List<Quote> ladder(final OrderSide side, final double price, final double position)
    {
        final double tick = rules.tick().doubleValue();
        final double halfSpread = Math.max(settings.spread() / 2, MIN_HALF_SPREAD_TICKS * tick / price);
        final double limit = settings.inventoryLimitLots() * rules.lot().doubleValue();
        final double skew = Math.max(-1, Math.min(1, position / limit)) * halfSpread / 2;
        final List<Quote> quotes = new ArrayList<>(settings.levels());
        BigDecimal previous = null;
        for (int level = 0; level < settings.levels(); level++)
        {
            final double distance = halfSpread + level * settings.levelStep();
            final double jitter = 1 + settings.sizeJitter() * (2 * random.nextDouble() - 1);
            BigDecimal levelPrice = side == OrderSide.BUY ?
                rules.floorPrice(price * (1 - distance - skew)) : rules.ceilPrice(price * (1 + distance - skew));
            if (previous != null)
            {
                levelPrice = side == OrderSide.BUY ? levelPrice.min(previous.subtract(rules.tick())) :
                    levelPrice.max(previous.add(rules.tick()));
            }
            if (levelPrice.compareTo(rules.minPrice()) < 0)
            {
                break;
            }
            final BigDecimal quantity =
                rules.quantity(settings.levelLots() * (1 + level * settings.levelGrowth()) * jitter, levelPrice);
            if (quantity != null)
            {
                quotes.add(new Quote(side, levelPrice, quantity));
            }
            previous = levelPrice;
        }
        return quotes;
    }

    /** @return the targets no resting order matches; the matched resting orders are taken out of {@code stale}. */
    private static List<Quote> missing(final List<Quote> targets, final List<OpenOrder> stale, final double tolerance)
    {
        final List<Quote> missing = new ArrayList<>();
        for (final Quote target : targets)
        {
            OpenOrder match = null;
            for (final OpenOrder order : stale)
            {
                if (order.side() == target.side() && order.type() == OrderType.LIMIT &&
                    Math.abs(order.price().doubleValue() - target.price().doubleValue()) <= tolerance &&
                    order.remainAmount().multiply(BigDecimal.TWO).compareTo(target.quantity()) >= 0)
                {
                    match = order;
                    break;
                }
            }
            if (match == null)
            {
                missing.add(target);
            }
            else
            {
                stale.remove(match);
            }
        }
        return missing;
    }

    /**
     * Hedges back to flat when the position passed the inventory limit (the Currency bought or sold leaves or
     * comes in through the admin API, its value at the reference price going the other way), and tops up a currency
     * that fell below half its target.
     *
     * @return the position after hedging, Currency units (positive: holds more than when flat).
     */
    private double rebalance(final List<Balance> balances, final double price)
    {
        final Balance base = find(balances, rules.currency());
        final Balance quote = find(balances, rules.market());
        final long accountId = account.accountId();
        final double position = base.balance().subtract(baseTarget).doubleValue();
        final double limit = settings.inventoryLimitLots() * rules.lot().doubleValue();
        double after = position;
        if (position > limit)
        {
            final BigDecimal sold = rules.currencyAmount(position).min(base.availableBalance());
            treasury.withdraw(accountId, rules.currency(), sold, "hedge");
            treasury.deposit(accountId, rules.market(), rules.marketAmount(sold.doubleValue() * price), "hedge");
            after = position - sold.doubleValue();
        }
        else if (position < -limit)
        {
            final BigDecimal bought = rules.currencyAmount(-position);
            treasury.deposit(accountId, rules.currency(), bought, "hedge");
            treasury.withdraw(accountId, rules.market(),
                rules.marketAmount(bought.doubleValue() * price).min(quote.availableBalance()), "hedge");
            after = position + bought.doubleValue();
        }
        else
        {
            topUpBelowHalf(base, baseTarget);
            topUpBelowHalf(quote, rules.marketAmount(baseTarget.doubleValue() * price));
        }
        return after;
    }

    private void topUpBelowHalf(final Balance balance, final BigDecimal target)
    {
        if (balance.balance().multiply(BigDecimal.TWO).compareTo(target) < 0)
        {
            treasury.topUp(account.accountId(), balance, target, "funding");
        }
    }

    private void place(final Quote quote, final double price)
    {
        try
        {
            account.client().placeOrder(
                OrderRequest.limit(rules.coinPair(), quote.side(), quote.quantity(), quote.price()));
        }
        catch (final BourseException ex)
        {
            if (ex.statusCode() != StatusCode.NOT_ENOUGH_BALANCE)
            {
                throw ex;
            }
            final Balance balance = find(accountData.balances(),
                quote.side() == OrderSide.BUY ? rules.market() : rules.currency());
            treasury.topUp(account.accountId(), balance, quote.side() == OrderSide.BUY ?
                rules.marketAmount(baseTarget.doubleValue() * price) : baseTarget, "funding");
        }
    }

    private void cancel(final long orderId)
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

    static Balance find(final List<Balance> balances, final String currency)
    {
        for (final Balance balance : balances)
        {
            if (balance.currency().equals(currency))
            {
                return balance;
            }
        }
        return new Balance(currency, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
