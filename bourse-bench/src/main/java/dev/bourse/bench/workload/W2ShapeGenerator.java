package dev.bourse.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded workloads of W2's shape at any size: a prefill of non-crossing GTC orders up to a resting target, then a
 * main part of about 50 % GTC limit orders (some crossing), 40 % cancels of live orders and 10 % IOC orders priced
 * beyond every resting price, from accounts spread by order ID, around a mid price of 100,000 ticks. The share of
 * cancels leans a little (35 % or 45 %) to hold the book near its target. A {@link ReferenceBook} follows every
 * command, so the generator cancels only live orders and the expected outcome (trades, volume, resting) comes with
 * the workload. The same seed and sizes always give the same commands; a generator generates once.
 */
public final class W2ShapeGenerator
{
    /** What every account starts with, in both currencies: far more than any run can reserve. */
    public static final long INITIAL_BALANCE = BenchmarkExchange.AMPLE_BALANCE;

    private static final long MID_PRICE = 100_000;
    private static final int SPREAD_TICKS = 1_000;
    private static final int CROSSING_TICKS = 20;
    private static final int MAX_LOTS = 5;
    private static final int MAX_IOC_LOTS = 10;
    private static final long IOC_BUY_PRICE = 110_000;
    private static final long IOC_SELL_PRICE = 90_000;

    private final SplittableRandom random;
    private final int accounts;
    private final ReferenceBook reference = new ReferenceBook();
    private long nextOrderId = 1;

    /**
     * @param seed     the seed.
     * @param accounts uids 1..accounts place the orders.
     */
    public W2ShapeGenerator(final long seed, final int accounts)
    {
        this.random = new SplittableRandom(seed);
        this.accounts = accounts;
    }

    /** A generated pair of workloads: the untimed prefill and the timed main part with its expected outcome. */
    public record Generated(Workload prefill, Workload main)
    {
    }

    /**
     * @param resting      orders resting after the prefill.
     * @param mainCommands commands of the main part.
     * @return the workloads, each with its expected outcome from the reference book.
     */
    public Generated generate(final int resting, final int mainCommands)
    {
        final List<WorkloadCommand> prefill = new ArrayList<>(resting);
        for (int i = 0; i < resting; i++)
        {
            prefill.add(apply(restingOrder()));
        }
        final Workload prefillWorkload = new Workload(List.copyOf(prefill), INITIAL_BALANCE, reference.trades(),
            reference.volume(), reference.resting());
        final long tradesBefore = reference.trades();
        final long volumeBefore = reference.volume();
        final List<WorkloadCommand> main = new ArrayList<>(mainCommands);
        for (int i = 0; i < mainCommands; i++)
        {
            main.add(apply(next(resting)));
        }
        return new Generated(prefillWorkload, new Workload(List.copyOf(main), INITIAL_BALANCE,
            reference.trades() - tradesBefore, reference.volume() - volumeBefore, reference.resting()));
    }

    private WorkloadCommand next(final int restingTarget)
    {
        final int dice = random.nextInt(100);
        final int cancelShare = reference.resting() < restingTarget ? 35 : 45;
        if (dice < 10)
        {
            final boolean buy = random.nextBoolean();
            return place(buy, buy ? IOC_BUY_PRICE : IOC_SELL_PRICE, 1 + random.nextInt(MAX_IOC_LOTS), true);
        }
        if (dice < 10 + cancelShare && reference.resting() > 0)
        {
            final long orderId = reference.liveOrderId(random.nextInt(reference.resting()));
            return new WorkloadCommand.Cancel(orderId, uidOf(orderId));
        }
        final boolean buy = random.nextBoolean();
        final long offset = random.nextInt(SPREAD_TICKS + CROSSING_TICKS) - CROSSING_TICKS + 1;
        return place(buy, buy ? MID_PRICE - offset : MID_PRICE + offset, 1 + random.nextInt(MAX_LOTS), false);
    }

    private WorkloadCommand restingOrder()
    {
        final boolean buy = random.nextBoolean();
        final long offset = 1 + random.nextInt(SPREAD_TICKS);
        return place(buy, buy ? MID_PRICE - offset : MID_PRICE + offset, 1 + random.nextInt(MAX_LOTS), false);
    }

    private WorkloadCommand.Place place(final boolean buy, final long price, final long lots, final boolean ioc)
    {
        final long orderId = nextOrderId++;
        return new WorkloadCommand.Place(orderId, uidOf(orderId), buy, price, lots, ioc);
    }

    private WorkloadCommand apply(final WorkloadCommand command)
    {
        switch (command)
        {
            case WorkloadCommand.Place place -> reference.place(place);
            case WorkloadCommand.Cancel cancel ->
            {
                if (!reference.cancel(cancel))
                {
                    throw new IllegalStateException("generated a cancel of an order that is not live: " + cancel);
                }
            }
        }
        return command;
    }

    /** Each order's owner is a scramble of its ID, so a cancel names the owner without a lookup table. */
    private long uidOf(final long orderId)
    {
        return 1 + ((orderId * 0x9E3779B97F4A7C15L) >>> 1) % accounts;
    }
}
