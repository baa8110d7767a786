package dev.bourse.journal;

import dev.bourse.engine.Engine;
import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.OrderType;
import dev.bourse.engine.PairPolicy;
import dev.bourse.engine.PairState;
import dev.bourse.engine.Side;
import dev.bourse.engine.Status;
import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.PutPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journal segment written by command encoding version 1 (its header says 1, its orders and cancels carry tags 6, 7
 * and 8, its CreateAccount is the tag alone), made byte by byte as that version wrote it: this version reads it, and
 * replays it to the outcomes it had.
 */
class CommandEncodingVersion1Test
{
    private static final long TIMESTAMP_MS = 1_700_000_000_000L;

    @TempDir
    Path directory;

    @Test
    void shouldReplayASegmentOfVersion1()
    {
        final JournalConfiguration configuration = JournalFiles.smallConfiguration(directory);
        final List<byte[]> payloads = List.of(
            encoded(new PutPair("BTC", "KRW", 0, 0, new PairPolicy("Bitcoin", 1, 0, 0, 1, 1_000_000_000L, 0,
                Long.MAX_VALUE, 0, 0, PairState.TRADING))),
            version1(2, out -> { }),
            version1(6, out -> out.putLong(1).put(text("BTC.KRW")).put((byte)2).put((byte)2).putLong(60_000_000)
                .putLong(0).putLong(10_000)),
            version1(7, out -> out.putLong(1).putLong(10_100_000_000_001L)),
            version1(8, out -> out.putLong(1).put(text("BTC.KRW"))),
            version1(8, out -> out.putLong(1).put((byte)0)));
        writeVersion1Segment(configuration.journalDirectory(), payloads);

        final List<Command> commands = JournalFiles.readAll(configuration).stream()
            .map(JournalFiles.Recorded::command).toList();

        assertThat(commands.subList(2, 6)).containsExactly(
            new PlaceOrder(1, "BTC.KRW", OrderType.LIMIT, Side.SELL, 60_000_000, 0, 10_000),
            new CancelOrder(1, 10_100_000_000_001L),
            new CancelAllOrders(1, "BTC.KRW", null),
            new CancelAllOrders(1, "", null));
        final Engine engine = new Engine(EngineConfiguration.DEFAULT);
        final List<Status> statuses = new ArrayList<>();
        commands.forEach(command -> statuses.add(engine.apply(command, TIMESTAMP_MS, event -> { })));
        assertThat(statuses).containsExactly(Status.SUCCESS, Status.SUCCESS, Status.NOT_ENOUGH_BALANCE,
            Status.ORIGINAL_REQUEST_NOT_FOUND, Status.SUCCESS, Status.INVALID_COIN_PAIR);
    }

    private interface Body
    {
        void write(ByteBuffer out);
    }

    private static byte[] version1(final int tag, final Body body)
    {
        final ByteBuffer out = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN).put((byte)tag);
        body.write(out);
        final byte[] bytes = new byte[out.position()];
        out.get(0, bytes);
        return bytes;
    }

    private static byte[] text(final String value)
    {
        final byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        final byte[] bytes = new byte[utf8.length + 1];
        bytes[0] = (byte)(utf8.length + 1);
        System.arraycopy(utf8, 0, bytes, 1, utf8.length);
        return bytes;
    }

    private static byte[] encoded(final Command command)
    {
        final ByteBuffer buffer = ByteBuffer.allocate(1024);
        final int length = new CommandCodec().encode(command, buffer);
        final byte[] bytes = new byte[length];
        buffer.get(0, bytes);
        return bytes;
    }

    /** Writes segment 1 with a header of command encoding version 1 and the payloads as records 1, 2, 3... */
    private static void writeVersion1Segment(final Path journalDirectory, final List<byte[]> payloads)
    {
        final ByteArrayOutputStream file = new ByteArrayOutputStream();
        final ByteBuffer header = JournalFormat.segmentHeader(1);
        header.putShort(10, (short)1);
        final CRC32C headerCrc = new CRC32C();
        headerCrc.update(header.slice(0, 12));
        headerCrc.update(header.slice(16, 8));
        header.putInt(12, (int)headerCrc.getValue());
        file.writeBytes(header.array());
        long sequence = 0;
        for (final byte[] payload : payloads)
        {
            final ByteBuffer record = ByteBuffer.allocate(JournalFormat.RECORD_HEADER_BYTES + payload.length)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(4, payload.length)
                .putLong(8, ++sequence)
                .putLong(16, TIMESTAMP_MS)
                .put(JournalFormat.RECORD_HEADER_BYTES, payload);
            record.putInt(0, JournalFormat.recordCrc(new CRC32C(), record, 0, payload.length));
            file.writeBytes(record.array());
        }
        try
        {
            Files.createDirectories(journalDirectory);
            Files.write(journalDirectory.resolve("journal-00000000000000000001.log"), file.toByteArray());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
