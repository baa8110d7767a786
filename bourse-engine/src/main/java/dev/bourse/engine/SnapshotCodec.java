package dev.bourse.engine;

import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.PlaceOrder;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Writes and reads the whole engine state in a canonical order (equal states give equal bytes), which also makes
 * the state hash: the hash of those bytes. Orders are written level by level, oldest first, so a restore rebuilds
 * the same priorities. The state hash follows the state as a checksum, so that a damaged snapshot is refused.
 * Version 3 added each account's label, dead man's switch and client order IDs, and each order's time in force,
 * self-trade prevention and client order ID; version 2 snapshots are still read (without them: no label, no switch,
 * no ID, GTC and the configured self-trade prevention).
 */
final class SnapshotCodec
{
    static final int MAGIC = 0x42525345; // "BRSE"
    static final int VERSION = 3;
    private static final int VERSION_WITHOUT_ORDER_ENTRY_OPTIONS = 2;
    private static final int EVERY_PAIR = -1;
    private static final int END = 0x454E4421; // "END!"

    private SnapshotCodec()
    {
    }

    static long hash(final EngineState state)
    {
        final HashingOutputStream hashing = new HashingOutputStream();
        try
        {
            writeBody(state, new DataOutputStream(hashing));
        }
        catch (final IOException impossible)
        {
            throw new UncheckedIOException(impossible);
        }
        return hashing.value();
    }

    /** Writes the state followed by its hash, which {@link #read} checks: a damaged snapshot is refused. */
    static void write(final EngineState state, final DataOutput out) throws IOException
    {
        final HashingOutputStream hashing = new HashingOutputStream();
        final OutputStream tee = new OutputStream()
        {
            @Override
            public void write(final int b) throws IOException
            {
                hashing.write(b);
                out.write(b);
            }

            @Override
            public void write(final byte[] bytes, final int offset, final int length) throws IOException
            {
                hashing.write(bytes, offset, length);
                out.write(bytes, offset, length);
            }
        };
        final DataOutputStream body = new DataOutputStream(tee);
        writeBody(state, body);
        body.flush();
        out.writeLong(hashing.value());
    }

    private static void writeBody(final EngineState state, final DataOutput out) throws IOException
    {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(state.orderSequence);
        out.writeLong(state.tradeSequence);
        out.writeLong(state.transferSequence);

        out.writeInt(state.currencies.size());
        for (final Currency currency : state.currencies)
        {
            out.writeUTF(currency.code);
            out.writeInt(currency.scale);
            out.writeLong(currency.netDeposits);
            out.writeLong(currency.fees);
        }

        out.writeInt(state.pairs.size());
        for (final Pair pair : state.pairs)
        {
            out.writeUTF(pair.currency.code);
            out.writeUTF(pair.market.code);
            PairPolicyCodec.write(pair.policy, out);
            out.writeLong(pair.lastPrice);
        }

        out.writeInt(state.accounts.size());
        for (final Account account : state.accounts)
        {
            out.writeUTF(account.label);
            for (final Currency currency : state.currencies)
            {
                out.writeLong(account.balance(currency));
                out.writeLong(account.reserved(currency));
            }
            out.writeLong(account.deadMansSwitchDeadlineMs);
            out.writeInt(account.deadMansSwitchPair == null ? EVERY_PAIR : account.deadMansSwitchPair.id);
            writeClientOrderIds(account.clientOrderIds, out);
        }

        out.writeInt(state.apiKeys.size());
        for (final ApiKeyRecord key : state.apiKeys.values())
        {
            out.writeLong(key.accountId());
            out.writeUTF(key.apiKey());
            out.writeUTF(key.secretCiphertext());
            out.writeInt(key.requestsPerSecond());
            out.writeInt(key.requestsPerMinute());
            out.writeUTF(key.allowedIps());
            out.writeBoolean(key.revoked());
        }

        for (final Pair pair : state.pairs)
        {
            writeSide(pair.bids, out);
            writeSide(pair.asks, out);
            writeSide(pair.buyStops, out);
            writeSide(pair.sellStops, out);
        }
        out.writeInt(END);
    }

    private static void writeClientOrderIds(final ClientOrderIds ids, final DataOutput out) throws IOException
    {
        out.writeInt(ids == null ? 0 : ids.size());
        if (ids != null)
        {
            for (final ClientOrderIds.Entry entry : ids.oldestFirst())
            {
                out.writeUTF(entry.clientOrderId());
                out.writeLong(entry.orderId());
                out.writeLong(entry.acceptedAtMs());
            }
        }
    }

    /** Writes the side's orders in priority order. */
    private static void writeSide(final BookSide side, final DataOutput out) throws IOException
    {
        out.writeInt(side.orderCount());
        for (PriceLevel level = side.best(); level != null; level = level.worse)
        {
            for (Order order = level.first(); order != null; order = level.next(order))
            {
                writeOrder(order, out);
            }
        }
    }

    private static void writeOrder(final Order order, final DataOutput out) throws IOException
    {
        final OrderTerms terms = order.terms;
        out.writeLong(order.id);
        out.writeLong(order.account.id);
        out.writeByte(EnumCodes.code(terms.type()));
        out.writeByte(EnumCodes.code(terms.side()));
        out.writeLong(order.price);
        out.writeLong(order.stopPrice());
        out.writeLong(order.initialQuantity);
        out.writeLong(order.reservedValue());
        out.writeInt(terms.makerFeePpm());
        out.writeInt(terms.takerFeePpm());
        out.writeLong(order.createdAtMs);
        out.writeLong(order.remain());
        out.writeLong(order.filled);
        out.writeLong(order.cancelled());
        out.writeLong(order.filledVolume);
        out.writeLong(order.feeUnits);
        out.writeLong(order.feeRemainderPpm);
        out.writeLong(order.reserveRemaining);
        out.writeByte(EnumCodes.code(order.status()));
        out.writeByte(EnumCodes.code(terms.timeInForce()));
        out.writeByte(EnumCodes.code(terms.selfTradePrevention()));
        out.writeBoolean(order.clientOrderId != null);
        if (order.clientOrderId != null)
        {
            out.writeUTF(order.clientOrderId);
        }
    }

    /**
     * Reads a snapshot of this version, checked by hashing the state read (which also proves it canonical), or of
     * the previous one, checked by hashing the bytes read.
     *
     * @throws IOException when the snapshot is truncated or damaged; no state is returned then.
     */
    static EngineState read(final DataInput in, final EngineConfiguration configuration) throws IOException
    {
        final int magic = in.readInt();
        if (magic != MAGIC)
        {
            throw new IOException("not an engine snapshot (bad magic number)");
        }
        final int version = in.readInt();
        if (version != VERSION && version != VERSION_WITHOUT_ORDER_ENTRY_OPTIONS)
        {
            throw new IOException("engine snapshot format version " + version + " is not supported (this build " +
                "reads versions " + VERSION_WITHOUT_ORDER_ENTRY_OPTIONS + " and " + VERSION + ")");
        }
        final boolean current = version == VERSION;
        final HashingOutputStream readBytes = new HashingOutputStream();
        final DataInput body = current ? in : new DataInputStream(new HashingInputStream(in, readBytes));
        if (!current)
        {
            final DataOutputStream head = new DataOutputStream(readBytes);
            head.writeInt(magic);
            head.writeInt(version);
        }
        final EngineState state;
        try
        {
            state = readBody(body, configuration, current);
        }
        catch (final RuntimeException corrupt)
        {
            throw new IOException("engine snapshot is corrupt: " + corrupt, corrupt);
        }
        if (in.readLong() != (current ? hash(state) : readBytes.value()))
        {
            throw new IOException("engine snapshot is corrupt (its checksum does not match its content)");
        }
        return state;
    }

    private static EngineState readBody(
        final DataInput in, final EngineConfiguration configuration, final boolean withOptions) throws IOException
    {
        final EngineState state = new EngineState(configuration);
        state.orderSequence = in.readLong();
        state.tradeSequence = in.readLong();
        state.transferSequence = in.readLong();

        final int currencyCount = readCount(in, configuration.maxCurrencies());
        for (int i = 0; i < currencyCount; i++)
        {
            final Currency currency = new Currency(i, in.readUTF(), in.readInt());
            currency.netDeposits = in.readLong();
            currency.fees = in.readLong();
            state.currencies.add(currency);
            state.currenciesByCode.put(currency.code, currency);
        }

        final int pairCount = readCount(in, configuration.maxPairs());
        for (int i = 0; i < pairCount; i++)
        {
            final Currency currency = knownCurrency(state, in.readUTF());
            final Currency market = knownCurrency(state, in.readUTF());
            final Pair pair = new Pair(i, currency, market, PairPolicyCodec.read(in));
            pair.lastPrice = in.readLong();
            state.pairs.add(pair);
            state.pairsByName.put(pair.coinPair, pair);
        }

        final int accountCount = readCount(in, configuration.maxAccounts());
        final long[][] reservedByAccount = new long[accountCount][];
        for (int i = 0; i < accountCount; i++)
        {
            final String label = withOptions ? in.readUTF() : "";
            if (!CreateAccount.isValidLabel(label))
            {
                throw new IOException("engine snapshot holds an invalid label for account " + (i + 1));
            }
            final Account account = new Account(i + 1, label, currencyCount);
            reservedByAccount[i] = new long[currencyCount];
            for (int c = 0; c < currencyCount; c++)
            {
                account.restoreBalance(state.currencies.get(c), in.readLong());
                reservedByAccount[i][c] = in.readLong();
            }
            state.accounts.add(account);
            if (withOptions)
            {
                readDeadMansSwitch(state, account, in);
                readClientOrderIds(account, configuration.maxClientOrderIdsPerAccount(), in);
            }
        }

        final int keyCount = readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < keyCount; i++)
        {
            final ApiKeyRecord key = new ApiKeyRecord(in.readLong(), in.readUTF(), in.readUTF(), in.readInt(),
                in.readInt(), in.readUTF(), in.readBoolean());
            knownAccount(state, key.accountId()).apiKeyCount++;
            state.apiKeys.put(key.apiKey(), key);
        }

        final List<Order> orders = new ArrayList<>();
        final Map<OrderTerms, OrderTerms> termsRead = new HashMap<>();
        for (final Pair pair : state.pairs)
        {
            readSide(state, pair, Side.BUY, false, withOptions, orders, termsRead, in);
            readSide(state, pair, Side.SELL, false, withOptions, orders, termsRead, in);
            readSide(state, pair, Side.BUY, true, withOptions, orders, termsRead, in);
            readSide(state, pair, Side.SELL, true, withOptions, orders, termsRead, in);
        }
        if (in.readInt() != END)
        {
            throw new IOException("engine snapshot is truncated or corrupt (no end marker)");
        }
        indexOrders(state, orders);
        checkReserves(state, reservedByAccount);
        return state;
    }

    private static void readDeadMansSwitch(final EngineState state, final Account account, final DataInput in)
        throws IOException
    {
        final long deadlineMs = in.readLong();
        final int pairId = in.readInt();
        if (deadlineMs < 0 || pairId < EVERY_PAIR || pairId >= state.pairs.size() ||
            (deadlineMs == 0 && pairId != EVERY_PAIR))
        {
            throw new IOException("engine snapshot holds an invalid dead man's switch of account " + account.id);
        }
        state.deadMansSwitches.arm(account, pairId == EVERY_PAIR ? null : state.pairs.get(pairId), deadlineMs);
    }

    private static void readClientOrderIds(final Account account, final int max, final DataInput in)
        throws IOException
    {
        final int count = readCount(in, max);
        for (int i = 0; i < count; i++)
        {
            final ClientOrderIds.Entry entry = new ClientOrderIds.Entry(readClientOrderId(in), in.readLong(),
                in.readLong());
            account.clientOrderIdsOrCreate().restore(entry);
        }
    }

    private static String readClientOrderId(final DataInput in) throws IOException
    {
        final String clientOrderId = in.readUTF();
        if (!PlaceOrder.isValidClientOrderId(clientOrderId))
        {
            throw new IOException("engine snapshot holds an invalid client order ID");
        }
        return clientOrderId;
    }

    private static void readSide(
        final EngineState state,
        final Pair pair,
        final Side sideOfOrders,
        final boolean stops,
        final boolean withOptions,
        final List<Order> orders,
        final Map<OrderTerms, OrderTerms> termsRead,
        final DataInput in) throws IOException
    {
        final BookSide side = stops ? pair.stops(sideOfOrders) : pair.book(sideOfOrders);
        final int count = readCount(in, state.configuration.maxOpenOrdersPerPair());
        for (int i = 0; i < count; i++)
        {
            final long id = in.readLong();
            final Account account = knownAccount(state, in.readLong());
            final OrderType type = code(EnumCodes::orderType, in.readByte());
            final Side orderSide = code(EnumCodes::side, in.readByte());
            final long price = in.readLong();
            final long stopPrice = in.readLong();
            final long initialQuantity = in.readLong();
            final long reservedValue = in.readLong();
            final int makerFeePpm = in.readInt();
            final int takerFeePpm = in.readInt();
            final long createdAtMs = in.readLong();
            final long remain = in.readLong();
            final long filled = in.readLong();
            final long cancelled = in.readLong();
            final long filledVolume = in.readLong();
            final long feeUnits = in.readLong();
            final long feeRemainderPpm = in.readLong();
            final long reserveRemaining = in.readLong();
            final OrderStatus status = code(EnumCodes::orderStatus, in.readByte());
            final TimeInForce timeInForce = withOptions ? code(EnumCodes::timeInForce, in.readByte()) : TimeInForce.GTC;
            final SelfTradePrevention prevention = withOptions ?
                code(EnumCodes::selfTradePrevention, in.readByte()) : state.configuration.selfTradePrevention();
            final String clientOrderId = withOptions && in.readBoolean() ? readClientOrderId(in) : null;
            final OrderTerms terms = terms(pair, orderSide, type, timeInForce, prevention, makerFeePpm, takerFeePpm,
                termsRead);
            final Order order = Order.accept(id, account, terms, price, stopPrice, initialQuantity,
                reserveRemaining, createdAtMs, clientOrderId);
            order.filled = filled;
            order.filledVolume = filledVolume;
            order.feeUnits = feeUnits;
            order.feeRemainderPpm = (int)feeRemainderPpm;
            order.status(status);
            if (orderSide != sideOfOrders || !status.isOpen() || (status == OrderStatus.PENDING) != stops ||
                type == OrderType.MARKET || (type == OrderType.LIMIT && stopPrice != 0) || !order.canRest() ||
                filled < 0 || remain <= 0 || cancelled != 0 || filled + remain != initialQuantity ||
                order.reservedValue() != reservedValue || reserveRemaining < 0 || feeUnits < 0 ||
                feeRemainderPpm < 0 || feeRemainderPpm >= PairPolicy.PPM)
            {
                throw new IOException("engine snapshot holds an inconsistent order " + id);
            }
            side.add(order);
            orders.add(order);
        }
    }

    /**
     * @return the terms of an order read: the pair's current ones when its fee rates are the pair's now, else the
     * same object for every order read with the same terms.
     */
    private static OrderTerms terms(
        final Pair pair,
        final Side side,
        final OrderType type,
        final TimeInForce timeInForce,
        final SelfTradePrevention prevention,
        final int makerFeePpm,
        final int takerFeePpm,
        final Map<OrderTerms, OrderTerms> termsRead)
    {
        final OrderTerms current = pair.terms(side, type, timeInForce, prevention);
        if (current.makerFeePpm() == makerFeePpm && current.takerFeePpm() == takerFeePpm)
        {
            return current;
        }
        return termsRead.computeIfAbsent(
            new OrderTerms(pair, side, type, timeInForce, prevention, makerFeePpm, takerFeePpm), read -> read);
    }

    private static void indexOrders(final EngineState state, final List<Order> orders) throws IOException
    {
        orders.sort(Comparator.comparingLong(order -> order.id));
        for (final Order order : orders)
        {
            if (!state.openOrders.add(order))
            {
                throw new IOException("engine snapshot holds order " + order.id + " twice");
            }
            order.account.openOrdersOrCreate(order.pair()).append(order, state.openOrders);
            order.account.openOrderCount++;
        }
    }

    /** Reserves are derived from the open orders; the written ones must agree with them. */
    private static void checkReserves(final EngineState state, final long[][] reservedByAccount) throws IOException
    {
        state.openOrders.forEach(order -> order.account.reserve(order.reserveCurrency(), order.reserveRemaining));
        for (final Account account : state.accounts)
        {
            for (final Currency currency : state.currencies)
            {
                if (account.reserved(currency) != reservedByAccount[(int)(account.id - 1)][currency.id])
                {
                    throw new IOException("engine snapshot: reserves of account " + account.id + " in " +
                        currency.code + " do not match its open orders");
                }
            }
        }
    }

    private static int readCount(final DataInput in, final int max) throws IOException
    {
        final int count = in.readInt();
        if (count < 0 || count > max)
        {
            throw new IOException("engine snapshot holds a count out of range: " + count);
        }
        return count;
    }

    private static Currency knownCurrency(final EngineState state, final String code) throws IOException
    {
        final Currency currency = state.currency(code);
        if (currency == null)
        {
            throw new IOException("engine snapshot names an unknown currency " + code);
        }
        return currency;
    }

    private static Account knownAccount(final EngineState state, final long accountId) throws IOException
    {
        final Account account = state.account(accountId);
        if (account == null)
        {
            throw new IOException("engine snapshot names an unknown account " + accountId);
        }
        return account;
    }

    private static <E extends Enum<E>> E code(final IntFunction<E> decoder, final int code) throws IOException
    {
        try
        {
            return decoder.apply(code);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IOException("engine snapshot holds an " + ex.getMessage(), ex);
        }
    }

    /** Reads a {@link DataInput} a byte at a time, hashing each byte (for snapshots of the previous version). */
    private static final class HashingInputStream extends InputStream
    {
        private final DataInput in;
        private final HashingOutputStream hashing;

        HashingInputStream(final DataInput in, final HashingOutputStream hashing)
        {
            this.in = in;
            this.hashing = hashing;
        }

        @Override
        public int read() throws IOException
        {
            final int b;
            try
            {
                b = in.readUnsignedByte();
            }
            catch (final EOFException end)
            {
                return -1;
            }
            hashing.write(b);
            return b;
        }
    }

    /** A 64-bit hash of a byte stream, specified here so that it is the same on every JVM. */
    private static final class HashingOutputStream extends OutputStream
    {
        private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;
        private long hash = 0x42_6F_75_72_73_65L;
        private long length;

        @Override
        public void write(final int b)
        {
            hash = Long.rotateLeft((hash ^ (b & 0xFF)) * MULTIPLIER, 27);
            length++;
        }

        long value()
        {
            long h = hash ^ length;
            h ^= h >>> 33;
            h *= 0xFF51AFD7ED558CCDL;
            h ^= h >>> 33;
            h *= 0xC4CEB9FE1A85EC53L;
            h ^= h >>> 33;
            return h;
        }
    }
}
