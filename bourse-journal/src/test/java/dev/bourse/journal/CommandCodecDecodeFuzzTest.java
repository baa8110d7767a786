package dev.bourse.journal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bourse.engine.command.Command;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the journal's record decoding: any bytes either decode to exactly one command, which encodes and decodes
 * back to itself, or are refused with {@link CommandCodecException} and nothing else. The inputs under
 * {@code CommandCodecDecodeFuzzTestInputs/} (the corpus fuzzing found) replay in the normal build; {@code ./bourse
 * fuzz} fuzzes every target for a bounded time (docs/OPERATIONS.md).
 */
class CommandCodecDecodeFuzzTest
{
    private static final int MAX_RECORD_BYTES = 64 * 1024;

    private final CommandCodec codec = new CommandCodec();

    @FuzzTest(maxDuration = "20s")
    void decodesAnyBytesToOneCommandOrRefusesThem(final byte[] bytes)
    {
        final Command command;
        try
        {
            command = codec.decode(ByteBuffer.wrap(bytes), 0, bytes.length);
        }
        catch (final CommandCodecException refused)
        {
            return;
        }
        final ByteBuffer buffer = ByteBuffer.allocate(MAX_RECORD_BYTES);
        final int length = codec.encode(command, buffer);
        assertThat(codec.decode(buffer, 0, length)).isEqualTo(command);
    }
}
