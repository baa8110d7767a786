package dev.bourse.engine;

import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.FireDeadMansSwitches;
import dev.bourse.engine.command.IssueApiKey;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.PutPair;
import dev.bourse.engine.command.RevokeApiKey;
import dev.bourse.engine.command.SetDeadMansSwitch;
import dev.bourse.engine.command.Transfer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Generates a seeded random workload in the reference model's terms (its order IDs): deposits and withdrawals,
 * limit, market and stop-limit orders around a drifting mid price (some crossing, some beyond the balance, some
 * invalid on purpose), with every time in force, every self-trade prevention and client order IDs from a small pool
 * per account (so that they repeat), cancels (own, foreign, completed and unknown orders, by ID and by client order
 * ID), cancel-alls of one pair or every pair and of one side or both, dead man's switches (armed, renewed, disarmed,
 * refused; short timeouts so that they fire), pair updates and API keys, on three pairs with different scales,
 * decimals and fees. It reads the reference model to aim its commands.
 */
final class SimulationWorkload
{
    /** An order ID no run ever assigns. */
    static final long UNKNOWN_ORDER_ID = 999_999_999L;
    private static final int CLIENT_ORDER_ID_POOL = 8;

    private record PairSpec(PutPair putPair, long midPrice, long levelGapTicks, int maxLots)
    {
    }

    private static final List<PairSpec> PAIRS = List.of(
        new PairSpec(new PutPair("BTC", "USDT", 8, 6, new PairPolicy("Bitcoin", 10_000, 2, 4, 100_000,
            5_000_000_000L, 1_000_000, 2_000_000_000_000L, 1_000, 2_000, PairState.TRADING)),
            100_000_000L, 25, 30_000),
        new PairSpec(new PutPair("ETH", "BTC", 10, 8, new PairPolicy("Ether", 10_000, 6, 2, 100_000_000L,
            5_000_000_000_000L, 10_000, 100_000_000_000L, 500, 1_500, PairState.TRADING)),
            5_000_000L, 37, 2_000),
        new PairSpec(new PutPair("DOGE", "KRW", 0, 0, new PairPolicy("Doge", 1, 0, 0, 1, 1_000_000, 100,
            100_000_000, 300, 700, PairState.TRADING)),
            150L, 1, 5_000));

    /** In a fixed order, so that a seed gives the same commands in every JVM. */
    private static final Map<String, Long> INITIAL_DEPOSIT = new TreeMap<>(Map.of(
        "USDT", 50_000_000_000L, "BTC", 2_000_000_000L, "ETH", 2_000_000_000_000L,
        "DOGE", 100_000L, "KRW", 5_000_000L));

    /** Labels of new accounts, valid and invalid (a space, 33 characters, a non-ASCII letter). */
    private static final List<String> LABELS =
        List.of("", "", "simulated", "desk-1.a_B", "x".repeat(32), "with space", "y".repeat(33), "caf\u00e9");
    private final Random random;
    private final ReferenceExchange reference;
    private final int initialAccounts;
    private final Map<String, Long> midPrices = new HashMap<>();
    private final List<String> apiKeys = new ArrayList<>();
    private int apiKeySequence;

    SimulationWorkload(final long seed, final ReferenceExchange reference, final int initialAccounts)
    {
        this.random = new Random(seed);
        this.reference = reference;
        this.initialAccounts = initialAccounts;
        for (final PairSpec spec : PAIRS)
        {
            midPrices.put(spec.putPair().coinPair(), spec.midPrice());
        }
    }

    /** @return the pairs, the accounts and their first deposits (random, so that some accounts are short). */
    List<Command> setup()
    {
        final List<Command> commands = new ArrayList<>();
        PAIRS.forEach(spec -> commands.add(spec.putPair()));
        for (int i = 1; i <= initialAccounts; i++)
        {
            commands.add(new CreateAccount());
            for (final Map.Entry<String, Long> deposit : INITIAL_DEPOSIT.entrySet())
            {
                final long amount = deposit.getValue() / (1 + random.nextInt(20));
                commands.add(new Transfer(i, TransferType.DEPOSIT, deposit.getKey(), amount, 0,
                    TransferDetails.NONE));
            }
        }
        return commands;
    }

    Command next()
    {
        driftMidPrices();
        final int dice = random.nextInt(1000);
        if (dice < 60)
        {
            return deposit();
        }
        if (dice < 80)
        {
            return withdrawal();
        }
        if (dice < 400)
        {
            return withOptions(limitOrder(randomPair(), randomAccount()));
        }
        if (dice < 460)
        {
            return immediateOrder();
        }
        if (dice < 540)
        {
            return marketOrder();
        }
        if (dice < 650)
        {
            return stopLimitOrder();
        }
        if (dice < 780)
        {
            return cancel();
        }
        if (dice < 820)
        {
            return cancelAll();
        }
        if (dice < 925)
        {
            return invalidOrder();
        }
        if (dice < 945)
        {
            return deadMansSwitch();
        }
        if (dice < 950)
        {
            return new FireDeadMansSwitches();
        }
        if (dice < 965)
        {
            return putPair();
        }
        if (dice < 990)
        {
            return apiKeyCommand();
        }
        if (dice < 993)
        {
            return new CreateAccount(LABELS.get(random.nextInt(LABELS.size())));
        }
        return invalidAdminCommand();
    }

    private void driftMidPrices()
    {
        for (final PairSpec spec : PAIRS)
        {
            final String pair = spec.putPair().coinPair();
            final long tick = tick(pair);
            final long mid = midPrices.get(pair) + tick * spec.levelGapTicks() * (random.nextInt(3) - 1);
            final long lowest = Math.max(spec.midPrice() / 2, reference.policy(pair).minPrice() * 4);
            midPrices.put(pair, Math.min(spec.midPrice() * 2, Math.max(lowest, roundToTick(mid, tick))));
        }
    }

    private static long roundToTick(final long price, final long tick)
    {
        return price / tick * tick;
    }

    private long tick(final String pair)
    {
        final PairPolicy policy = reference.policy(pair);
        final String market = pair.substring(pair.indexOf('.') + 1);
        return pow10(reference.currencyScale(market) - policy.priceDecimals());
    }

    private long lot(final String pair)
    {
        final PairPolicy policy = reference.policy(pair);
        final String currency = pair.substring(0, pair.indexOf('.'));
        return pow10(reference.currencyScale(currency) - policy.amountDecimals());
    }

    private static long pow10(final int exponent)
    {
        long value = 1;
        for (int i = 0; i < exponent; i++)
        {
            value *= 10;
        }
        return value;
    }

    private PairSpec spec(final String pair)
    {
        return PAIRS.stream().filter(spec -> spec.putPair().coinPair().equals(pair)).findFirst().orElseThrow();
    }

    private String randomPair()
    {
        return PAIRS.get(random.nextInt(PAIRS.size())).putPair().coinPair();
    }

    private long randomAccount()
    {
        return 1 + random.nextInt((int)reference.accountCount());
    }

    private String randomCurrency()
    {
        final List<String> codes = reference.currencyCodes();
        return codes.get(random.nextInt(codes.size()));
    }

    /** @return a price some level gaps away from the mid, with a few extra ticks now and then. */
    private long priceAround(final String pair, final int minGaps, final int maxGaps)
    {
        final long tick = tick(pair);
        final int gaps = minGaps + random.nextInt(maxGaps - minGaps + 1);
        final long jitter = random.nextInt(4) == 0 ? tick * random.nextInt(7) : 0;
        final long price = midPrices.get(pair) + gaps * spec(pair).levelGapTicks() * tick + jitter;
        return Math.max(reference.policy(pair).minPrice(), price);
    }

    private long quantity(final String pair)
    {
        final int maxLots = spec(pair).maxLots();
        final int lots = random.nextInt(3) == 0 ? 1 + random.nextInt(maxLots) : 1 + random.nextInt(maxLots / 10);
        return Math.max(reference.policy(pair).minAmount(), lots * lot(pair));
    }

    private Command deposit()
    {
        final String currency = randomCurrency();
        final long amount = 1 + (long)(random.nextDouble() * INITIAL_DEPOSIT.getOrDefault(currency, 1_000_000L) / 4);
        final long fee = random.nextInt(4) == 0 ? random.nextLong(amount) : 0;
        return new Transfer(randomAccount(), TransferType.DEPOSIT, currency, amount, fee, TransferDetails.NONE);
    }

    private Command withdrawal()
    {
        final String currency = randomCurrency();
        final long accountId = randomAccount();
        final long available = reference.available(accountId, currency);
        final long amount = 1 + (long)(random.nextDouble() * (available * 1.2 + 1));
        final long fee = random.nextInt(3) == 0 ? random.nextLong(1 + amount / 100) : 0;
        return new Transfer(accountId, TransferType.WITHDRAW, currency, amount, fee,
            new TransferDetails("addr" + accountId, "", "", ""));
    }

    private PlaceOrder limitOrder(final String pair, final long accountId)
    {
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        final long price = side == Side.BUY ? priceAround(pair, -8, 3) : priceAround(pair, -3, 8);
        return PlaceOrder.limit(accountId, pair, side, price, quantity(pair));
    }

    /** @return the order with a random time in force, self-trade prevention and client order ID, or none. */
    private PlaceOrder withOptions(final PlaceOrder order)
    {
        final int dice = random.nextInt(100);
        final TimeInForce timeInForce = dice < 60 ? null : dice < 65 ? TimeInForce.GTC : dice < 77 ?
            TimeInForce.IOC : dice < 87 ? TimeInForce.FOK : TimeInForce.POST_ONLY;
        return withPreventionAndId(order.withTimeInForce(timeInForce));
    }

    /** @return a random self-trade prevention a quarter of the time and a pooled client order ID a fifth of it. */
    private PlaceOrder withPreventionAndId(final PlaceOrder order)
    {
        final SelfTradePrevention[] modes = SelfTradePrevention.values();
        final SelfTradePrevention prevention = random.nextInt(4) == 0 ? modes[random.nextInt(modes.length)] : null;
        return order.withSelfTradePrevention(prevention).withClientOrderId(random.nextInt(5) == 0 ? pooledId() : null);
    }

    private String pooledId()
    {
        return "c-" + random.nextInt(CLIENT_ORDER_ID_POOL);
    }

    /** @return an IOC or FOK limit order priced to cross more often than not. */
    private Command immediateOrder()
    {
        final String pair = randomPair();
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        final long price = side == Side.BUY ? priceAround(pair, -2, 6) : priceAround(pair, -6, 2);
        final PlaceOrder order = PlaceOrder.limit(randomAccount(), pair, side, price, quantity(pair))
            .withTimeInForce(random.nextBoolean() ? TimeInForce.IOC : TimeInForce.FOK);
        return withPreventionAndId(order);
    }

    private Command marketOrder()
    {
        final String pair = randomPair();
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        return withPreventionAndId(PlaceOrder.market(randomAccount(), pair, side, quantity(pair)));
    }

    private Command stopLimitOrder()
    {
        final String pair = randomPair();
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        final long stop = side == Side.BUY ? priceAround(pair, -2, 6) : priceAround(pair, -6, 2);
        final long gap = spec(pair).levelGapTicks() * tick(pair);
        final long price = Math.max(reference.policy(pair).minPrice(),
            stop + (side == Side.BUY ? 1 : -1) * gap * (random.nextInt(6) - 2));
        return withPreventionAndId(PlaceOrder.stopLimit(randomAccount(), pair, side, price, stop, quantity(pair)));
    }

    private Command cancelAll()
    {
        final String pair = random.nextInt(10) < 3 ? null : randomPair();
        final int dice = random.nextInt(10);
        final Side side = dice < 6 ? null : dice < 8 ? Side.BUY : Side.SELL;
        return new CancelAllOrders(randomAccount(), pair, side);
    }

    /** @return a switch armed, renewed, disarmed or refused; timeouts short enough to fire within a run. */
    private Command deadMansSwitch()
    {
        final int pairDice = random.nextInt(20);
        final String pair = pairDice < 8 ? null : pairDice < 19 ? randomPair() : "NOPE.KRW";
        final int dice = random.nextInt(20);
        final long timeoutMs = dice < 4 ? 0 : dice < 18 ? 1_000 + random.nextInt(2_500) :
            dice == 18 ? SetDeadMansSwitch.MIN_TIMEOUT_MS - 1 : SetDeadMansSwitch.MAX_TIMEOUT_MS + 1;
        return new SetDeadMansSwitch(randomAccount(), pair, timeoutMs);
    }

    private Command cancel()
    {
        final List<ReferenceExchange.Ord> open = reference.openOrders();
        final int dice = random.nextInt(10);
        if (dice < 7 && !open.isEmpty())
        {
            final ReferenceExchange.Ord order = open.get(random.nextInt(open.size()));
            return new CancelOrder(order.account.id, order.id);
        }
        if (dice < 8 && !open.isEmpty())
        {
            final ReferenceExchange.Ord order = open.get(random.nextInt(open.size()));
            final long other = order.account.id % reference.accountCount() + 1;
            return new CancelOrder(other, order.id);
        }
        if (dice < 9 && reference.lastOrderId() > 0)
        {
            return new CancelOrder(randomAccount(), 1 + random.nextLong(reference.lastOrderId()));
        }
        if (random.nextBoolean())
        {
            return cancelByClientOrderId();
        }
        return new CancelOrder(randomAccount(), UNKNOWN_ORDER_ID);
    }

    /** @return a cancel naming a client order ID the account remembers (open or not), or one from the pool. */
    private Command cancelByClientOrderId()
    {
        final long accountId = randomAccount();
        final List<ReferenceExchange.RememberedId> remembered = reference.rememberedIds(accountId);
        final String clientOrderId = remembered.isEmpty() || random.nextInt(4) == 0 ? pooledId() :
            remembered.get(random.nextInt(remembered.size())).clientOrderId();
        return CancelOrder.byClientOrderId(accountId, clientOrderId);
    }

    /** @return an order with one defect (and sometimes more: the first in the checking order decides). */
    private Command invalidOrder()
    {
        final String pair = randomPair();
        final PlaceOrder valid = limitOrder(pair, randomAccount());
        final PairPolicy policy = reference.policy(pair);
        final long tick = tick(pair);
        final long lot = lot(pair);
        final long account = valid.accountId();
        final Side side = valid.side();
        final long price = valid.price();
        final long quantity = valid.quantity();
        return switch (random.nextInt(21))
        {
            case 16 -> valid.withClientOrderId(random.nextBoolean() ? "not valid" : "x".repeat(37));
            case 17 -> PlaceOrder.market(account, pair, side, quantity).withTimeInForce(TimeInForce.IOC);
            case 18 -> PlaceOrder.stopLimit(account, pair, side, price, price, quantity)
                .withTimeInForce(TimeInForce.FOK);
            case 19 -> valid.withTimeInForce(TimeInForce.POST_ONLY).withClientOrderId(random.nextBoolean() ? "" :
                pooledId());
            case 20 -> CancelOrder.byClientOrderId(account, "not valid");
            case 0 -> PlaceOrder.limit(reference.accountCount() + 7, pair, side, price, quantity);
            case 1 -> PlaceOrder.limit(account, "NOPE.USDT", side, price, quantity);
            case 2 -> PlaceOrder.limit(account, pair, null, price, quantity);
            case 3 -> PlaceOrder.limit(account, pair, side, price, -random.nextInt(2) * lot);
            case 4 -> PlaceOrder.limit(account, pair, side, -random.nextInt(2) * tick, quantity);
            case 5 -> new PlaceOrder(account, pair, OrderType.LIMIT, side, price, price, quantity);
            case 6 -> new PlaceOrder(account, pair, OrderType.MARKET, side, price, 0, quantity);
            case 7 -> tick > 1 ? PlaceOrder.limit(account, pair, side, price + tick / 2, quantity) :
                PlaceOrder.stopLimit(account, pair, side, price, 0, quantity);
            case 8 -> lot > 1 ? PlaceOrder.limit(account, pair, side, price, quantity + lot / 2) :
                PlaceOrder.limit(account, pair, side, price, 0);
            case 9 -> policy.minPrice() > tick ? PlaceOrder.limit(account, pair, side, policy.minPrice() - tick,
                quantity) : PlaceOrder.stopLimit(account, pair, side, price, -tick, quantity);
            case 10 -> PlaceOrder.limit(account, pair, side, price, policy.maxAmount() + lot);
            case 11 -> PlaceOrder.limit(account, pair, side, policy.minPrice(), policy.minAmount());
            case 12 -> PlaceOrder.limit(account, pair, side, twiceThePriceOfMaxVolume(pair), policy.maxAmount());
            case 13 -> new PlaceOrder(account, pair, null, side, price, 0, quantity);
            case 14 -> policy.minAmount() > lot ? PlaceOrder.limit(account, pair, side, price, lot) :
                PlaceOrder.limit(account, pair, side, price, quantity * 50);
            default -> PlaceOrder.market(account, pair, Side.BUY, quantity * 50);
        };
    }

    /** @return a price on the tick at which the largest quantity is worth twice the largest volume. */
    private long twiceThePriceOfMaxVolume(final String pair)
    {
        final PairPolicy policy = reference.policy(pair);
        final String currency = pair.substring(0, pair.indexOf('.'));
        final BigDecimal price = BigDecimal.valueOf(policy.maxVolume()).movePointRight(
            reference.currencyScale(currency)).multiply(BigDecimal.TWO)
            .divide(BigDecimal.valueOf(policy.maxAmount()), 0, RoundingMode.CEILING);
        final long tick = tick(pair);
        return (price.longValueExact() / tick + 1) * tick;
    }

    private Command putPair()
    {
        final String pair = randomPair();
        final PutPair base = spec(pair).putPair();
        final PairPolicy current = reference.policy(pair);
        final PairPolicy changed = switch (random.nextInt(4))
        {
            case 0 -> current.withState(current.state() == PairState.TRADING && random.nextInt(5) == 0 ?
                PairState.CANCEL_ONLY : PairState.TRADING);
            case 1, 2 -> new PairPolicy(current.displayName(), current.minPrice(), current.priceDecimals(),
                current.amountDecimals(), current.minAmount(), current.maxAmount(), current.minVolume(),
                current.maxVolume(), 100 * random.nextInt(30), 100 * random.nextInt(40), PairState.TRADING);
            default -> new PairPolicy(current.displayName(), current.minPrice(), current.priceDecimals(),
                current.amountDecimals() == base.policy().amountDecimals() && current.amountDecimals() > 0 ?
                current.amountDecimals() - 1 : base.policy().amountDecimals(),
                current.minAmount(), current.maxAmount(), current.minVolume(), current.maxVolume(),
                current.makerFeePpm(), current.takerFeePpm(), current.state());
        };
        return new PutPair(base.currency(), base.market(), base.currencyScale(), base.marketScale(), changed);
    }

    private Command apiKeyCommand()
    {
        final int dice = random.nextInt(10);
        if (dice < 5 || apiKeys.isEmpty())
        {
            final String key = String.format("SimKey%010d", ++apiKeySequence);
            apiKeys.add(key);
            return new IssueApiKey(randomAccount(), dice == 0 && apiKeySequence > 1 ? apiKeys.get(0) : key,
                "cipher-" + key, 3, 60, random.nextBoolean() ? "" : "127.0.0.1");
        }
        if (dice < 9)
        {
            return new RevokeApiKey(apiKeys.get(random.nextInt(apiKeys.size())));
        }
        return new RevokeApiKey("NeverIssuedKey000");
    }

    private Command invalidAdminCommand()
    {
        final long account = randomAccount();
        return switch (random.nextInt(6))
        {
            case 5 -> new Transfer(account, TransferType.DEPOSIT, "KRW", 10, 10, TransferDetails.NONE);
            case 0 -> new Transfer(account, TransferType.DEPOSIT, "NOPE", 10, 0, TransferDetails.NONE);
            case 1 -> new Transfer(account, null, "KRW", 10, 0, TransferDetails.NONE);
            case 2 -> new Transfer(account, TransferType.DEPOSIT, "KRW", 0, 0, TransferDetails.NONE);
            case 3 -> new Transfer(reference.accountCount() + 3, TransferType.DEPOSIT, "KRW", 10, 0,
                TransferDetails.NONE);
            default -> new CancelAllOrders(account, "NOPE.KRW");
        };
    }
}
