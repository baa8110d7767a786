package dev.bourse.journal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bourse.engine.OrderType;
import dev.bourse.engine.PairPolicy;
import dev.bourse.engine.PairState;
import dev.bourse.engine.Side;
import dev.bourse.engine.TransferDetails;
import dev.bourse.engine.TransferType;
import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.IssueApiKey;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.PutPair;
import dev.bourse.engine.command.RevokeApiKey;
import dev.bourse.engine.command.Transfer;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the journal's record encoding: any command either encodes and decodes back to itself, decode(encode(x)) ==
 * x, or is refused with {@link CommandCodecException} (a string that is not Unicode, a record too large) and nothing
 * else. The inputs under {@code CommandCodecRoundTripFuzzTestInputs/} replay in the normal build.
 */
class CommandCodecRoundTripFuzzTest
{
    private static final int MAX_RECORD_BYTES = 64 * 1024;

    private final CommandCodec codec = new CommandCodec();

    @FuzzTest(maxDuration = "20s")
    void encodesAnyCommandSoThatItDecodesToItself(final FuzzedDataProvider data)
    {
        final Command command = command(data);
        final ByteBuffer buffer = ByteBuffer.allocate(MAX_RECORD_BYTES);
        final int length;
        try
        {
            length = codec.encode(command, buffer);
        }
        catch (final CommandCodecException refused)
        {
            assertThat(refused.getMessage()).containsAnyOf("Unicode", "surrogate", "UTF", "does not fit");
            return;
        }
        assertThat(codec.decode(buffer, 0, length)).isEqualTo(command);
    }

    private static Command command(final FuzzedDataProvider data)
    {
        return switch (data.consumeInt(0, 7))
        {
            case 0 -> new PutPair(data.consumeString(20), data.consumeString(20), data.consumeInt(), data.consumeInt(),
                data.consumeBoolean() ? null : new PairPolicy(data.consumeString(70), data.consumeLong(),
                    data.consumeInt(), data.consumeInt(), data.consumeLong(), data.consumeLong(), data.consumeLong(),
                    data.consumeLong(), data.consumeInt(), data.consumeInt(), data.pickValue(PairState.values())));
            case 1 -> new CreateAccount();
            case 2 -> new Transfer(data.consumeLong(), data.pickValue(TransferType.values()), data.consumeString(20),
                data.consumeLong(), data.consumeLong(), data.consumeBoolean() ? null : new TransferDetails(
                    data.consumeString(130), data.consumeString(130), data.consumeString(130),
                    data.consumeString(130)));
            case 3 -> new IssueApiKey(data.consumeLong(), data.consumeString(40), data.consumeString(200),
                data.consumeInt(), data.consumeInt(), data.consumeString(100));
            case 4 -> new RevokeApiKey(data.consumeString(40));
            case 5 -> new PlaceOrder(data.consumeLong(), data.consumeString(40), data.pickValue(OrderType.values()),
                data.pickValue(Side.values()), data.consumeLong(), data.consumeLong(), data.consumeLong());
            case 6 -> new CancelOrder(data.consumeLong(), data.consumeLong());
            default -> new CancelAllOrders(data.consumeLong(), data.consumeRemainingAsString());
        };
    }
}
