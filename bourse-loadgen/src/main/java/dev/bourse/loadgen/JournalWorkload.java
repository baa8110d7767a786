package dev.bourse.loadgen;

import dev.bourse.engine.Engine;
import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.PairPolicy;
import dev.bourse.engine.PairState;
import dev.bourse.engine.SelfTradePrevention;
import dev.bourse.engine.Side;
import dev.bourse.engine.TransferDetails;
import dev.bourse.engine.TransferType;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.PutPair;
import dev.bourse.engine.command.Transfer;
import dev.bourse.engine.event.Event;
import dev.bourse.engine.event.OrderAccepted;
import dev.bourse.engine.event.TradeExecuted;
import dev.bourse.engine.EventSink;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A W2-shaped command stream for the journal benchmark, generated against a live engine (which assigns the order IDs
 * that cancels name): the set-up (a pair with 0 decimals and no fees, 1,000 accounts, deposits in both currencies),
 * a prefill of 9,500 resting orders, then about 50 % limit orders (some crossing), 40 % cancels of live orders and
 * 10 % market orders; cancels pause while fewer than 9,000 orders rest, and at most 10,000 are tracked. Seeded: the
 * same seed gives the same stream. Optionally the set-up also rests a number of deep orders far from the traded
 * prices (800 per account of their own, bids at a quarter of the mid price and below, asks at four times it and
 * above), so that the exchange holds that many more open orders throughout (the start-up benchmark's).
 */
public final class JournalWorkload implements EventSink
{
    /** The pair traded. */
    public static final String COIN_PAIR = "BASE.QUOTE";
    /** The engine configuration of the stream: the default limits, no self-trade prevention (as W2). */
    public static final EngineConfiguration ENGINE_CONFIGURATION =
        EngineConfiguration.DEFAULT.withSelfTradePrevention(SelfTradePrevention.NONE);

    private static final int ACCOUNTS = 1_000;
    private static final long BALANCE = 1_000_000_000_000L;
    private static final int TARGET_RESTING = 10_000;
    private static final int PREFILL = 9_500;
    private static final long MID_PRICE = 10_000;
    private static final int MAX_CANCEL_TRIES = 16;
    private static final long START_MS = 1_700_000_000_000L;
    private static final int COMMANDS_PER_MS = 100;
    private static final int DEEP_ORDERS_PER_ACCOUNT = 800;
    private static final int DEEP_LEVELS = 1_000;

    private final Engine engine;
    private final SplittableRandom random;
    private final long[] liveIds = new long[TARGET_RESTING];
    private final long[] liveAccounts = new long[TARGET_RESTING];
    private final List<Command> setUp = new ArrayList<>();
    private int liveCount;
    private long lastAcceptedId;
    private long generated;
    private long trades;
    private long rejected;

    /** @param seed the seed of the stream. */
    public JournalWorkload(final long seed)
    {
        this(seed, 0, ENGINE_CONFIGURATION);
    }

    /**
     * @param seed          the seed of the stream.
     * @param deepOrders    deep resting orders the set-up adds (a multiple of 800), 0 for none.
     * @param configuration the engine configuration the stream is generated with: the one it will be replayed with.
     */
    public JournalWorkload(final long seed, final int deepOrders, final EngineConfiguration configuration)
    {
        this.random = new SplittableRandom(seed);
        this.engine = new Engine(configuration);
        setUp.add(new PutPair("BASE", "QUOTE", 0, 0, new PairPolicy("journal benchmark pair", 1, 0, 0, 1,
            Long.MAX_VALUE, 0, Long.MAX_VALUE, 0, 0, PairState.TRADING)));
        final int deepAccounts = deepOrders / DEEP_ORDERS_PER_ACCOUNT;
        for (long accountId = 1; accountId <= ACCOUNTS + deepAccounts; accountId++)
        {
            setUp.add(new CreateAccount());
            setUp.add(new Transfer(accountId, TransferType.DEPOSIT, "BASE", BALANCE, 0, TransferDetails.NONE));
            setUp.add(new Transfer(accountId, TransferType.DEPOSIT, "QUOTE", BALANCE, 0, TransferDetails.NONE));
        }
        for (int i = 0; i < deepAccounts * DEEP_ORDERS_PER_ACCOUNT; i++)
        {
            final boolean buy = (i & 1) == 0;
            final long away = (i >> 1) % DEEP_LEVELS;
            setUp.add(PlaceOrder.limit(ACCOUNTS + 1 + i / DEEP_ORDERS_PER_ACCOUNT, COIN_PAIR,
                buy ? Side.BUY : Side.SELL, buy ? MID_PRICE / 4 - away : MID_PRICE * 4 + away, size()));
        }
    }

    /** @return the timestamp of the next command. */
    public long nextTimestampMs()
    {
        return START_MS + generated / COMMANDS_PER_MS;
    }

    /** @return the next command (not yet applied: call {@link #apply} with it before asking for another). */
    public Command next()
    {
        if (generated < setUp.size())
        {
            return setUp.get((int)generated);
        }
        if (generated < setUp.size() + PREFILL)
        {
            // the prefill: resting orders on 100 levels each side, as W2's prefill file
            final boolean buy = random.nextBoolean();
            final long away = 1 + random.nextLong(100);
            return PlaceOrder.limit(account(), COIN_PAIR, buy ? Side.BUY : Side.SELL,
                buy ? MID_PRICE - away : MID_PRICE + away, size());
        }
        final int draw = random.nextInt(100);
        if (draw < 10)
        {
            return PlaceOrder.market(account(), COIN_PAIR, random.nextBoolean() ? Side.BUY : Side.SELL, size());
        }
        // cancels pause while the tracked book is below 90 % of its target, so that it does not drain
        if (liveCount == TARGET_RESTING || (draw < 50 && liveCount >= TARGET_RESTING * 9 / 10))
        {
            final Command cancel = cancelOfLiveOrder();
            if (cancel != null)
            {
                return cancel;
            }
        }
        final boolean buy = random.nextBoolean();
        // within 30 ticks of the mid on the own side, up to 5 ticks through it: some cross
        final long offset = random.nextLong(-5, 30);
        final long price = buy ? MID_PRICE - offset : MID_PRICE + offset;
        return PlaceOrder.limit(account(), COIN_PAIR, buy ? Side.BUY : Side.SELL, price, size());
    }

    private Command cancelOfLiveOrder()
    {
        for (int tries = 0; tries < MAX_CANCEL_TRIES && liveCount > 0; tries++)
        {
            final int index = random.nextInt(liveCount);
            final long orderId = liveIds[index];
            final long accountId = liveAccounts[index];
            liveCount--;
            liveIds[index] = liveIds[liveCount];
            liveAccounts[index] = liveAccounts[liveCount];
            if (engine.openOrder(orderId) != null)
            {
                return new CancelOrder(accountId, orderId);
            }
        }
        return null;
    }

    private long account()
    {
        return 1 + random.nextInt(ACCOUNTS);
    }

    private long size()
    {
        return 1 + random.nextInt(10);
    }

    /**
     * Applies the command {@link #next} gave to the live engine, at {@link #nextTimestampMs}.
     *
     * @param timestampMs the timestamp it was journaled with.
     * @param command     the command.
     */
    public void apply(final long timestampMs, final Command command)
    {
        lastAcceptedId = 0;
        final boolean setUpCommand = generated < setUp.size();
        if (!engine.apply(command, timestampMs, this).isSuccess())
        {
            if (setUpCommand)
            {
                throw new IllegalStateException("the set-up of the journal workload failed at " + command);
            }
            rejected++;
        }
        generated++;
        if (lastAcceptedId != 0 && liveCount < TARGET_RESTING && engine.openOrder(lastAcceptedId) != null &&
            command instanceof PlaceOrder place)
        {
            liveIds[liveCount] = lastAcceptedId;
            liveAccounts[liveCount] = place.accountId();
            liveCount++;
        }
    }

    @Override
    public void onEvent(final Event event)
    {
        if (event instanceof OrderAccepted accepted)
        {
            lastAcceptedId = accepted.order().orderId();
        }
        else if (event instanceof TradeExecuted)
        {
            trades++;
        }
    }

    /** @return trades executed so far. */
    public long trades()
    {
        return trades;
    }

    /** @return commands the engine rejected so far (e.g. a market order meeting an empty side). */
    public long rejected()
    {
        return rejected;
    }

    /** @return orders resting in the book now. */
    public int resting()
    {
        return engine.openOrderCountOfPair(COIN_PAIR);
    }

    /** @return the live engine, for the reference state hash. */
    public Engine engine()
    {
        return engine;
    }
}
