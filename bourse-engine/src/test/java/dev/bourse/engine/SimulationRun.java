package dev.bourse.engine;

import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.FireDeadMansSwitches;
import dev.bourse.engine.event.AllOrdersCancelled;
import dev.bourse.engine.event.CommandRejected;
import dev.bourse.engine.event.DeadMansSwitchSet;
import dev.bourse.engine.event.Event;
import dev.bourse.engine.event.OrderAccepted;
import dev.bourse.engine.event.OrderAlreadyAccepted;
import dev.bourse.engine.event.OrderCancelled;
import dev.bourse.engine.event.OrderTriggered;
import dev.bourse.engine.event.OrderView;
import dev.bourse.engine.event.TradeExecuted;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One seeded run: every command of a {@link SimulationWorkload} goes to the engine and to the
 * {@link ReferenceExchange}, and after every step the two must agree (status, trades, cancellations and their
 * reasons, triggers, cancel-alls, repeated client order IDs, dead man's switches, balances, books) and the engine's
 * invariants must hold. Like the server's engine thread, the run issues a {@link FireDeadMansSwitches} before a
 * command whenever the engine's next deadline has come. It records the commands as the engine got them.
 */
final class SimulationRun
{
    /** A command as the engine got it, with its time. */
    record TimedCommand(Command command, long timestampMs)
    {
    }

    private static final long START_TIME_MS = 1_600_000_000_000L;
    private static final long UNKNOWN_ENGINE_ORDER_ID = 10_999_999_999_999L;
    private static final int FULL_COMPARISON_EVERY_STEPS = 16;

    private final long seed;
    private final int commandCount;
    private final Engine engine;
    private final ReferenceExchange reference;
    private final SimulationWorkload workload;
    private final Map<Long, Long> engineIdByReferenceId = new HashMap<>();
    private final Map<Long, Long> referenceIdByEngineId = new HashMap<>();
    private final List<TimedCommand> history = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final Map<String, Integer> tally = new java.util.TreeMap<>();
    private long lastEngineOrderId;
    private long lastTradeId;
    private long timeMs = START_TIME_MS;
    private int step;
    private Command current;

    SimulationRun(final long seed, final int commandCount, final EngineConfiguration configuration)
    {
        this.seed = seed;
        this.commandCount = commandCount;
        this.engine = new Engine(configuration);
        this.reference = new ReferenceExchange(configuration);
        this.workload = new SimulationWorkload(seed, reference, 12);
    }

    /**
     * @return the configuration a seed runs with: limits low enough to be hit, the default self-trade prevention
     * varied, client order IDs remembered for 2 s and at most 6 per account (so that both bounds are reached).
     */
    static EngineConfiguration configurationFor(final long seed)
    {
        final EngineConfiguration configuration = new EngineConfiguration(
            1_000, 16, 8, 4, 7, 300, SelfTradePrevention.EXPIRE_MAKER).withClientOrderIds(6, 2_000);
        return seed % 4 == 3 ? configuration.withSelfTradePrevention(SelfTradePrevention.NONE) : configuration;
    }

    /** Runs the seed; a failure names the seed and the step and how to reproduce it. */
    SimulationRun run()
    {
        try
        {
            for (final Command command : workload.setup())
            {
                step(command);
            }
            for (int i = 0; i < commandCount; i++)
            {
                step(workload.next());
            }
            compareOpenOrders();
        }
        catch (final Throwable failure)
        {
            throw new AssertionError("simulation seed " + seed + " failed at step " + step + " (" + current +
                "); reproduce with -Dbourse.simulation.seed=" + seed + " -Dtest=EngineSimulationTest: " +
                failure.getMessage(), failure);
        }
        return this;
    }

    Map<String, Integer> tally()
    {
        return tally;
    }

    Engine engine()
    {
        return engine;
    }

    List<TimedCommand> history()
    {
        return history;
    }

    private void step(final Command referenceCommand)
    {
        timeMs += 1 + (step % 3);
        assertThat(engine.nextDeadlineMs()).as("next deadline").isEqualTo(reference.nextDeadlineMs());
        if (engine.nextDeadlineMs() <= timeMs && !(referenceCommand instanceof FireDeadMansSwitches))
        {
            apply(new FireDeadMansSwitches());
        }
        apply(referenceCommand);
    }

    private void apply(final Command referenceCommand)
    {
        step++;
        current = referenceCommand;
        final Command engineCommand = toEngine(referenceCommand);
        final ReferenceExchange.Outcome expected = reference.apply(referenceCommand, timeMs);
        final long hashBefore = expected.status().isSuccess() ? 0 : engine.stateHash();
        final CancelAllSnapshot before = engineCommand instanceof CancelAllOrders cancelAll &&
            expected.status().isSuccess() ? new CancelAllSnapshot(cancelAll) : null;

        events.clear();
        history.add(new TimedCommand(engineCommand, timeMs));
        final Status status = engine.apply(engineCommand, timeMs, events::add);

        assertThat(status).as("status").isEqualTo(expected.status());
        tally.merge(engineCommand.getClass().getSimpleName() + " " + status.code(), 1, Integer::sum);
        final Set<Long> incoming = new HashSet<>();
        for (final Event event : events)
        {
            final OrderView view = event instanceof OrderAccepted accepted ? accepted.order() :
                event instanceof OrderTriggered trigger ? trigger.order() : null;
            if (view != null)
            {
                incoming.add(view.orderId());
            }
            final String name = switch (event)
            {
                case OrderCancelled cancel -> "cancel " + cancel.reason() +
                    (cancel.reason() == OrderCancelled.CancelReason.SELF_TRADE &&
                    incoming.contains(cancel.order().orderId()) ? " taker" : "");
                case AllOrdersCancelled all when !all.orderIds().isEmpty() -> "cancel " + all.reason() +
                    (all.coinPair() == null ? " every pair" : "") + (all.side() == null ? "" : " " + all.side());
                default -> event.getClass().getSimpleName();
            };
            tally.merge(name, 1, Integer::sum);
        }
        if (!status.isSuccess())
        {
            assertThat(events).containsExactly(new CommandRejected(status));
            assertThat(engine.stateHash()).as("state hash after a rejected command").isEqualTo(hashBefore);
        }
        else
        {
            checkEvents(expected);
        }
        if (before != null)
        {
            before.assertNothingElseChanged();
        }
        checkInvariantsAndBalances();
        if (step % FULL_COMPARISON_EVERY_STEPS == 0)
        {
            compareOpenOrders();
        }
    }

    private Command toEngine(final Command command)
    {
        if (command instanceof CancelOrder cancel && cancel.clientOrderId() == null)
        {
            return new CancelOrder(cancel.accountId(),
                engineIdByReferenceId.getOrDefault(cancel.orderId(), UNKNOWN_ENGINE_ORDER_ID));
        }
        return command;
    }

    private long toReference(final long engineOrderId)
    {
        final Long id = referenceIdByEngineId.get(engineOrderId);
        assertThat(id).as("reference ID of engine order %d", engineOrderId).isNotNull();
        return id;
    }

    private void checkEvents(final ReferenceExchange.Outcome expected)
    {
        final List<ReferenceExchange.Trade> trades = new ArrayList<>();
        final List<ReferenceExchange.Cancel> cancelled = new ArrayList<>();
        final List<Long> triggered = new ArrayList<>();
        final List<ReferenceExchange.CancelAll> cancelAlls = new ArrayList<>();
        long alreadyAccepted = 0;
        long switchDeadline = 0;
        for (final Event event : events)
        {
            final OrderView view = EngineFixture.orderViewOf(event);
            if (view != null)
            {
                EngineFixture.assertOrderInvariant(view);
            }
            switch (event)
            {
                case OrderAccepted accepted -> accept(accepted.order().orderId(), expected.acceptedOrderId());
                case TradeExecuted trade -> trades.add(toReference(trade));
                case OrderCancelled cancel ->
                    cancelled.add(new ReferenceExchange.Cancel(toReference(cancel.order().orderId()), cancel.reason()));
                case OrderTriggered trigger -> triggered.add(toReference(trigger.order().orderId()));
                case AllOrdersCancelled all ->
                {
                    assertThat(all.orderIds().toList()).as("cancel-all IDs ascending").isSorted();
                    cancelAlls.add(new ReferenceExchange.CancelAll(all.accountId(), all.coinPair(), all.side(),
                        all.reason(), all.orderIds().toList().stream().map(this::toReference).toList()));
                }
                case OrderAlreadyAccepted repeated ->
                {
                    assertThat(events).as("a repeated client order ID places nothing").hasSize(1);
                    alreadyAccepted = toReference(repeated.orderId());
                }
                case DeadMansSwitchSet set -> switchDeadline = set.deadlineMs();
                case CommandRejected rejected -> throw new AssertionError("rejection in a successful command");
                default ->
                {
                }
            }
        }
        assertThat(trades).as("trades").isEqualTo(expected.trades());
        assertThat(cancelled).as("cancelled orders").isEqualTo(expected.cancelled());
        assertThat(triggered).as("triggered orders").isEqualTo(expected.triggeredOrderIds());
        assertThat(cancelAlls).as("cancel-alls").isEqualTo(expected.cancelAlls());
        assertThat(alreadyAccepted).as("order answered for a repeated client order ID")
            .isEqualTo(expected.alreadyAcceptedOrderId());
        assertThat(switchDeadline).as("dead man's switch deadline").isEqualTo(expected.switchDeadlineMs());
    }

    private void accept(final long engineOrderId, final long referenceOrderId)
    {
        assertThat(String.valueOf(engineOrderId)).as("order ID digits").hasSize(14);
        assertThat(engineOrderId).as("order IDs increase").isGreaterThan(lastEngineOrderId);
        lastEngineOrderId = engineOrderId;
        engineIdByReferenceId.put(referenceOrderId, engineOrderId);
        referenceIdByEngineId.put(engineOrderId, referenceOrderId);
    }

    private ReferenceExchange.Trade toReference(final TradeExecuted trade)
    {
        assertThat(String.valueOf(trade.tradeId())).as("trade ID digits").hasSize(14);
        assertThat(trade.tradeId()).as("trade IDs increase").isGreaterThan(lastTradeId);
        lastTradeId = trade.tradeId();
        final String pair = trade.coinPair();
        final int currencyScale = reference.currencyScale(pair.substring(0, pair.indexOf('.')));
        final int marketScale = reference.currencyScale(pair.substring(pair.indexOf('.') + 1));
        final BigDecimal volume = BigDecimal.valueOf(trade.price(), marketScale)
            .multiply(BigDecimal.valueOf(trade.quantity(), currencyScale));
        assertThat(trade.volume()).as("trade volume").isEqualTo(ReferenceExchange.toUnits(volume, marketScale));
        return new ReferenceExchange.Trade(trade.price(), trade.quantity(), toReference(trade.takerOrderId()),
            trade.takerAccountId(), trade.takerFee(), toReference(trade.makerOrderId()), trade.makerAccountId(),
            trade.makerFee());
    }

    private void checkInvariantsAndBalances()
    {
        assertThat(engine.accountCount()).as("accounts").isEqualTo(reference.accountCount());
        for (long accountId = 1; accountId <= reference.accountCount(); accountId++)
        {
            assertThat(engine.accountLabel(accountId)).as("label of %d", accountId)
                .isEqualTo(reference.accountLabel(accountId));
        }
        assertThat(engine.currencies()).as("currencies").isEqualTo(reference.currencyCodes());
        for (final String pair : reference.pairNames())
        {
            final long bid = engine.bestBid(pair);
            final long ask = engine.bestAsk(pair);
            assertThat(bid).as("best bid of %s", pair).isEqualTo(reference.bestPrice(pair, Side.BUY));
            assertThat(ask).as("best ask of %s", pair).isEqualTo(reference.bestPrice(pair, Side.SELL));
            if (bid != 0 && ask != 0)
            {
                assertThat(bid).as("%s is not crossed", pair).isLessThan(ask);
            }
            assertThat(engine.lastPrice(pair)).as("last price of %s", pair).isEqualTo(reference.lastPrice(pair));
            assertThat(engine.pairPolicy(pair)).as("policy of %s", pair).isEqualTo(reference.policy(pair));
        }
        EngineFixture.assertConservation(engine);
        for (final String currency : reference.currencyCodes())
        {
            assertThat(engine.netDeposits(currency)).as("net deposits of %s", currency)
                .isEqualTo(reference.netDeposits(currency));
            assertThat(engine.feesCollected(currency)).as("fees of %s", currency)
                .isEqualTo(reference.feesCollected(currency));
            for (long accountId = 1; accountId <= reference.accountCount(); accountId++)
            {
                assertThat(engine.balance(accountId, currency)).as("balance of %d in %s", accountId, currency)
                    .isEqualTo(reference.balance(accountId, currency));
                assertThat(engine.available(accountId, currency)).as("available of %d in %s", accountId, currency)
                    .isEqualTo(reference.available(accountId, currency));
            }
        }
    }

    private void compareOpenOrders()
    {
        int total = 0;
        for (long accountId = 1; accountId <= reference.accountCount(); accountId++)
        {
            int ofAccount = 0;
            for (final String pair : reference.pairNames())
            {
                final List<OrderView> actual = engine.openOrders(accountId, pair);
                final List<ReferenceExchange.Ord> expected = reference.openOrders(accountId, pair);
                assertThat(actual.stream().map(view -> toReference(view.orderId())).toList())
                    .as("open orders of %d on %s", accountId, pair)
                    .isEqualTo(expected.stream().map(order -> order.id).toList());
                for (int i = 0; i < actual.size(); i++)
                {
                    compareOrder(actual.get(i), expected.get(i));
                }
                ofAccount += actual.size();
            }
            assertThat(engine.openOrderCount(accountId)).as("open order count of %d", accountId).isEqualTo(ofAccount);
            assertThat(engine.deadMansSwitchDeadlineMs(accountId)).as("switch deadline of %d", accountId)
                .isEqualTo(reference.switchDeadlineMs(accountId));
            assertThat(engine.deadMansSwitchPair(accountId)).as("switch pair of %d", accountId)
                .isEqualTo(reference.switchPair(accountId));
            assertThat(engine.clientOrderIdCount(accountId)).as("client order IDs of %d", accountId)
                .isEqualTo(reference.rememberedIds(accountId).size())
                .isLessThanOrEqualTo(engine.configuration().maxClientOrderIdsPerAccount());
            total += ofAccount;
        }
        assertThat(total).as("open orders").isEqualTo(reference.openOrders().size());
    }

    private static void compareOrder(final OrderView actual, final ReferenceExchange.Ord expected)
    {
        EngineFixture.assertOrderInvariant(actual);
        final int currencyScale = expected.book.currency.scale;
        final int marketScale = expected.book.market.scale;
        final int reserveScale = expected.side == Side.BUY ? marketScale : currencyScale;
        final OrderView wanted = new OrderView(actual.orderId(), expected.account.id, expected.book.name,
            expected.type, expected.side, ReferenceExchange.toUnits(expected.price, marketScale),
            ReferenceExchange.toUnits(expected.stopPrice, marketScale),
            ReferenceExchange.toUnits(expected.initial, currencyScale),
            ReferenceExchange.toUnits(expected.cancelled, currencyScale),
            ReferenceExchange.toUnits(expected.remain, currencyScale),
            ReferenceExchange.toUnits(expected.filled, currencyScale),
            ReferenceExchange.toUnits(expected.filledVolume, marketScale),
            ReferenceExchange.toUnits(expected.feeCharged, marketScale),
            ReferenceExchange.toUnits(expected.reservedValue, reserveScale),
            ReferenceExchange.toUnits(expected.reserve, reserveScale),
            expected.makerFeePpm, expected.takerFeePpm, expected.status, actual.createdAtMs(), 0,
            expected.clientOrderId);
        assertThat(actual).as("open order").isEqualTo(wanted);
    }

    /**
     * What a cancel-all must leave as it was: every balance, and every open order and available balance but the
     * caller's on the pairs (and side) it covers.
     */
    private final class CancelAllSnapshot
    {
        private final CancelAllOrders command;
        private final Map<String, List<OrderView>> openOrders = new HashMap<>();
        private final Map<String, Long> balances = new HashMap<>();

        CancelAllSnapshot(final CancelAllOrders command)
        {
            this.command = command;
            for (long accountId = 1; accountId <= engine.accountCount(); accountId++)
            {
                for (final String coinPair : engine.coinPairs())
                {
                    openOrders.put(accountId + "/" + coinPair, engine.openOrders(accountId, coinPair));
                }
                for (final String currency : engine.currencies())
                {
                    balances.put(accountId + "/" + currency, engine.balance(accountId, currency));
                    balances.put(accountId + "/" + currency + "/available", engine.available(accountId, currency));
                }
            }
        }

        private boolean covers(final long accountId, final String coinPair)
        {
            return accountId == command.accountId() && (command.coinPair() == null ||
                coinPair.equals(command.coinPair()));
        }

        private boolean coversCurrency(final long accountId, final String currency)
        {
            return engine.coinPairs().stream().anyMatch(pair -> covers(accountId, pair) &&
                List.of(pair.split("\\.")).contains(currency));
        }

        void assertNothingElseChanged()
        {
            for (long accountId = 1; accountId <= engine.accountCount(); accountId++)
            {
                for (final String coinPair : engine.coinPairs())
                {
                    final List<OrderView> before = openOrders.get(accountId + "/" + coinPair);
                    final List<OrderView> expected = covers(accountId, coinPair) ? before.stream()
                        .filter(order -> command.side() != null && order.side() != command.side()).toList() : before;
                    assertThat(engine.openOrders(accountId, coinPair)).as("orders of %d on %s", accountId, coinPair)
                        .isEqualTo(expected);
                }
                for (final String currency : engine.currencies())
                {
                    assertThat(engine.balance(accountId, currency)).as("balance of %d in %s", accountId, currency)
                        .isEqualTo(balances.get(accountId + "/" + currency));
                    final long availableBefore = balances.get(accountId + "/" + currency + "/available");
                    if (coversCurrency(accountId, currency))
                    {
                        assertThat(engine.available(accountId, currency)).as("available of %d", accountId)
                            .isGreaterThanOrEqualTo(availableBefore);
                    }
                    else
                    {
                        assertThat(engine.available(accountId, currency)).as("available of %d", accountId)
                            .isEqualTo(availableBefore);
                    }
                }
            }
        }
    }
}
