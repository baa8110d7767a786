package dev.bourse.engine;

import dev.bourse.engine.command.CreateAccount;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Writes and reads the whole engine state in a canonical order (equal states give equal bytes), which also makes
 * the state hash: the hash of those bytes. Orders are written level by level, oldest first, so a restore rebuilds
 * the same priorities. The state hash follows the state as a checksum, so that a damaged snapshot is refused.
 */
final class SnapshotCodec
{
    static final int MAGIC = 0x42525345; // "BRSE"
    static final int VERSION = 3;
    /** The oldest version {@link #read} accepts: version 2 lacks the account labels (read as empty). */
    static final int OLDEST_READABLE_VERSION = 2;
    private static final int FIRST_VERSION_WITH_LABELS = 3;
    private static final int END = 0x454E4421; // "END!"

    private SnapshotCodec()
    {
    }

    static long hash(final EngineState state)
    {
        return hash(state, VERSION);
    }

    private static long hash(final EngineState state, final int version)
    {
        final HashingOutputStream hashing = new HashingOutputStream();
        try
        {
            writeBody(state, version, new DataOutputStream(hashing));
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
        writeBody(state, VERSION, body);
        body.flush();
        out.writeLong(hashing.value());
    }

    /** Writes the state in a format version; an older one is written only to check the checksum of what was read. */
    private static void writeBody(final EngineState state, final int version, final DataOutput out)
        throws IOException
    {
        out.writeInt(MAGIC);
        out.writeInt(version);
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
            if (version >= FIRST_VERSION_WITH_LABELS)
            {
                out.writeUTF(account.label);
            }
            for (final Currency currency : state.currencies)
            {
                out.writeLong(account.balance(currency));
                out.writeLong(account.reserved(currency));
            }
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

    private static void writeSide(final BookSide side, final DataOutput out) throws IOException
    {
        out.writeInt(side.orderCount());
        for (final PriceLevel level : side.levels())
        {
            for (Order order = level.head; order != null; order = order.next)
            {
                writeOrder(order, out);
            }
        }
    }

    private static void writeOrder(final Order order, final DataOutput out) throws IOException
    {
        out.writeLong(order.id);
        out.writeLong(order.account.id);
        out.writeByte(EnumCodes.code(order.type));
        out.writeByte(EnumCodes.code(order.side));
        out.writeLong(order.price);
        out.writeLong(order.stopPrice);
        out.writeLong(order.initialQuantity);
        out.writeLong(order.reservedValue);
        out.writeInt(order.makerFeePpm);
        out.writeInt(order.takerFeePpm);
        out.writeLong(order.createdAtMs);
        out.writeLong(order.remain);
        out.writeLong(order.filled);
        out.writeLong(order.cancelled);
        out.writeLong(order.filledVolume);
        out.writeLong(order.feeUnits);
        out.writeLong(order.feeRemainderPpm);
        out.writeLong(order.reserveRemaining);
        out.writeByte(EnumCodes.code(order.status));
    }

    /** @throws IOException when the snapshot is truncated or damaged; no state is returned then. */
    static EngineState read(final DataInput in, final EngineConfiguration configuration) throws IOException
    {
        final Read read;
        try
        {
            read = readBody(in, configuration);
        }
        catch (final RuntimeException corrupt)
        {
            throw new IOException("engine snapshot is corrupt: " + corrupt, corrupt);
        }
        final EngineState state = read.state();
        if (in.readLong() != hash(state, read.version()))
        {
            throw new IOException("engine snapshot is corrupt (its checksum does not match its content)");
        }
        return state;
    }

    private record Read(EngineState state, int version)
    {
    }

    private static Read readBody(final DataInput in, final EngineConfiguration configuration) throws IOException
    {
        if (in.readInt() != MAGIC)
        {
            throw new IOException("not an engine snapshot (bad magic number)");
        }
        final int version = in.readInt();
        if (version < OLDEST_READABLE_VERSION || version > VERSION)
        {
            throw new IOException("engine snapshot format version " + version + " is not supported (this build " +
                "reads versions " + OLDEST_READABLE_VERSION + ".." + VERSION + ")");
        }
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
            final String label = version >= FIRST_VERSION_WITH_LABELS ? in.readUTF() : "";
            if (!CreateAccount.isValidLabel(label))
            {
                throw new IOException("engine snapshot holds an invalid label for account " + (i + 1));
            }
            final Account account = new Account(i + 1, label, currencyCount);
            reservedByAccount[i] = new long[currencyCount];
            for (int c = 0; c < currencyCount; c++)
            {
                account.balances[c] = in.readLong();
                reservedByAccount[i][c] = in.readLong();
            }
            state.accounts.add(account);
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
        for (final Pair pair : state.pairs)
        {
            readSide(state, pair, Side.BUY, false, orders, in);
            readSide(state, pair, Side.SELL, false, orders, in);
            readSide(state, pair, Side.BUY, true, orders, in);
            readSide(state, pair, Side.SELL, true, orders, in);
        }
        if (in.readInt() != END)
        {
            throw new IOException("engine snapshot is truncated or corrupt (no end marker)");
        }
        indexOrders(state, orders);
        checkReserves(state, reservedByAccount);
        return new Read(state, version);
    }

    private static void readSide(
        final EngineState state,
        final Pair pair,
        final Side sideOfOrders,
        final boolean stops,
        final List<Order> orders,
        final DataInput in) throws IOException
    {
        final BookSide side = stops ? pair.stops(sideOfOrders) : pair.book(sideOfOrders);
        final int count = readCount(in, state.configuration.maxOpenOrdersPerPair());
        for (int i = 0; i < count; i++)
        {
            final Order order = new Order(in.readLong(), knownAccount(state, in.readLong()), pair,
                code(EnumCodes::orderType, in.readByte()), code(EnumCodes::side, in.readByte()),
                in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readInt(), in.readInt(),
                in.readLong());
            order.remain = in.readLong();
            order.filled = in.readLong();
            order.cancelled = in.readLong();
            order.filledVolume = in.readLong();
            order.feeUnits = in.readLong();
            order.feeRemainderPpm = in.readLong();
            order.reserveRemaining = in.readLong();
            order.status = code(EnumCodes::orderStatus, in.readByte());
            if (order.side != sideOfOrders || !order.status.isOpen() || (order.status == OrderStatus.PENDING) != stops ||
                order.remain <= 0 || order.filled + order.remain + order.cancelled != order.initialQuantity)
            {
                throw new IOException("engine snapshot holds an inconsistent order " + order.id);
            }
            side.add(order, stops ? order.stopPrice : order.price);
            orders.add(order);
        }
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
            order.account.openOrdersOrCreate(order.pair).append(order);
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
