package dev.bourse.journal;

import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.IssueApiKey;
import dev.bourse.engine.command.PutPair;
import dev.bourse.engine.command.Transfer;
import dev.bourse.journal.JournalFiles.Recorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.bourse.journal.JournalFiles.readAll;
import static dev.bourse.journal.JournalFiles.segments;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journal written by the previous version (command encoding 1, before accounts had labels) is read, and the writer
 * never appends records of the current encoding to its segment: it starts a new one.
 */
class OlderEncodingTest
{
    private static final String SEGMENT = "journal-00000000000000000001.log";

    @TempDir
    Path directory;

    private JournalConfiguration configuration() throws IOException
    {
        final JournalConfiguration configuration = JournalConfiguration.defaults(directory);
        Files.createDirectories(configuration.journalDirectory());
        try (InputStream in = OlderEncodingTest.class.getResourceAsStream("codec-v1/" + SEGMENT))
        {
            Files.copy(in, configuration.journalDirectory().resolve(SEGMENT));
        }
        return configuration;
    }

    @Test
    void shouldReadVersion1RecordsWithEmptyLabels() throws IOException
    {
        final List<Recorded> records = readAll(configuration());

        // written by `bourse serve` of the previous version: 3 demo pairs, 2 accounts, 2 deposits, 1 API key
        assertThat(records).hasSize(8);
        assertThat(records.subList(0, 3)).allMatch(record -> record.command() instanceof PutPair);
        assertThat(records.get(3).command()).isEqualTo(new CreateAccount(""));
        assertThat(records.get(4).command()).isEqualTo(new CreateAccount(""));
        assertThat(records.get(5).command()).isInstanceOf(Transfer.class);
        assertThat(records.get(7).command()).isInstanceOf(IssueApiKey.class);
    }

    @Test
    void shouldAppendToANewSegmentOfTheCurrentEncoding() throws IOException
    {
        final JournalConfiguration configuration = configuration();
        final Path old = configuration.journalDirectory().resolve(SEGMENT);
        final byte[] before = Files.readAllBytes(old);

        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            writer.append(9_000, new CreateAccount("simulated"));
            writer.commit();
            assertThat(writer.currentSegment().getFileName().toString())
                .isEqualTo("journal-00000000000000000009.log");
        }

        assertThat(Files.readAllBytes(old)).as("the older segment is left as it was").isEqualTo(before);
        final List<Path> segments = segments(configuration);
        assertThat(segments).hasSize(2);
        assertThat(codecVersion(segments.get(0))).isEqualTo(1);
        assertThat(codecVersion(segments.get(1))).isEqualTo(CommandCodec.VERSION);
        final List<Recorded> records = readAll(configuration);
        assertThat(records).hasSize(9);
        assertThat(records.get(3).command()).isEqualTo(new CreateAccount(""));
        assertThat(records.get(8)).isEqualTo(new Recorded(9, 9_000, new CreateAccount("simulated")));
    }

    @Test
    void shouldRewriteTheHeaderOfAnOlderSegmentWithoutRecords() throws IOException
    {
        final JournalConfiguration configuration = configuration();
        final Path segment = configuration.journalDirectory().resolve(SEGMENT);
        JournalFiles.truncate(segment, JournalFormat.SEGMENT_HEADER_BYTES);

        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            writer.append(9_000, new CreateAccount("simulated"));
        }

        assertThat(segments(configuration)).containsExactly(segment);
        assertThat(codecVersion(segment)).isEqualTo(CommandCodec.VERSION);
        assertThat(readAll(configuration)).containsExactly(new Recorded(1, 9_000, new CreateAccount("simulated")));
    }

    private static int codecVersion(final Path segment) throws IOException
    {
        return ByteBuffer.wrap(Files.readAllBytes(segment)).order(ByteOrder.LITTLE_ENDIAN).getShort(10);
    }
}
