package dev.bourse.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInput;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotStoreTest
{
    @TempDir
    Path directory;

    private record Loaded(long lastSequence, byte[] engine, byte[] extra)
    {
    }

    private final List<Loaded> loaded = new ArrayList<>();

    @Test
    void shouldWriteAndLoadBothSections()
    {
        final SnapshotStore store = new SnapshotStore(directory, FsyncMode.PER_BATCH);
        final byte[] engine = bytes(100_000);
        final SnapshotFile file = store.write(42, out -> out.write(engine), out -> out.writeUTF("read models"));

        assertThat(file.path().getFileName().toString()).isEqualTo("snapshot-00000000000000000042.snap");
        assertThat(store.loadNewest(this::load)).contains(file);
        assertThat(loaded).hasSize(1);
        assertThat(loaded.getFirst().lastSequence()).isEqualTo(42);
        assertThat(loaded.getFirst().engine()).isEqualTo(engine);
        assertThat(new String(loaded.getFirst().extra(), StandardCharsets.UTF_8)).endsWith("read models");
    }

    @Test
    void shouldListNewestFirstAndFindNothingInAnEmptyDirectory()
    {
        final SnapshotStore store = new SnapshotStore(directory.resolve("none"), FsyncMode.PER_BATCH);
        assertThat(store.list()).isEmpty();
        assertThat(store.loadNewest(this::load)).isEmpty();

        store.write(9, bytes(3), new byte[0]);
        store.write(100, bytes(3), new byte[0]);
        store.write(10, bytes(3), new byte[0]);

        assertThat(store.list()).extracting(SnapshotFile::lastSequence).containsExactly(100L, 10L, 9L);
    }

    @Test
    void shouldFallBackToThePreviousSnapshotWhenTheNewestIsCorrupt()
    {
        final SnapshotStore store = new SnapshotStore(directory, FsyncMode.PER_BATCH);
        final SnapshotFile older = store.write(10, bytes(1000), bytes(10));
        final SnapshotFile newer = store.write(20, bytes(1000), bytes(10));
        JournalFiles.flipBit(newer.path(), SnapshotStore.HEADER_BYTES + 500, 2);

        assertThat(store.loadNewest(this::load)).contains(older);
        assertThat(loaded).extracting(Loaded::lastSequence).containsExactly(10L);
        assertThatThrownBy(() -> store.load(newer, this::load))
            .isInstanceOf(JournalCorruptionException.class)
            .hasMessageContaining(newer.path().toString())
            .hasMessageContaining("body CRC mismatch");
    }

    @Test
    void shouldFallBackOnTruncatedEmptyOrHeaderDamagedSnapshots() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(directory, FsyncMode.PER_BATCH);
        final SnapshotFile valid = store.write(1, bytes(50), bytes(5));
        final SnapshotFile truncated = store.write(2, bytes(50), bytes(5));
        JournalFiles.truncate(truncated.path(), JournalFiles.size(truncated.path()) - 1);
        final SnapshotFile empty = store.write(3, bytes(50), bytes(5));
        JournalFiles.truncate(empty.path(), 0);
        final SnapshotFile header = store.write(4, bytes(50), bytes(5));
        JournalFiles.flipBit(header.path(), 30, 0);
        final SnapshotFile renamed = store.write(5, bytes(50), bytes(5));
        Files.move(renamed.path(), directory.resolve("snapshot-00000000000000000006.snap"));

        assertThat(store.loadNewest(this::load)).contains(valid);
        assertThat(loaded).extracting(Loaded::lastSequence).containsExactly(1L);
    }

    @Test
    void shouldFallBackWhenTheLoaderRejectsTheState()
    {
        final SnapshotStore store = new SnapshotStore(directory, FsyncMode.PER_BATCH);
        final SnapshotFile older = store.write(10, bytes(8), new byte[0]);
        store.write(20, bytes(4), new byte[0]);

        final Optional<SnapshotFile> result = store.loadNewest((sequence, engine, extra) -> engine.readLong());

        assertThat(result).contains(older);
    }

    @Test
    void shouldBoundEachSectionSoThatReadingPastItIsEndOfFile()
    {
        final SnapshotStore store = new SnapshotStore(directory, FsyncMode.PER_BATCH);
        final SnapshotFile file = store.write(1, bytes(3), bytes(100));

        assertThatThrownBy(() -> store.load(file, (sequence, engine, extra) -> engine.readInt()))
            .isInstanceOf(JournalCorruptionException.class)
            .hasCauseInstanceOf(EOFException.class);
    }

    @Test
    void shouldRefuseASnapshotWrittenByANewerFormatVersion()
    {
        final SnapshotStore store = new SnapshotStore(directory, FsyncMode.PER_BATCH);
        store.write(10, bytes(8), new byte[0]);
        final SnapshotFile newer = store.write(20, bytes(8), new byte[0]);
        final byte[] content = JournalFiles.read(newer.path());
        ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN).putInt(8, SnapshotStore.VERSION + 1);
        JournalFiles.write(newer.path(), content);

        assertThatThrownBy(() -> store.loadNewest(this::load))
            .isInstanceOf(UnsupportedFormatVersionException.class)
            .hasMessageContaining(newer.path().toString());
        assertThat(loaded).isEmpty();
    }

    @Test
    void shouldReplaceASnapshotOfTheSameSequenceAndRemoveTemporaryFilesOnStartup() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(directory, FsyncMode.PER_BATCH);
        store.write(5, bytes(10), new byte[0]);
        store.write(5, new byte[]{7}, new byte[0]);
        final Path leftover = directory.resolve("snapshot-00000000000000000009.snap.tmp");
        Files.write(leftover, bytes(10));

        final SnapshotStore restarted = new SnapshotStore(directory, FsyncMode.NONE);

        assertThat(leftover).doesNotExist();
        assertThat(restarted.list()).extracting(SnapshotFile::lastSequence).containsExactly(5L);
        restarted.loadNewest(this::load);
        assertThat(loaded.getFirst().engine()).containsExactly(7);
    }

    @Test
    void shouldLeaveNoFileWhenTheSectionWriterFails()
    {
        final SnapshotStore store = new SnapshotStore(directory, FsyncMode.PER_BATCH);

        assertThatThrownBy(() -> store.write(3, out -> out.writeLong(1), out ->
        {
            throw new IOException("read model failed");
        })).hasRootCauseMessage("read model failed");
        assertThat(directory).isEmptyDirectory();
    }

    private void load(final long lastSequence, final DataInput engine, final DataInput extra) throws IOException
    {
        loaded.add(new Loaded(lastSequence, readAll(engine), readAll(extra)));
    }

    private static byte[] readAll(final DataInput in) throws IOException
    {
        final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 10_000_000; i++)
        {
            try
            {
                out.write(in.readByte());
            }
            catch (final EOFException ex)
            {
                return out.toByteArray();
            }
        }
        throw new IllegalStateException("section too large");
    }

    private static byte[] bytes(final int count)
    {
        final byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++)
        {
            bytes[i] = (byte)(i * 31 + 7);
        }
        return bytes;
    }
}
