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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandCodecTest
{
    private static final String NON_ASCII = "원화 € 𝄞 🚀 ü";

    private final CommandCodec codec = new CommandCodec();

    static List<Command> commands()
    {
        final List<Command> commands = new ArrayList<>();
        for (final long value : new long[]{Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE})
        {
            final int intValue = (int)Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
            for (final PairState state : PairState.values())
            {
                commands.add(new PutPair("BTC", "KRW", intValue, intValue, new PairPolicy(NON_ASCII, value,
                    intValue, intValue, value, value, value, value, intValue, intValue, state)));
            }
            for (final TransferType type : TransferType.values())
            {
                commands.add(new Transfer(value, type, "KRW", value, value,
                    new TransferDetails("addr", NON_ASCII, "", "0")));
            }
            commands.add(new IssueApiKey(value, "k".repeat(64), "c".repeat(512), intValue, intValue,
                "127.0.0.1," + "1".repeat(1000)));
            for (final OrderType type : OrderType.values())
            {
                for (final Side side : Side.values())
                {
                    commands.add(new PlaceOrder(value, "BTC.KRW", type, side, value, value, value));
                }
            }
            for (final TimeInForce timeInForce : TimeInForce.values())
            {
                for (final SelfTradePrevention prevention : SelfTradePrevention.values())
                {
                    commands.add(new PlaceOrder(value, "BTC.KRW", OrderType.LIMIT, Side.SELL, value, value, value,
                        timeInForce, prevention, "id-" + value));
                }
            }
            commands.add(new CancelOrder(value, value));
            commands.add(new CancelOrder(value, value, NON_ASCII));
            commands.add(new CancelAllOrders(value, NON_ASCII));
            for (final Side side : Side.values())
            {
                commands.add(new CancelAllOrders(value, "BTC.KRW", side));
                commands.add(new CancelAllOrders(value, null, side));
            }
            commands.add(new SetDeadMansSwitch(value, "BTC.KRW", value));
            commands.add(new SetDeadMansSwitch(value, null, value));
        }
        commands.add(new FireDeadMansSwitches());
        commands.add(new CreateAccount());
        commands.add(new CreateAccount("simulated"));
        commands.add(new CreateAccount(null));
        commands.add(new CreateAccount(NON_ASCII));
        commands.add(new RevokeApiKey(""));
        commands.add(new RevokeApiKey(NON_ASCII));
        commands.add(new PutPair("", "", 0, 0, new PairPolicy("", 0, 0, 0, 0, 0, 0, 0, 0, 0, PairState.TRADING)));
        commands.add(new Transfer(1, TransferType.DEPOSIT, "", 1, 0, TransferDetails.NONE));
        commands.add(new IssueApiKey(1, "", "", 0, 0, ""));
        commands.add(new CancelAllOrders(1, ""));
        // nulls are journaled as they are: the engine rejects such commands, replay must reject them the same way
        commands.add(new PutPair(null, null, 0, 0, null));
        commands.add(new PutPair("A", "B", 0, 0, new PairPolicy(null, 0, 0, 0, 0, 0, 0, 0, 0, 0, null)));
        commands.add(new Transfer(1, null, null, 1, 0, null));
        commands.add(new Transfer(1, TransferType.WITHDRAW, "X", 1, 0, new TransferDetails(null, null, null, null)));
        commands.add(new IssueApiKey(1, null, null, 1, 1, null));
        commands.add(new RevokeApiKey(null));
        commands.add(new PlaceOrder(1, null, null, null, 0, 0, 0));
        commands.add(new CancelAllOrders(1, null));
        commands.add(new CancelAllOrders(1, null, null));
        commands.add(new PlaceOrder(1, "A.B", OrderType.LIMIT, Side.BUY, 1, 0, 1, null, null, ""));
        return commands;
    }

    @ParameterizedTest
    @MethodSource("commands")
    void shouldRoundTripEveryCommand(final Command command)
    {
        final ByteBuffer buffer = ByteBuffer.allocate(8192);
        buffer.position(3);
        final int length = codec.encode(command, buffer);

        assertThat(buffer.position()).isEqualTo(3 + length);
        assertThat(codec.decode(buffer, 3, length)).isEqualTo(command);
    }

    /** As the journal reader decodes: one codec, commands one after another in a direct (mapped) buffer. */
    @Test
    void shouldDecodeCommandsInARowFromADirectBufferOfEitherByteOrderWithoutMovingIt()
    {
        final List<Command> commands = commands();
        final ByteBuffer direct = ByteBuffer.allocateDirect(commands.size() * 2048);
        final List<Integer> lengths = new ArrayList<>();
        for (final Command command : commands)
        {
            lengths.add(codec.encode(command, direct));
        }
        final int written = direct.position();

        for (final ByteOrder order : new ByteOrder[]{ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN})
        {
            direct.order(order);
            final List<Command> decoded = new ArrayList<>();
            int offset = 0;
            for (final int length : lengths)
            {
                decoded.add(codec.decode(direct, offset, length));
                offset += length;
            }
            assertThat(decoded).isEqualTo(commands);
            assertThat(direct.position()).isEqualTo(written);
            assertThat(direct.order()).isEqualTo(order);
        }
        direct.limit(written);
        assertThatThrownBy(() -> codec.decode(direct, written - 1, 2))
            .as("a command past the buffer's limit").isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldCoverEveryCommandTypeWithDistinctTags()
    {
        final Set<Class<?>> types = new HashSet<>();
        final Set<Byte> tags = new HashSet<>();
        for (final Command command : commands())
        {
            types.add(command.getClass());
            final ByteBuffer buffer = ByteBuffer.allocate(8192);
            codec.encode(command, buffer);
            tags.add(buffer.get(0));
        }
        assertThat(types).containsExactlyInAnyOrder(Command.class.getPermittedSubclasses());
        assertThat(tags).hasSize(Command.class.getPermittedSubclasses().length)
            .doesNotContain(CommandCodec.PLACE_ORDER_V1, CommandCodec.CANCEL_ORDER_V1, CommandCodec.CANCEL_ALL_ORDERS_V1);
    }

    /** Records written by version 1 (tags 6, 7, 8) still decode, to the commands that behave as they did. */
    @Test
    void shouldDecodeVersion1OrderAndCancelRecords()
    {
        final ByteBuffer place = record(6).putLong(7).put((byte)4).put("A.B".getBytes()).put((byte)2).put((byte)1)
            .putLong(100).putLong(0).putLong(5);
        assertThat(decode(place)).isEqualTo(new PlaceOrder(7, "A.B", OrderType.LIMIT, Side.BUY, 100, 0, 5, null,
            null, null));
        assertThat(decode(record(7).putLong(7).putLong(10_100_000_000_001L)))
            .isEqualTo(new CancelOrder(7, 10_100_000_000_001L, null));
        assertThat(decode(record(8).putLong(7).put((byte)4).put("A.B".getBytes())))
            .isEqualTo(new CancelAllOrders(7, "A.B", null));
        assertThat(decode(record(8).putLong(7).put((byte)0)))
            .as("a version-1 cancel-all without a pair was refused with 4009: it stays refused")
            .isEqualTo(new CancelAllOrders(7, "", null));
    }

    private static ByteBuffer record(final int tag)
    {
        return ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN).put((byte)tag);
    }

    private Command decode(final ByteBuffer record)
    {
        return codec.decode(record, 0, record.position());
    }

    @Test
    void shouldEncodeCompactly()
    {
        assertThat(encode(new CreateAccount())).hasSize(2);
        assertThat(encode(new CancelOrder(1, 2))).hasSize(18);
        assertThat(encode(new FireDeadMansSwitches())).hasSize(1);
        assertThat(encode(new RevokeApiKey("abc"))).hasSize(5);
    }

    @Test
    void shouldDecodeVersion1AccountsWithAnEmptyLabelAndRefuseUnknownVersions()
    {
        final ByteBuffer version1 = ByteBuffer.wrap(new byte[]{CommandCodec.CREATE_ACCOUNT});
        assertThat(codec.decode(version1, 0, 1, 1)).isEqualTo(new CreateAccount(""));
        assertThatThrownBy(() -> codec.decode(version1, 0, 1, CommandCodec.VERSION))
            .isInstanceOf(CommandCodecException.class);

        final ByteBuffer labelled = ByteBuffer.wrap(encode(new CreateAccount("simulated")));
        assertThat(codec.decode(labelled, 0, labelled.capacity(), 2)).isEqualTo(new CreateAccount("simulated"));
        assertThatThrownBy(() -> codec.decode(labelled, 0, labelled.capacity(), 1))
            .isInstanceOf(CommandCodecException.class).hasMessageContaining("bytes left");
        assertThatThrownBy(() -> codec.decode(labelled, 0, labelled.capacity(), CommandCodec.VERSION + 1))
            .isInstanceOf(CommandCodecException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> codec.decode(labelled, 0, labelled.capacity(), 0))
            .isInstanceOf(CommandCodecException.class).hasMessageContaining("version");
    }

    @Test
    void shouldRejectUnknownTypeTag()
    {
        final ByteBuffer buffer = ByteBuffer.wrap(new byte[]{42, 0, 0});

        assertThatThrownBy(() -> codec.decode(buffer, 0, 3))
            .isInstanceOf(CommandCodecException.class)
            .hasMessageContaining("unknown command type tag 42");
    }

    @Test
    void shouldRejectUnknownEnumCode()
    {
        final byte[] bytes = encode(PlaceOrder.limit(1, "A.B", Side.BUY, 1, 1));
        bytes[1 + 8 + 1 + 3] = 9; // the order type after tag, accountId and the string "A.B"

        assertThatThrownBy(() -> codec.decode(ByteBuffer.wrap(bytes), 0, bytes.length))
            .isInstanceOf(CommandCodecException.class)
            .hasMessageContaining("unknown OrderType code 9");
    }

    @Test
    void shouldRejectTruncatedAndTrailingBytes()
    {
        final byte[] bytes = encode(new CancelOrder(1, 2));
        final ByteBuffer longer = ByteBuffer.allocate(bytes.length + 1).put(bytes);

        assertThatThrownBy(() -> codec.decode(ByteBuffer.wrap(bytes), 0, bytes.length - 1))
            .isInstanceOf(CommandCodecException.class)
            .hasMessageContaining("truncated");
        assertThatThrownBy(() -> codec.decode(longer, 0, bytes.length + 1))
            .isInstanceOf(CommandCodecException.class)
            .hasMessageContaining("1 bytes left");
    }

    @Test
    void shouldRejectInvalidUtf8()
    {
        final byte[] bytes = encode(new RevokeApiKey("ab"));
        bytes[2] = (byte)0xC3; // a lead byte followed by 'b' is malformed

        assertThatThrownBy(() -> codec.decode(ByteBuffer.wrap(bytes), 0, bytes.length))
            .isInstanceOf(CommandCodecException.class)
            .hasMessageContaining("invalid UTF-8");
    }

    @Test
    void shouldRejectUnpairedSurrogateOnEncode()
    {
        assertThatThrownBy(() -> encode(new RevokeApiKey("a\uD800b")))
            .isInstanceOf(CommandCodecException.class)
            .hasMessageContaining("unpaired surrogate at index 1");
        assertThatThrownBy(() -> encode(new RevokeApiKey("a\uDC00")))
            .isInstanceOf(CommandCodecException.class);
    }

    @Test
    void shouldRejectCommandLargerThanBuffer()
    {
        final ByteBuffer buffer = ByteBuffer.allocate(100);

        assertThatThrownBy(() -> codec.encode(new RevokeApiKey("x".repeat(200)), buffer))
            .isInstanceOf(CommandCodecException.class)
            .hasMessageContaining("RevokeApiKey does not fit in 100 bytes");
    }

    private byte[] encode(final Command command)
    {
        final ByteBuffer buffer = ByteBuffer.allocate(8192);
        final int length = codec.encode(command, buffer);
        final byte[] bytes = new byte[length];
        buffer.get(0, bytes);
        return bytes;
    }
}
