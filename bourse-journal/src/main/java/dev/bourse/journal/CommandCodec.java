package dev.bourse.journal;

import dev.bourse.engine.OrderType;
import dev.bourse.engine.PairPolicy;
import dev.bourse.engine.PairState;
import dev.bourse.engine.SelfTradePrevention;
import dev.bourse.engine.Side;
import dev.bourse.engine.TimeInForce;
import dev.bourse.engine.TransferDetails;
import dev.bourse.engine.TransferType;
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

import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The binary encoding of every {@link Command}, version {@link #VERSION}; it also decodes the older versions (from
 * {@link #OLDEST_VERSION}), which the segment header names.
 *
 * <h2>Encoding</h2>
 * Little-endian. One type tag byte ({@link #PUT_PAIR} ... {@link #FIRE_DEAD_MANS_SWITCHES}), then the record's
 * components in declaration order:
 * <ul>
 *     <li>{@code long}: 8 bytes; {@code int}: 4 bytes.</li>
 *     <li>{@code String}: a varint (unsigned LEB128) holding {@code byteLength + 1}, 0 for null, then the UTF-8
 *     bytes. Strings must be valid Unicode (no unpaired surrogate) so that decoding gives back the same string.</li>
 *     <li>enum: one byte, a fixed code per constant (see the {@code *Code} methods; never the ordinal), 0 for
 *     null.</li>
 *     <li>nested record ({@link PairPolicy}, {@link TransferDetails}): one presence byte (0 null, 1 present), then
 *     its components the same way.</li>
 * </ul>
 * Nulls are encoded so that whatever the engine was given is journaled exactly, even a command it will reject.
 * Decoding is strict: an unknown tag or enum code, a truncated value, invalid UTF-8 or bytes left over are a
 * {@link CommandCodecException}.
 * <p>
 * Adding a command or an enum constant breaks the exhaustive switches below at compile time: give it a new code.
 * When a command gains components it gets a new tag (or, for a command without components, a version of its own)
 * and {@link #VERSION} is bumped; the old form is still decoded, with the new components at the values that give the
 * old behaviour, so that every journal ever written replays identically (the writer starts a new segment rather than
 * append a newer version to an older segment).
 * <h2>Versions</h2>
 * <ul>
 *     <li>1: the first.</li>
 *     <li>2: {@link CreateAccount} carries its label (a string; version 1 decodes it with an empty label); time in
 *     force, self-trade prevention and client order ID on PlaceOrder (tag 9, was 6), the client order ID on
 *     CancelOrder (tag 10, was 7), the side on CancelAllOrders (tag 11, was 8, whose null pair, refused then with
 *     4009, decodes as the empty pair name, refused the same way, since null now means every pair), and
 *     SetDeadMansSwitch (12) and FireDeadMansSwitches (13).</li>
 * </ul>
 * <p>
 * Not thread-safe (it keeps a UTF-8 decoder and the state of the decode under way): one instance per thread.
 */
public final class CommandCodec
{
    /** The version of this encoding, stored in every segment header. */
    public static final int VERSION = 2;
    /** The oldest version {@link #decode(ByteBuffer, int, int, int)} reads. */
    public static final int OLDEST_VERSION = 1;
    private static final int FIRST_VERSION_WITH_ACCOUNT_LABELS = 2;

    /** Type tag of {@link PutPair}. */
    public static final byte PUT_PAIR = 1;
    /** Type tag of {@link CreateAccount}. */
    public static final byte CREATE_ACCOUNT = 2;
    /** Type tag of {@link Transfer}. */
    public static final byte TRANSFER = 3;
    /** Type tag of {@link IssueApiKey}. */
    public static final byte ISSUE_API_KEY = 4;
    /** Type tag of {@link RevokeApiKey}. */
    public static final byte REVOKE_API_KEY = 5;
    /** Type tag of a {@link PlaceOrder} of version 1, without time in force, self-trade prevention and ID. */
    public static final byte PLACE_ORDER_V1 = 6;
    /** Type tag of a {@link CancelOrder} of version 1, by order ID only. */
    public static final byte CANCEL_ORDER_V1 = 7;
    /** Type tag of a {@link CancelAllOrders} of version 1, one pair and both sides. */
    public static final byte CANCEL_ALL_ORDERS_V1 = 8;
    /** Type tag of {@link PlaceOrder}. */
    public static final byte PLACE_ORDER = 9;
    /** Type tag of {@link CancelOrder}. */
    public static final byte CANCEL_ORDER = 10;
    /** Type tag of {@link CancelAllOrders}. */
    public static final byte CANCEL_ALL_ORDERS = 11;
    /** Type tag of {@link SetDeadMansSwitch}. */
    public static final byte SET_DEAD_MANS_SWITCH = 12;
    /** Type tag of {@link FireDeadMansSwitches}. */
    public static final byte FIRE_DEAD_MANS_SWITCHES = 13;

    private static final byte NULL = 0;
    private static final byte PRESENT = 1;
    private static final int MAX_VARINT_BYTES = 5;

    private final CharsetDecoder utf8Decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final Input input = new Input();
    private byte[] stringBytes = new byte[64];

    /**
     * Encodes a command at the buffer's position and advances it.
     *
     * @param command the command.
     * @param buffer  where to write; its byte order is set to little-endian.
     * @return the number of bytes written.
     * @throws CommandCodecException when the command does not fit in the buffer's remaining bytes or holds a string
     *                               that is not valid Unicode; the buffer's position is then unspecified.
     */
    public int encode(final Command command, final ByteBuffer buffer)
    {
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        final int start = buffer.position();
        try
        {
            encodeBody(command, buffer);
        }
        catch (final BufferOverflowException ex)
        {
            throw new CommandCodecException(command.getClass().getSimpleName() + " does not fit in " +
                (buffer.limit() - start) + " bytes");
        }
        return buffer.position() - start;
    }

    /**
     * Decodes exactly one command of the current {@link #VERSION} from {@code length} bytes at {@code offset}
     * (absolute, the buffer's position is not used nor changed).
     *
     * @param buffer the bytes.
     * @param offset where the command starts.
     * @param length how many bytes it takes; all must be used.
     * @return the command.
     * @throws CommandCodecException when the bytes are not exactly one valid command.
     */
    public Command decode(final ByteBuffer buffer, final int offset, final int length)
    {
        return decode(buffer, offset, length, VERSION);
    }

    /**
     * Decodes exactly one command encoded by a given version of this codec.
     *
     * @param buffer  the bytes.
     * @param offset  where the command starts.
     * @param length  how many bytes it takes; all must be used.
     * @param version the version that encoded it, {@link #OLDEST_VERSION}..{@link #VERSION}.
     * @return the command.
     * @throws CommandCodecException when the bytes are not exactly one valid command of that version.
     */
    public Command decode(final ByteBuffer buffer, final int offset, final int length, final int version)
    {
        if (version < OLDEST_VERSION || version > VERSION)
        {
            throw new CommandCodecException("command encoding version " + version + " is not " + OLDEST_VERSION +
                ".." + VERSION);
        }
        final Input in = input.wrap(buffer, offset, length);
        final Command command;
        try
        {
            command = decodeBody(in, version);
        }
        catch (final BufferUnderflowException ex)
        {
            throw new CommandCodecException("truncated command: " + length + " bytes are not enough");
        }
        finally
        {
            in.release();
        }
        if (in.remaining() > 0)
        {
            throw new CommandCodecException(in.remaining() + " bytes left after a " +
                command.getClass().getSimpleName() + " of " + length + " bytes");
        }
        return command;
    }

    private static void encodeBody(final Command command, final ByteBuffer out)
    {
        switch (command)
        {
            case PutPair c ->
            {
                out.put(PUT_PAIR);
                putString(out, c.currency());
                putString(out, c.market());
                out.putInt(c.currencyScale());
                out.putInt(c.marketScale());
                putPolicy(out, c.policy());
            }
            case CreateAccount c ->
            {
                out.put(CREATE_ACCOUNT);
                putString(out, c.label());
            }
            case Transfer c ->
            {
                out.put(TRANSFER);
                out.putLong(c.accountId());
                out.put(transferTypeCode(c.type()));
                putString(out, c.currency());
                out.putLong(c.amount());
                out.putLong(c.fee());
                putDetails(out, c.details());
            }
            case IssueApiKey c ->
            {
                out.put(ISSUE_API_KEY);
                out.putLong(c.accountId());
                putString(out, c.apiKey());
                putString(out, c.secretCiphertext());
                out.putInt(c.requestsPerSecond());
                out.putInt(c.requestsPerMinute());
                putString(out, c.allowedIps());
            }
            case RevokeApiKey c ->
            {
                out.put(REVOKE_API_KEY);
                putString(out, c.apiKey());
            }
            case PlaceOrder c ->
            {
                out.put(PLACE_ORDER);
                out.putLong(c.accountId());
                putString(out, c.coinPair());
                out.put(orderTypeCode(c.type()));
                out.put(sideCode(c.side()));
                out.putLong(c.price());
                out.putLong(c.stopPrice());
                out.putLong(c.quantity());
                out.put(timeInForceCode(c.timeInForce()));
                out.put(selfTradePreventionCode(c.selfTradePrevention()));
                putString(out, c.clientOrderId());
            }
            case CancelOrder c ->
            {
                out.put(CANCEL_ORDER);
                out.putLong(c.accountId());
                out.putLong(c.orderId());
                putString(out, c.clientOrderId());
            }
            case CancelAllOrders c ->
            {
                out.put(CANCEL_ALL_ORDERS);
                out.putLong(c.accountId());
                putString(out, c.coinPair());
                out.put(sideCode(c.side()));
            }
            case SetDeadMansSwitch c ->
            {
                out.put(SET_DEAD_MANS_SWITCH);
                out.putLong(c.accountId());
                putString(out, c.coinPair());
                out.putLong(c.timeoutMs());
            }
            case FireDeadMansSwitches ignored -> out.put(FIRE_DEAD_MANS_SWITCHES);
        }
    }

    private Command decodeBody(final Input in, final int version)
    {
        final byte tag = in.get();
        return switch (tag)
        {
            case PUT_PAIR -> new PutPair(getString(in), getString(in), in.getInt(), in.getInt(), getPolicy(in));
            case CREATE_ACCOUNT -> version >= FIRST_VERSION_WITH_ACCOUNT_LABELS ?
                new CreateAccount(getString(in)) : new CreateAccount();
            case TRANSFER -> new Transfer(
                in.getLong(), transferType(in.get()), getString(in), in.getLong(), in.getLong(), getDetails(in));
            case ISSUE_API_KEY -> new IssueApiKey(
                in.getLong(), getString(in), getString(in), in.getInt(), in.getInt(), getString(in));
            case REVOKE_API_KEY -> new RevokeApiKey(getString(in));
            case PLACE_ORDER_V1 -> new PlaceOrder(
                in.getLong(), getString(in), orderType(in.get()), side(in.get()), in.getLong(), in.getLong(),
                in.getLong());
            case CANCEL_ORDER_V1 -> new CancelOrder(in.getLong(), in.getLong());
            case CANCEL_ALL_ORDERS_V1 -> new CancelAllOrders(in.getLong(), pairOfVersion1(getString(in)), null);
            case PLACE_ORDER -> new PlaceOrder(
                in.getLong(), getString(in), orderType(in.get()), side(in.get()), in.getLong(), in.getLong(),
                in.getLong(), timeInForce(in.get()), selfTradePrevention(in.get()), getString(in));
            case CANCEL_ORDER -> new CancelOrder(in.getLong(), in.getLong(), getString(in));
            case CANCEL_ALL_ORDERS -> new CancelAllOrders(in.getLong(), getString(in), side(in.get()));
            case SET_DEAD_MANS_SWITCH -> new SetDeadMansSwitch(in.getLong(), getString(in), in.getLong());
            case FIRE_DEAD_MANS_SWITCHES -> new FireDeadMansSwitches();
            default -> throw new CommandCodecException("unknown command type tag " + tag + " (known: " + PUT_PAIR +
                ".." + FIRE_DEAD_MANS_SWITCHES + ", encoding version " + version + ")");
        };
    }

    /** A version-1 cancel-all without a pair was refused (4009); null means every pair now, "" is refused alike. */
    private static String pairOfVersion1(final String coinPair)
    {
        return coinPair == null ? "" : coinPair;
    }

    private static void putPolicy(final ByteBuffer out, final PairPolicy policy)
    {
        if (policy == null)
        {
            out.put(NULL);
            return;
        }
        out.put(PRESENT);
        putString(out, policy.displayName());
        out.putLong(policy.minPrice());
        out.putInt(policy.priceDecimals());
        out.putInt(policy.amountDecimals());
        out.putLong(policy.minAmount());
        out.putLong(policy.maxAmount());
        out.putLong(policy.minVolume());
        out.putLong(policy.maxVolume());
        out.putInt(policy.makerFeePpm());
        out.putInt(policy.takerFeePpm());
        out.put(pairStateCode(policy.state()));
    }

    private PairPolicy getPolicy(final Input in)
    {
        if (!getPresence(in))
        {
            return null;
        }
        return new PairPolicy(getString(in), in.getLong(), in.getInt(), in.getInt(), in.getLong(), in.getLong(),
            in.getLong(), in.getLong(), in.getInt(), in.getInt(), pairState(in.get()));
    }

    private static void putDetails(final ByteBuffer out, final TransferDetails details)
    {
        if (details == null)
        {
            out.put(NULL);
            return;
        }
        out.put(PRESENT);
        putString(out, details.address());
        putString(out, details.tag());
        putString(out, details.bankName());
        putString(out, details.accountNo());
    }

    private TransferDetails getDetails(final Input in)
    {
        if (!getPresence(in))
        {
            return null;
        }
        return new TransferDetails(getString(in), getString(in), getString(in), getString(in));
    }

    private static boolean getPresence(final Input in)
    {
        final byte presence = in.get();
        if (presence != NULL && presence != PRESENT)
        {
            throw new CommandCodecException("invalid presence byte " + presence);
        }
        return presence == PRESENT;
    }

    private static void putString(final ByteBuffer out, final String value)
    {
        if (value == null)
        {
            putVarint(out, 0);
            return;
        }
        requireWellFormed(value);
        final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        putVarint(out, bytes.length + 1);
        out.put(bytes);
    }

    /** ASCII (the usual case) is copied as is; anything else goes through the strict UTF-8 decoder. */
    private String getString(final Input in)
    {
        final int lengthPlusOne = getVarint(in);
        if (lengthPlusOne == 0)
        {
            return null;
        }
        final int length = lengthPlusOne - 1;
        if (length > in.remaining())
        {
            throw new CommandCodecException("string of " + length + " bytes but only " + in.remaining() + " left");
        }
        if (stringBytes.length < length)
        {
            stringBytes = new byte[Math.max(length, 2 * stringBytes.length)];
        }
        final byte[] bytes = stringBytes;
        in.get(bytes, length);
        for (int i = 0; i < length; i++)
        {
            if (bytes[i] < 0)
            {
                return decodeUtf8(bytes, length);
            }
        }
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    private String decodeUtf8(final byte[] bytes, final int length)
    {
        try
        {
            return utf8Decoder.reset().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        }
        catch (final CharacterCodingException ex)
        {
            throw new CommandCodecException("invalid UTF-8 in a string of " + length + " bytes: " + ex);
        }
    }

    private static void requireWellFormed(final String value)
    {
        final int length = value.length();
        for (int i = 0; i < length; i++)
        {
            final char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1)))
            {
                i++;
            }
            else if (Character.isSurrogate(c))
            {
                throw new CommandCodecException("string has an unpaired surrogate at index " + i +
                    ": it cannot be encoded as UTF-8");
            }
        }
    }

    private static void putVarint(final ByteBuffer out, final int value)
    {
        int remaining = value;
        while ((remaining & ~0x7F) != 0)
        {
            out.put((byte)((remaining & 0x7F) | 0x80));
            remaining >>>= 7;
        }
        out.put((byte)remaining);
    }

    private static int getVarint(final Input in)
    {
        int value = 0;
        for (int i = 0; i < MAX_VARINT_BYTES; i++)
        {
            final int b = in.get() & 0xFF;
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                if (value < 0)
                {
                    throw new CommandCodecException("varint out of range: " + Integer.toUnsignedString(value));
                }
                return value;
            }
        }
        throw new CommandCodecException("varint longer than " + MAX_VARINT_BYTES + " bytes");
    }

    private static byte transferTypeCode(final TransferType type)
    {
        if (type == null)
        {
            return NULL;
        }
        return switch (type)
        {
            case DEPOSIT -> 1;
            case WITHDRAW -> 2;
        };
    }

    private static TransferType transferType(final byte code)
    {
        return switch (code)
        {
            case NULL -> null;
            case 1 -> TransferType.DEPOSIT;
            case 2 -> TransferType.WITHDRAW;
            default -> throw unknownEnumCode("TransferType", code);
        };
    }

    private static byte orderTypeCode(final OrderType type)
    {
        if (type == null)
        {
            return NULL;
        }
        return switch (type)
        {
            case MARKET -> 1;
            case LIMIT -> 2;
            case STOPLIMIT -> 3;
        };
    }

    private static OrderType orderType(final byte code)
    {
        return switch (code)
        {
            case NULL -> null;
            case 1 -> OrderType.MARKET;
            case 2 -> OrderType.LIMIT;
            case 3 -> OrderType.STOPLIMIT;
            default -> throw unknownEnumCode("OrderType", code);
        };
    }

    private static byte sideCode(final Side side)
    {
        if (side == null)
        {
            return NULL;
        }
        return switch (side)
        {
            case BUY -> 1;
            case SELL -> 2;
        };
    }

    private static Side side(final byte code)
    {
        return switch (code)
        {
            case NULL -> null;
            case 1 -> Side.BUY;
            case 2 -> Side.SELL;
            default -> throw unknownEnumCode("Side", code);
        };
    }

    private static byte timeInForceCode(final TimeInForce timeInForce)
    {
        if (timeInForce == null)
        {
            return NULL;
        }
        return switch (timeInForce)
        {
            case GTC -> 1;
            case IOC -> 2;
            case FOK -> 3;
            case POST_ONLY -> 4;
        };
    }

    private static TimeInForce timeInForce(final byte code)
    {
        return switch (code)
        {
            case NULL -> null;
            case 1 -> TimeInForce.GTC;
            case 2 -> TimeInForce.IOC;
            case 3 -> TimeInForce.FOK;
            case 4 -> TimeInForce.POST_ONLY;
            default -> throw unknownEnumCode("TimeInForce", code);
        };
    }

    private static byte selfTradePreventionCode(final SelfTradePrevention prevention)
    {
        if (prevention == null)
        {
            return NULL;
        }
        return switch (prevention)
        {
            case EXPIRE_MAKER -> 1;
            case EXPIRE_TAKER -> 2;
            case EXPIRE_BOTH -> 3;
            case NONE -> 4;
        };
    }

    private static SelfTradePrevention selfTradePrevention(final byte code)
    {
        return switch (code)
        {
            case NULL -> null;
            case 1 -> SelfTradePrevention.EXPIRE_MAKER;
            case 2 -> SelfTradePrevention.EXPIRE_TAKER;
            case 3 -> SelfTradePrevention.EXPIRE_BOTH;
            case 4 -> SelfTradePrevention.NONE;
            default -> throw unknownEnumCode("SelfTradePrevention", code);
        };
    }

    private static byte pairStateCode(final PairState state)
    {
        if (state == null)
        {
            return NULL;
        }
        return switch (state)
        {
            case TRADING -> 1;
            case CANCEL_ONLY -> 2;
        };
    }

    private static PairState pairState(final byte code)
    {
        return switch (code)
        {
            case NULL -> null;
            case 1 -> PairState.TRADING;
            case 2 -> PairState.CANCEL_ONLY;
            default -> throw unknownEnumCode("PairState", code);
        };
    }

    private static CommandCodecException unknownEnumCode(final String enumName, final byte code)
    {
        return new CommandCodecException("unknown " + enumName + " code " + code);
    }

    /**
     * The bytes of the command being decoded: little-endian reads at a cursor that runs from its offset to its end, in
     * the caller's buffer (no slice per command). Reading past the end is a {@link BufferUnderflowException}.
     */
    private static final class Input
    {
        private ByteBuffer buffer;
        private int position;
        private int limit;

        Input wrap(final ByteBuffer bytes, final int offset, final int length)
        {
            Objects.checkFromIndexSize(offset, length, bytes.limit());
            buffer = bytes.order() == ByteOrder.LITTLE_ENDIAN ? bytes :
                bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            position = offset;
            limit = offset + length;
            return this;
        }

        /** Lets go of the buffer (a mapped segment is unmapped once unreachable). */
        void release()
        {
            buffer = null;
        }

        int remaining()
        {
            return limit - position;
        }

        byte get()
        {
            return buffer.get(advance(Byte.BYTES));
        }

        int getInt()
        {
            return buffer.getInt(advance(Integer.BYTES));
        }

        long getLong()
        {
            return buffer.getLong(advance(Long.BYTES));
        }

        void get(final byte[] destination, final int length)
        {
            buffer.get(advance(length), destination, 0, length);
        }

        private int advance(final int bytes)
        {
            final int at = position;
            if (bytes > limit - at)
            {
                throw new BufferUnderflowException();
            }
            position = at + bytes;
            return at;
        }
    }
}
