package dev.bourse.engine;

import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.PutPair;
import dev.bourse.engine.command.Transfer;
import dev.bourse.engine.event.AccountCreated;
import dev.bourse.engine.event.AllOrdersCancelled;
import dev.bourse.engine.event.CommandRejected;
import dev.bourse.engine.event.Event;
import dev.bourse.engine.event.OrderAccepted;
import dev.bourse.engine.event.OrderCancelled;
import dev.bourse.engine.event.OrderFilled;
import dev.bourse.engine.event.OrderTriggered;
import dev.bourse.engine.event.OrderView;
import dev.bourse.engine.event.TradeExecuted;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine with two pairs for scenario tests, that records the events of the last command and checks, for every
 * command, the order invariant of every order view it emits and the conservation of every currency.
 * <p>
 * BTC.USDT: BTC scale 8, USDT scale 6, price decimals 2, amount decimals 4, maker 0.1 %, taker 0.2 %.
 * ETH.USDT: ETH scale 10, price decimals 2, amount decimals 3, maker 0.05 %, taker 0.15 %.
 */
final class EngineFixture
{
    static final String BTC_USDT = "BTC.USDT";
    static final String ETH_USDT = "ETH.USDT";
    static final long START_TIME_MS = 1_700_000_000_000L;

    final Engine engine;
    final List<Event> events = new ArrayList<>();
    long timeMs = START_TIME_MS;

    EngineFixture()
    {
        this(EngineConfiguration.DEFAULT);
    }

    EngineFixture(final EngineConfiguration configuration)
    {
        engine = new Engine(configuration);
        succeed(new PutPair("BTC", "USDT", 8, 6, btcUsdtPolicy(PairState.TRADING)));
        succeed(new PutPair("ETH", "USDT", 10, 6, new PairPolicy(
            "Ether", usdt("0.01"), 2, 3, eth("0.001"), eth("10000"), usdt("1"), usdt("10000000"), 500, 1500,
            PairState.TRADING)));
    }

    static PairPolicy btcUsdtPolicy(final PairState state)
    {
        return new PairPolicy("Bitcoin", usdt("0.01"), 2, 4, btc("0.0001"), btc("1000"), usdt("1"),
            usdt("10000000"), 1000, 2000, state);
    }

    static long usdt(final String amount)
    {
        return units(amount, 6);
    }

    static long btc(final String amount)
    {
        return units(amount, 8);
    }

    static long eth(final String amount)
    {
        return units(amount, 10);
    }

    static long units(final String amount, final int scale)
    {
        return new BigDecimal(amount).movePointRight(scale).longValueExact();
    }

    /** Applies a command, records its events and checks the invariants every command keeps. */
    Status apply(final Command command)
    {
        events.clear();
        final Status status = engine.apply(command, ++timeMs, events::add);
        for (final Event event : events)
        {
            final OrderView view = orderViewOf(event);
            if (view != null)
            {
                assertOrderInvariant(view);
            }
        }
        if (!status.isSuccess())
        {
            assertThat(events).containsExactly(new CommandRejected(status));
        }
        assertConservation(engine);
        return status;
    }

    void succeed(final Command command)
    {
        assertThat(apply(command)).as("status of %s", command).isEqualTo(Status.SUCCESS);
    }

    /** Applies a command that must be rejected with the status, emit only that, and change nothing. */
    void assertRejectedUnchanged(final Command command, final Status expected)
    {
        final long hashBefore = engine.stateHash();
        assertThat(apply(command)).as("status of %s", command).isEqualTo(expected);
        assertThat(events).containsExactly(new CommandRejected(expected));
        assertThat(engine.stateHash()).as("state hash after rejected %s", command).isEqualTo(hashBefore);
    }

    long newAccount()
    {
        succeed(new CreateAccount());
        return ((AccountCreated)events.get(0)).accountId();
    }

    void deposit(final long accountId, final String currency, final long amount)
    {
        succeed(new Transfer(accountId, TransferType.DEPOSIT, currency, amount, 0, TransferDetails.NONE));
    }

    /** @return a new account holding the amounts of BTC, ETH and USDT. */
    long fundedAccount(final long btcUnits, final long ethUnits, final long usdtUnits)
    {
        final long accountId = newAccount();
        if (btcUnits > 0)
        {
            deposit(accountId, "BTC", btcUnits);
        }
        if (ethUnits > 0)
        {
            deposit(accountId, "ETH", ethUnits);
        }
        if (usdtUnits > 0)
        {
            deposit(accountId, "USDT", usdtUnits);
        }
        return accountId;
    }

    long limit(final long accountId, final String pair, final Side side, final long price, final long quantity)
    {
        return place(PlaceOrder.limit(accountId, pair, side, price, quantity));
    }

    long market(final long accountId, final String pair, final Side side, final long quantity)
    {
        return place(PlaceOrder.market(accountId, pair, side, quantity));
    }

    long stopLimit(
        final long accountId, final String pair, final Side side, final long price, final long stop, final long qty)
    {
        return place(PlaceOrder.stopLimit(accountId, pair, side, price, stop, qty));
    }

    /** Places an order that must be accepted; @return its ID. */
    long place(final PlaceOrder command)
    {
        succeed(command);
        return first(OrderAccepted.class).order().orderId();
    }

    List<Long> cancelAll(final long accountId, final String pair)
    {
        succeed(new CancelAllOrders(accountId, pair));
        return last(AllOrdersCancelled.class).orderIds().toList();
    }

    void cancel(final long accountId, final long orderId)
    {
        succeed(new CancelOrder(accountId, orderId));
    }

    List<TradeExecuted> trades()
    {
        return all(TradeExecuted.class);
    }

    <E extends Event> List<E> all(final Class<E> type)
    {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <E extends Event> E first(final Class<E> type)
    {
        final List<E> found = all(type);
        assertThat(found).as("events of type %s", type.getSimpleName()).isNotEmpty();
        return found.get(0);
    }

    <E extends Event> E last(final Class<E> type)
    {
        final List<E> found = all(type);
        assertThat(found).as("events of type %s", type.getSimpleName()).isNotEmpty();
        return found.get(found.size() - 1);
    }

    /** @return the last view of the order in the last command's events. */
    OrderView lastViewOf(final long orderId)
    {
        OrderView found = null;
        for (final Event event : events)
        {
            final OrderView view = orderViewOf(event);
            if (view != null && view.orderId() == orderId)
            {
                found = view;
            }
        }
        assertThat(found).as("a view of order %d", orderId).isNotNull();
        return found;
    }

    long balance(final long accountId, final String currency)
    {
        return engine.balance(accountId, currency);
    }

    long available(final long accountId, final String currency)
    {
        return engine.available(accountId, currency);
    }

    static OrderView orderViewOf(final Event event)
    {
        return switch (event)
        {
            case OrderAccepted accepted -> accepted.order();
            case OrderTriggered triggered -> triggered.order();
            case OrderFilled filled -> filled.order();
            case OrderCancelled cancelled -> cancelled.order();
            default -> null;
        };
    }

    static void assertOrderInvariant(final OrderView view)
    {
        assertThat(view.filledQuantity() + view.remainQuantity() + view.cancelledQuantity())
            .as("filled + remain + cancelled of %s", view).isEqualTo(view.initialQuantity());
        assertThat(view.remainQuantity()).as("remain of %s", view).isNotNegative();
        assertThat(view.reserveRemaining()).as("reserve of %s", view).isBetween(0L, view.reservedValue());
        assertThat(view.status()).as("status of %s", view).isNotNull();
        if (view.status() == OrderStatus.COMPLETE)
        {
            assertThat(view.remainQuantity()).as("remain of complete %s", view).isZero();
            assertThat(view.reserveRemaining()).as("reserve of complete %s", view).isZero();
        }
        assertThat(String.valueOf(view.orderId())).as("order ID").hasSize(14);
    }

    /** For every currency: deposits less withdrawals == sum of balances + fees; 0 <= available <= balance. */
    static void assertConservation(final Engine engine)
    {
        for (final String currency : engine.currencies())
        {
            long sum = 0;
            for (long accountId = 1; accountId <= engine.accountCount(); accountId++)
            {
                final long balance = engine.balance(accountId, currency);
                final long available = engine.available(accountId, currency);
                assertThat(available).as("available of %d in %s", accountId, currency).isBetween(0L, balance);
                sum = Math.addExact(sum, balance);
            }
            assertThat(engine.netDeposits(currency)).as("net deposits of %s", currency)
                .isEqualTo(sum + engine.feesCollected(currency));
        }
    }
}
