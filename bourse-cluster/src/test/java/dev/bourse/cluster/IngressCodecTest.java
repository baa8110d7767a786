package dev.bourse.cluster;

import dev.bourse.engine.Side;
import dev.bourse.engine.TransferDetails;
import dev.bourse.engine.TransferType;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.Transfer;
import dev.bourse.journal.CommandCodecException;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngressCodecTest
{
    private final IngressCodec sender = new IngressCodec();
    private final IngressCodec receiver = new IngressCodec();

    @Test
    void shouldCarryTheOriginTheCorrelationAndTheCommand()
    {
        final Command command = PlaceOrder.limit(7, "BTC.USDT", Side.SELL, 3_000_000_000_000L, 1_000);
        final int length = sender.encode(2, Long.MAX_VALUE - 1, command);

        final UnsafeBuffer received = new UnsafeBuffer(new byte[length + 16]);
        received.putBytes(16, sender.buffer(), 0, length);

        assertThat(IngressCodec.originNodeId(received, 16)).isEqualTo(2);
        assertThat(IngressCodec.correlationId(received, 16)).isEqualTo(Long.MAX_VALUE - 1);
        assertThat(receiver.command(received, 16, length)).isEqualTo(command);
    }

    @Test
    void shouldRefuseAMessageThatIsNotACommand()
    {
        final UnsafeBuffer stray = new UnsafeBuffer(new byte[IngressCodec.HEADER_LENGTH + 1]);
        stray.putByte(IngressCodec.HEADER_LENGTH, (byte)99);

        assertThatThrownBy(() -> receiver.command(stray, 0, stray.capacity()))
            .isInstanceOf(CommandCodecException.class);
        assertThatThrownBy(() -> receiver.command(stray, 0, IngressCodec.HEADER_LENGTH))
            .isInstanceOf(CommandCodecException.class);
    }

    @Test
    void shouldRefuseToEncodeACommandLongerThanTheJournalTakes()
    {
        final String address = "a".repeat(IngressCodec.MAX_COMMAND_BYTES);
        final Command command = new Transfer(1, TransferType.WITHDRAW, "BTC", 1, 0,
            new TransferDetails(address, "", "", ""));

        assertThatThrownBy(() -> sender.encode(0, 1, command)).isInstanceOf(CommandCodecException.class);
    }
}
