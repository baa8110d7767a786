package dev.bourse.simulator;

import dev.bourse.client.BookLevel;
import dev.bourse.client.BourseAdminClient;
import dev.bourse.client.BourseClient;
import dev.bourse.client.BourseClientException;
import dev.bourse.client.OrderBook;
import dev.bourse.client.PairPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The market simulator: for each pair a market maker and a taker, each an ordinary account of the exchange (labelled,
 * see {@link AccountProvisioner}) trading through the public API with an API key of its own, paced by the SDK's rate
 * limiter; funds come in through the admin API. The reference prices come from a seeded {@link RandomWalk} or the
 * replay of a recorded trade file ({@link TradeReplay}).
 *
 * <p>{@link #start} sets everything up before it returns (accounts, keys, funds, the first prices) and fails with a
 * clear message when it cannot (a pair that does not exist, no reference price); {@link #close} stops the traders,
 * cancels their orders and closes the clients. Bounded: two traders (threads) and at most {@code 2 * levels + 1}
 * resting orders per pair; nothing grows with time. See docs/SIMULATOR.md for what is reproducible.
 */
public final class Simulator implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    private static final int BOOK_DEPTH = 5;
    private static final long STOP_TIMEOUT_MS = 15_000;
    private static final long ROLE_WALK = 1;
    private static final long ROLE_MAKER = 2;
    private static final long ROLE_TAKER = 3;

    private final SimulatorSettings settings;
    private final BourseAdminClient admin;
    private final BourseClient market;
    private final List<TraderAccount> accounts = new ArrayList<>();
    private final List<TraderLoop> loops = new ArrayList<>();
    private final Map<String, ReferencePrice> references = new LinkedHashMap<>();
    private final Map<String, Taker> takers = new HashMap<>();
    private final long startNanos;
    private volatile boolean closed;

    private Simulator(final SimulatorSettings settings)
    {
        this.settings = settings;
        this.admin = BourseAdminClient.builder(settings.adminUri(), settings.adminToken()).build();
        this.market = BourseClient.builder(settings.publicUri()).build();
        this.startNanos = System.nanoTime();
    }

    /**
     * Sets up the accounts, keys and funds, then starts trading.
     *
     * @param settings the settings.
     * @return the running simulator.
     * @throws IllegalArgumentException when a pair does not exist or has no reference price, or a trade file is
     *                                  invalid.
     * @throws BourseClientException    when the exchange cannot be reached or refuses the set-up.
     */
    public static Simulator start(final SimulatorSettings settings)
    {
        final Simulator simulator = new Simulator(settings);
        try
        {
            simulator.setUp();
        }
        catch (final RuntimeException ex)
        {
            simulator.close();
            throw ex;
        }
        return simulator;
    }

    private void setUp()
    {
        final Map<String, PairPolicy> policies = new HashMap<>();
        for (final PairPolicy policy : market.pairPolicies())
        {
            policies.put(policy.currency() + "." + policy.market(), policy);
        }
        final List<PairPlan> plans = new ArrayList<>();
        for (final PairSettings pair : settings.pairs())
        {
            final PairPolicy policy = policies.get(pair.coinPair());
            if (policy == null)
            {
                throw new IllegalArgumentException("the pair " + pair.coinPair() + " does not exist on " +
                    settings.publicUri() + " (it has " + policies.keySet() + ")");
            }
            plans.add(plan(pair, policy));
        }
        final Treasury treasury = new Treasury(admin);
        accounts.addAll(new AccountProvisioner(admin, treasury, settings).provision(2 * plans.size()));
        final MarketDataSource marketData = MarketDataSource.polling(market, BOOK_DEPTH);
        for (int i = 0; i < plans.size(); i++)
        {
            final PairPlan plan = plans.get(i);
            final TraderAccount maker = accounts.get(2 * i);
            final TraderAccount taker = accounts.get(2 * i + 1);
            final PairSettings pair = plan.settings();
            final PairRules rules = plan.rules();
            final BigDecimal makerBase = rules.currencyAmount(pair.makerFundsLots() * rules.lot().doubleValue());
            final BigDecimal takerBase = rules.currencyAmount(pair.takerFundsLots() * rules.lot().doubleValue());
            fund(treasury, maker, rules, makerBase, plan.startPrice());
            fund(treasury, taker, rules, takerBase, plan.startPrice());
            references.put(pair.coinPair(), plan.reference());
            final MarketMaker makerStep = new MarketMaker(pair, rules, plan.reference(), maker,
                AccountDataSource.polling(maker.client()), treasury, random(pair, ROLE_MAKER), makerBase);
            final Taker takerStep = new Taker(pair, rules, plan.reference(), plan.replay(), taker, marketData,
                treasury, random(pair, ROLE_TAKER));
            takers.put(pair.coinPair(), takerStep);
            loops.add(new TraderLoop("sim-maker-" + pair.coinPair(), makerStep, this::elapsedMs));
            loops.add(new TraderLoop("sim-taker-" + pair.coinPair(), takerStep, this::elapsedMs));
        }
        loops.forEach(TraderLoop::start);
        LOG.info("Simulated market on {} with accounts {} (label '{}', seed {}, keys {}/s {}/min)",
            describe(plans), accounts.stream().map(TraderAccount::accountId).toList(), settings.label(),
            settings.seed(), settings.rps(), settings.rpm());
    }

    /** What {@link #setUp} decided for a pair before trading. */
    private record PairPlan(PairSettings settings, PairRules rules, double startPrice, ReferencePrice reference,
        TradeReplay replay)
    {
    }

    private PairPlan plan(final PairSettings pair, final PairPolicy policy)
    {
        if (pair.replay() != null)
        {
            final TradeReplay replay = new TradeReplay(TradeFile.read(pair.replay()), pair.replaySpeed(),
                pair.replayLoop());
            final double start = replay.priceAt(0);
            return new PairPlan(pair, PairRules.of(policy, start), start, replay, replay);
        }
        final double start = startPrice(pair);
        final double anchor = pair.price() != null ? pair.price().doubleValue() :
            pair.defaultPrice() != null ? pair.defaultPrice().doubleValue() : start;
        final RandomWalk walk = new RandomWalk(pair.walk(), seed(pair, ROLE_WALK), start, anchor);
        return new PairPlan(pair, PairRules.of(policy, start), start, walk, null);
    }

    /** The explicit price, else the last trade's, else the middle of the book, else the default price. */
    private double startPrice(final PairSettings pair)
    {
        if (pair.price() != null)
        {
            return pair.price().doubleValue();
        }
        final BigDecimal last = market.ticker(pair.coinPair()).last();
        if (last != null && last.signum() > 0)
        {
            return last.doubleValue();
        }
        final OrderBook book = market.orderBook(pair.coinPair(), 1);
        if (!book.bids().isEmpty() && !book.asks().isEmpty())
        {
            final BookLevel bid = book.bids().getFirst();
            final BookLevel ask = book.asks().getFirst();
            return bid.price().add(ask.price()).divide(BigDecimal.TWO, 18, RoundingMode.HALF_EVEN).doubleValue();
        }
        if (pair.defaultPrice() != null)
        {
            return pair.defaultPrice().doubleValue();
        }
        throw new IllegalArgumentException("no reference price for " + pair.coinPair() + ": it has no trade and no " +
            "book; give one (" + pair.coinPair() + ".price=P, or --price " + pair.coinPair() + "=P)");
    }

    private void fund(
        final Treasury treasury, final TraderAccount account, final PairRules rules, final BigDecimal base,
        final double price)
    {
        final var balances = account.client().balances();
        treasury.topUp(account.accountId(), MarketMaker.find(balances, rules.currency()), base, "funding");
        treasury.topUp(account.accountId(), MarketMaker.find(balances, rules.market()),
            rules.marketAmount(base.doubleValue() * price), "funding");
    }

    private String describe(final List<PairPlan> plans)
    {
        final List<String> parts = new ArrayList<>();
        for (final PairPlan plan : plans)
        {
            final String start = BigDecimal.valueOf(plan.startPrice()).round(new MathContext(8)).stripTrailingZeros()
                .toPlainString();
            parts.add(plan.settings().coinPair() + (plan.replay() != null ?
                " (replaying " + plan.settings().replay().getFileName() + ")" : " (from " + start + ")"));
        }
        return String.join(", ", parts);
    }

    private Random random(final PairSettings pair, final long role)
    {
        return new Random(seed(pair, role));
    }

    /** @return a seed for one role on one pair, from the simulator's seed; stable when other pairs are added. */
    private long seed(final PairSettings pair, final long role)
    {
        long z = settings.seed() + 0x9E3779B97F4A7C15L * (pair.coinPair().hashCode() * 31L + role);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return milliseconds since the simulation started. */
    long elapsedMs()
    {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /**
     * @param coinPair a simulated pair.
     * @return its reference price now.
     * @throws IllegalArgumentException when the pair is not simulated.
     */
    public double referencePrice(final String coinPair)
    {
        final ReferencePrice reference = references.get(coinPair);
        if (reference == null)
        {
            throw new IllegalArgumentException(coinPair + " is not simulated");
        }
        return reference.priceAt(elapsedMs());
    }

    /** @return the simulated pairs. */
    public List<String> pairs()
    {
        return List.copyOf(references.keySet());
    }

    /** @return the IDs of the simulator's accounts: maker and taker of each pair, in order. */
    public List<Long> accountIds()
    {
        return accounts.stream().map(TraderAccount::accountId).toList();
    }

    /** Stops the traders, cancels every order they left and closes the connections; idempotent. */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        loops.forEach(TraderLoop::stop);
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_TIMEOUT_MS);
        for (final TraderLoop loop : loops)
        {
            try
            {
                if (!loop.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))))
                {
                    LOG.warn("a simulated trader did not stop within {} ms", STOP_TIMEOUT_MS);
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                break;
            }
        }
        cancelOrders();
        takers.forEach((pair, taker) ->
        {
            if (taker.skipped() > 0)
            {
                LOG.info("the replay of {} skipped {} trades it could not send in time", pair, taker.skipped());
            }
        });
        accounts.forEach(account -> account.client().close());
        market.close();
        admin.close();
        if (!accounts.isEmpty())
        {
            LOG.info("Simulated market stopped");
        }
    }

    /** Cancels what the traders left: account {@code i} trades the pair {@code i / 2}. */
    private void cancelOrders()
    {
        final List<String> pairs = pairs();
        for (int i = 0; i < accounts.size() && i / 2 < pairs.size(); i++)
        {
            final TraderAccount account = accounts.get(i);
            final String pair = pairs.get(i / 2);
            try
            {
                account.client().cancelAllOrders(pair);
            }
            catch (final BourseClientException ex)
            {
                LOG.warn("orders of simulated account {} on {} were left: {}", account.accountId(), pair,
                    ex.getMessage());
            }
        }
    }
}
