package dev.bourse.cluster;

import dev.bourse.engine.command.Command;
import dev.bourse.journal.CommandCodec;
import dev.bourse.journal.CommandCodecException;
import dev.bourse.journal.JournalConfiguration;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The message a gateway sends into the cluster, version 1, little-endian: the ID of the node whose gateway sent it
 * ({@code int}), the correlation ID its reply is waiting under ({@code long}), then the command as the journal encodes
 * it ({@link CommandCodec}), at most {@link #MAX_COMMAND_BYTES}. Not thread-safe: one instance per thread.
 */
final class IngressCodec
{
    static final int ORIGIN_OFFSET = 0;
    static final int CORRELATION_OFFSET = ORIGIN_OFFSET + Integer.BYTES;
    static final int HEADER_LENGTH = CORRELATION_OFFSET + Long.BYTES;
    /** The largest command accepted, as in the journal. */
    static final int MAX_COMMAND_BYTES = JournalConfiguration.DEFAULT_MAX_RECORD_BYTES;

    private final CommandCodec commands = new CommandCodec();
    private final ByteBuffer bytes = ByteBuffer.allocate(HEADER_LENGTH + MAX_COMMAND_BYTES)
        .order(ByteOrder.LITTLE_ENDIAN);
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);

    /**
     * Encodes a message into {@link #buffer()}.
     *
     * @return its length.
     * @throws CommandCodecException when the command cannot be encoded (too long, not valid Unicode).
     */
    int encode(final int originNodeId, final long correlationId, final Command command)
    {
        bytes.clear();
        bytes.putInt(originNodeId).putLong(correlationId);
        return HEADER_LENGTH + commands.encode(command, bytes);
    }

    /** @return what {@link #encode} wrote, from offset 0. */
    DirectBuffer buffer()
    {
        return buffer;
    }

    /** @return the origin node of the message at {@code offset}. */
    static int originNodeId(final DirectBuffer message, final int offset)
    {
        return message.getInt(offset + ORIGIN_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    /** @return the correlation ID of the message at {@code offset}. */
    static long correlationId(final DirectBuffer message, final int offset)
    {
        return message.getLong(offset + CORRELATION_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @return the command of the message at {@code offset}, of {@code length} bytes in all.
     * @throws CommandCodecException when the bytes are not a message.
     */
    Command command(final DirectBuffer message, final int offset, final int length)
    {
        final int commandLength = length - HEADER_LENGTH;
        if (commandLength <= 0 || commandLength > MAX_COMMAND_BYTES)
        {
            throw new CommandCodecException("an ingress message of " + length + " bytes holds no command");
        }
        message.getBytes(offset + HEADER_LENGTH, buffer, 0, commandLength);
        return commands.decode(bytes, 0, commandLength);
    }
}
