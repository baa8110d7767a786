package dev.bourse.engine;

import dev.bourse.engine.command.Command;
import dev.bourse.engine.event.OrderView;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * The exchange as a deterministic state machine: it holds every balance, order book and API-key record and decides
 * every outcome. It does no I/O, reads no clock (time comes with each command) and starts no thread: the same
 * commands with the same timestamps always give the same events and the same {@link #stateHash()}.
 *
 * <h2>Units</h2>
 * Money is fixed-point {@code long}. Each currency has a scale (decimals of its base unit, fixed at creation): an
 * amount of a currency is a count of its base units. A price is in base units of the Market per one whole unit of
 * the Currency, so {@code volume = price * quantity / 10^currencyScale}, exact because a pair's price and amount
 * decimals together never exceed the Market's scale. Fee rates are in millionths (ppm).
 *
 * <h2>Rules</h2>
 * <ul>
 *     <li>Every command is validated completely before anything changes: a rejected command emits one
 *     {@link dev.bourse.engine.event.CommandRejected} and changes nothing.</li>
 *     <li>Price-time priority; trades at the resting order's price.</li>
 *     <li>A BUY reserves {@code volume + fee} of the Market at the higher of the pair's two fee rates; a SELL
 *     reserves its quantity of the Currency. A BUY that fills below its limit gets the excess released at once.</li>
 *     <li>Fees are charged in the Market currency, rounded up, on the running total of an order's fills (so the
 *     sum of an order's fees is the rounded-up fee of its whole volume); nothing is created or destroyed.</li>
 *     <li>Self-trade prevention, per order (the engine's default unless the order names one): an incoming order
 *     meeting a resting order of its own account cancels the resting order's remainder and goes on (EXPIRE_MAKER),
 *     cancels its own remainder (EXPIRE_TAKER), both (EXPIRE_BOTH), or trades with it (NONE).</li>
 *     <li>Time in force of a LIMIT order: GTC rests; IOC cancels what does not fill at once; FOK fills whole at once
 *     or is cancelled whole; POST_ONLY is rejected (3231) if it would trade at once.</li>
 *     <li>A client order ID the account still remembers (a window after its order was accepted, and a count) answers
 *     the order first placed with it instead of placing another.</li>
 *     <li>A MARKET BUY is priced by walking the book first; if the account cannot pay for what would fill, it is
 *     rejected with 3301. What a market order cannot fill is cancelled.</li>
 *     <li>A STOPLIMIT BUY triggers when the last trade price is at or above its stop price, a SELL when it is at or
 *     below; one placed when its condition already holds enters the book at once. Triggered orders enter in the
 *     order they were triggered (lower stop prices first for BUY, higher first for SELL, then time).</li>
 *     <li>Cancel-all is one command: it cancels every open order of the account on the pair (or every pair), of one
 *     side or both, and costs time in proportion to those orders only: it copies their IDs out of the account's
 *     list and releases their reserves without reading the orders, then takes each order out of the open-order
 *     index and unlinks it from its level; nothing is left for later commands.</li>
 *     <li>A dead man's switch, one per account, is engine state: {@code FireDeadMansSwitches} fires those whose
 *     deadline its timestamp has reached, as cancel-alls; {@link #nextDeadlineMs()} says when the next one is due.</li>
 * </ul>
 * Not thread-safe: one thread applies commands and reads state.
 */
public final class Engine
{
    private final EngineState state;

    /** @param configuration the limits of this engine. */
    public Engine(final EngineConfiguration configuration)
    {
        this.state = new EngineState(configuration);
    }

    private Engine(final EngineState state)
    {
        this.state = state;
    }

    /**
     * Applies one command.
     *
     * @param command     the command.
     * @param timestampMs its time, ms since the epoch (order and trade times).
     * @param sink        receives the command's events, in order.
     * @return {@link Status#SUCCESS} or the reason of the rejection.
     */
    public Status apply(final Command command, final long timestampMs, final EventSink sink)
    {
        return state.apply(command, timestampMs, sink);
    }

    /** @return the configuration of this engine. */
    public EngineConfiguration configuration()
    {
        return state.configuration();
    }

    /**
     * @return a 64-bit hash of the whole state, equal for equal states in any run and any JVM: it is the hash of the
     * snapshot's bytes.
     */
    public long stateHash()
    {
        return state.stateHash();
    }

    /**
     * Writes the whole state; {@link #readSnapshot(DataInput, EngineConfiguration)} restores it.
     *
     * @param out where to write.
     * @throws IOException when {@code out} fails.
     */
    public void writeSnapshot(final DataOutput out) throws IOException
    {
        SnapshotCodec.write(state, out);
    }

    /**
     * @param in            a snapshot written by {@link #writeSnapshot(DataOutput)}.
     * @param configuration the limits of the restored engine.
     * @return the engine in the state the snapshot holds.
     * @throws IOException when {@code in} fails or does not hold a valid snapshot.
     */
    public static Engine readSnapshot(final DataInput in, final EngineConfiguration configuration) throws IOException
    {
        return new Engine(SnapshotCodec.read(in, configuration));
    }

    /** @return total balance of the account in the currency, base units; 0 when either is unknown. */
    public long balance(final long accountId, final String currency)
    {
        return state.balance(accountId, currency);
    }

    /** @return balance less reserves of the account in the currency, base units; 0 when either is unknown. */
    public long available(final long accountId, final String currency)
    {
        return state.available(accountId, currency);
    }

    /** @return fees the exchange collected in the currency, base units. */
    public long feesCollected(final String currency)
    {
        return state.feesCollected(currency);
    }

    /** @return deposits less withdrawals of the currency (amounts, fees excluded), base units. */
    public long netDeposits(final String currency)
    {
        return state.netDeposits(currency);
    }

    /** @return the scale of the currency, or -1 when it does not exist. */
    public int currencyScale(final String currency)
    {
        return state.currencyScale(currency);
    }

    /** @return the currency codes, in creation order. */
    public List<String> currencies()
    {
        return state.currencies();
    }

    /** @return the coin pairs, in creation order. */
    public List<String> coinPairs()
    {
        return state.coinPairs();
    }

    /** @return the policy of the pair, or null when it does not exist. */
    public PairPolicy pairPolicy(final String coinPair)
    {
        return state.pairPolicy(coinPair);
    }

    /** @return the number of accounts; their IDs are 1..count. */
    public long accountCount()
    {
        return state.accountCount();
    }

    /** @return the account's label (empty for none), or null when the account does not exist. */
    public String accountLabel(final long accountId)
    {
        return state.accountLabel(accountId);
    }

    /** @return the open order, or null when it is unknown or complete (the engine keeps only open orders). */
    public OrderView openOrder(final long orderId)
    {
        return state.openOrder(orderId);
    }

    /** @return the account's open orders on the pair, ascending by ID. */
    public List<OrderView> openOrders(final long accountId, final String coinPair)
    {
        return state.openOrders(accountId, coinPair);
    }

    /** @return the number of open orders of the account on every pair. */
    public int openOrderCount(final long accountId)
    {
        return state.openOrderCount(accountId);
    }

    /** @return the number of open orders on the pair: resting in the book plus PENDING stops. */
    public int openOrderCountOfPair(final String coinPair)
    {
        return state.openOrderCountOfPair(coinPair);
    }

    /** @return the highest bid price of the pair, or 0 when its bid side is empty. */
    public long bestBid(final String coinPair)
    {
        return state.bestPrice(coinPair, Side.BUY);
    }

    /** @return the lowest ask price of the pair, or 0 when its ask side is empty. */
    public long bestAsk(final String coinPair)
    {
        return state.bestPrice(coinPair, Side.SELL);
    }

    /**
     * @return the earliest deadline of an armed dead man's switch, or {@link Long#MAX_VALUE} when none is armed:
     * a {@link dev.bourse.engine.command.FireDeadMansSwitches} with a timestamp at or after it fires that switch.
     */
    public long nextDeadlineMs()
    {
        return state.nextDeadlineMs();
    }

    /** @return when the account's dead man's switch fires, 0 while it is disarmed (or the account is unknown). */
    public long deadMansSwitchDeadlineMs(final long accountId)
    {
        return state.deadMansSwitchDeadlineMs(accountId);
    }

    /** @return the pair the account's dead man's switch covers, null for every pair (or when it is disarmed). */
    public String deadMansSwitchPair(final long accountId)
    {
        return state.deadMansSwitchPair(accountId);
    }

    /** @return how many client order IDs the account remembers now (expired ones until its next order drops them). */
    public int clientOrderIdCount(final long accountId)
    {
        return state.clientOrderIdCount(accountId);
    }

    /** @return the price of the pair's last trade, or 0 before its first. */
    public long lastPrice(final String coinPair)
    {
        return state.lastPrice(coinPair);
    }
}
