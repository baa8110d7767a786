package dev.bourse.server.readmodel;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class TimeSeriesTest
{
    /** A record that carries its own key and sequence, so that a reader can tell it is whole and in its place. */
    private record Rec(long timestampMs, long id, long sequence)
    {
    }

    private static final Predicate<Rec> ALL = rec -> true;

    private static TimeSeries<Rec> series(final long maxAgeMs, final int maxCount, final HistoryWindow window)
    {
        return new TimeSeries<>(maxAgeMs, maxCount, window);
    }

    private static void append(final TimeSeries<Rec> series, final long timestampMs, final long id, final long sequence)
    {
        series.append(timestampMs, id, sequence, new Rec(timestampMs, id, sequence));
    }

    private static List<Long> ids(final List<Rec> records)
    {
        return records.stream().map(Rec::id).toList();
    }

    private static void writeRec(final DataOutput out, final Rec rec) throws IOException
    {
        out.writeLong(rec.timestampMs() * 1_000 + rec.id());
    }

    private static Rec readRec(final DataInput in) throws IOException
    {
        final long value = in.readLong();
        return new Rec(value / 1_000, value % 1_000, 0);
    }

    private static byte[] snapshot(final TimeSeries<Rec> series) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        series.writeSnapshot(new DataOutputStream(bytes), TimeSeriesTest::writeRec);
        return bytes.toByteArray();
    }

    @Test
    void shouldListNewestFirstWithinTheRangeAfterTheSequenceUpToMaxThatPassTheFilter()
    {
        final TimeSeries<Rec> series = series(1_000_000, 100, new HistoryWindow());
        for (int i = 1; i <= 20; i++)
        {
            append(series, 100 + i / 2, i, 1_000 + i);
        }

        assertThat(ids(series.newestFirst(0, Long.MAX_VALUE, ALL, 100))).containsExactly(
            20L, 19L, 18L, 17L, 16L, 15L, 14L, 13L, 12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(ids(series.newestFirst(103, 105, ALL, 100))).containsExactly(11L, 10L, 9L, 8L, 7L, 6L);
        assertThat(ids(series.newestFirst(103, 105, ALL, 2))).containsExactly(11L, 10L);
        assertThat(ids(series.newestFirst(103, 105, rec -> rec.id() % 2 == 0, 2))).containsExactly(10L, 8L);
        assertThat(ids(series.newestFirst(0, 200, ALL, 100, 1_017))).containsExactly(20L, 19L, 18L);
        assertThat(ids(series.newestFirst(0, 104, ALL, 100, 1_007))).containsExactly(9L, 8L);
        assertThat(series.newestFirst(106, 105, ALL, 100)).isEmpty();
        assertThat(series.newestFirst(111, 200, ALL, 100)).isEmpty();
        assertThat(series.newestFirst(0, 99, ALL, 100)).isEmpty();
        assertThat(series.newestFirst(0, 200, ALL, 0)).isEmpty();
    }

    @Test
    void shouldPutARecordThatComesOutOfOrderInItsPlaceAndReplaceOneOfTheSameKey()
    {
        final TimeSeries<Rec> series = series(1_000_000, 100, new HistoryWindow());
        append(series, 10, 3, 1);
        append(series, 10, 2, 1);
        append(series, 20, 5, 2);
        append(series, 5, 9, 3);
        append(series, 20, 4, 4);
        series.append(20, 5, 5, new Rec(20, 5, 55));

        assertThat(series.newestFirst(0, 100, ALL, 100)).containsExactly(
            new Rec(20, 5, 55), new Rec(20, 4, 4), new Rec(10, 3, 1), new Rec(10, 2, 1), new Rec(5, 9, 3));
        assertThat(ids(series.newestFirst(0, 100, ALL, 100, 3))).containsExactly(5L, 4L);
    }

    @Test
    void shouldLetTheOldestGoByCountAndByAgeTellingTheWindowAndWhenItIsComplete()
    {
        final HistoryWindow window = new HistoryWindow();
        final TimeSeries<Rec> series = series(100, 3, window);
        append(series, 0, 1, 11);
        append(series, 10, 2, 12);
        append(series, 20, 3, 13);
        assertThat(window.evictedThroughSequence()).isZero();
        assertThat(series.completeFrom(Long.MIN_VALUE + 1)).isTrue();

        append(series, 30, 4, 14);
        assertThat(ids(series.newestFirst(0, 1_000, ALL, 10))).containsExactly(4L, 3L, 2L);
        assertThat(window.evictedThroughSequence()).isEqualTo(11);
        assertThat(series.completeFrom(0)).isFalse();
        assertThat(series.completeFrom(1)).isTrue();

        append(series, 125, 5, 15);
        assertThat(ids(series.newestFirst(0, 1_000, ALL, 10))).containsExactly(5L, 4L);
        assertThat(window.evictedThroughSequence()).isEqualTo(13);
        assertThat(series.completeFrom(20)).isFalse();
        assertThat(series.completeFrom(21)).isTrue();

        append(series, 1_000, 6, 16);
        assertThat(ids(series.newestFirst(0, 1_000, ALL, 10))).containsExactly(6L);
        assertThat(window.evictedThroughSequence()).isEqualTo(15);
        assertThat(series.completeFrom(125)).isFalse();
        assertThat(series.completeFrom(126)).isTrue();

        // The age is counted from the record appended, even one older than the newest.
        append(series, 899, 7, 17);
        assertThat(ids(series.newestFirst(0, 2_000, ALL, 10))).containsExactly(6L, 7L);
        append(series, 1_001, 8, 18);
        assertThat(ids(series.newestFirst(0, 2_000, ALL, 10))).containsExactly(8L, 6L);
        assertThat(window.evictedThroughSequence()).isEqualTo(17);
        assertThat(series.completeFrom(899)).isFalse();
        assertThat(series.completeFrom(900)).isTrue();
        append(series, 990, 9, 19);
        assertThat(ids(series.newestFirst(0, 2_000, ALL, 10))).containsExactly(8L, 6L, 9L);
        // Beyond the count, the record appended goes at once when it is the oldest.
        append(series, 980, 10, 20);
        assertThat(ids(series.newestFirst(0, 2_000, ALL, 10))).containsExactly(8L, 6L, 9L);
        assertThat(window.evictedThroughSequence()).isEqualTo(20);
        assertThat(series.completeFrom(980)).isFalse();
        assertThat(series.completeFrom(981)).isTrue();
    }

    @Test
    void shouldGrowFromASmallRingUpToTheCountAndKeepItsOrderAcrossTheWrap()
    {
        final HistoryWindow window = new HistoryWindow();
        final TimeSeries<Rec> series = series(1_000_000, 1_000, window);
        for (int i = 1; i <= 1_000; i++)
        {
            append(series, i, i, i);
        }
        assertThat(series.newestFirst(0, Long.MAX_VALUE, ALL, 2_000)).hasSize(1_000);
        assertThat(window.evictedThroughSequence()).isZero();

        for (int i = 1_001; i <= 5_000; i++)
        {
            append(series, i, i, i);
        }
        final List<Rec> kept = series.newestFirst(0, Long.MAX_VALUE, ALL, 2_000);
        assertThat(kept).hasSize(1_000);
        assertThat(kept.getFirst().id()).isEqualTo(5_000);
        assertThat(kept.getLast().id()).isEqualTo(4_001);
        assertThat(window.evictedThroughSequence()).isEqualTo(4_000);
        assertThat(ids(series.newestFirst(4_500, 4_502, ALL, 10))).containsExactly(4_502L, 4_501L, 4_500L);
    }

    @Test
    void shouldWriteTheSnapshotBytesOfTheFormatAndReadThemBack() throws IOException
    {
        final HistoryWindow window = new HistoryWindow();
        final TimeSeries<Rec> series = series(1_000, 3, window);
        append(series, 5, 1, 21);
        append(series, 7, 3, 22);
        append(series, 7, 2, 22);
        append(series, 9, 4, 23);

        final ByteArrayOutputStream expected = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(expected);
        out.writeInt(3);
        out.writeLong(5);
        for (final long[] record : new long[][]{{7, 2, 22}, {7, 3, 22}, {9, 4, 23}})
        {
            out.writeLong(record[0]);
            out.writeLong(record[1]);
            out.writeLong(record[2]);
            out.writeLong(record[0] * 1_000 + record[1]);
        }
        final byte[] bytes = snapshot(series);
        assertThat(bytes).isEqualTo(expected.toByteArray());

        final HistoryWindow restoredWindow = new HistoryWindow();
        final TimeSeries<Rec> restored = series(1_000, 3, restoredWindow);
        restored.readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes)), TimeSeriesTest::readRec,
            ReadModel.SNAPSHOT_VERSION, 99);
        assertThat(snapshot(restored)).isEqualTo(bytes);
        assertThat(restoredWindow.evictedThroughSequence()).isZero();
        assertThat(restored.completeFrom(5)).isFalse();
        assertThat(restored.completeFrom(6)).isTrue();
        assertThat(ids(restored.newestFirst(0, 100, ALL, 10, 22))).containsExactly(4L);
    }

    @Test
    void shouldGiveTheRecordsOfASnapshotWithoutSequencesTheSnapshotsAndApplyTheseBounds() throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(3);
        for (int id = 1; id <= 3; id++)
        {
            out.writeLong(id * 10L);
            out.writeLong(id);
            out.writeLong(id * 10_000L + id);
        }
        final HistoryWindow window = new HistoryWindow();
        final TimeSeries<Rec> series = series(1_000, 2, window);
        series.readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), TimeSeriesTest::readRec,
            ReadModel.SNAPSHOT_VERSION_WITH_SEQUENCES - 1, 77);

        assertThat(ids(series.newestFirst(0, 100, ALL, 10))).containsExactly(3L, 2L);
        assertThat(window.evictedThroughSequence()).isEqualTo(77);
        assertThat(series.newestFirst(0, 100, ALL, 10, 77)).isEmpty();
        assertThat(series.completeFrom(10)).isFalse();
        assertThat(series.completeFrom(11)).isTrue();
    }

    /** The series as it was first written (a sorted map): what the ring must answer, let go and write the same as. */
    private static final class SortedMapSeries
    {
        private final TreeMap<List<Long>, Rec> records = new TreeMap<>((a, b) ->
            a.get(0).equals(b.get(0)) ? Long.compare(a.get(1), b.get(1)) : Long.compare(a.get(0), b.get(0)));
        private final long maxAgeMs;
        private final int maxCount;
        private final List<Long> evictedSequences = new ArrayList<>();
        private long evictedTimestampMs = Long.MIN_VALUE;

        private SortedMapSeries(final long maxAgeMs, final int maxCount)
        {
            this.maxAgeMs = maxAgeMs;
            this.maxCount = maxCount;
        }

        private void append(final Rec rec)
        {
            records.put(List.of(rec.timestampMs(), rec.id()), rec);
            while (!records.isEmpty() && (records.size() > maxCount ||
                records.firstKey().get(0) < rec.timestampMs() - maxAgeMs))
            {
                final Map.Entry<List<Long>, Rec> oldest = records.pollFirstEntry();
                evictedSequences.add(oldest.getValue().sequence());
                evictedTimestampMs = Math.max(evictedTimestampMs, oldest.getKey().get(0));
            }
        }

        private List<Rec> newestFirst(final long fromMs, final long toMs, final Predicate<Rec> filter, final int max,
            final long afterSequence)
        {
            final List<Rec> result = new ArrayList<>();
            for (final Rec rec : records.descendingMap().values())
            {
                if (rec.timestampMs() < fromMs || rec.timestampMs() > toMs)
                {
                    continue;
                }
                if (result.size() >= max || rec.sequence() <= afterSequence)
                {
                    break;
                }
                if (filter.test(rec))
                {
                    result.add(rec);
                }
            }
            return result;
        }

        private byte[] snapshot() throws IOException
        {
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            final DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(records.size());
            out.writeLong(evictedTimestampMs);
            for (final Rec rec : records.values())
            {
                out.writeLong(rec.timestampMs());
                out.writeLong(rec.id());
                out.writeLong(rec.sequence());
                writeRec(out, rec);
            }
            return bytes.toByteArray();
        }
    }

    @Test
    void shouldAnswerLetGoAndSnapshotLikeASortedMapForRandomAppendsMostlyInOrder() throws IOException
    {
        final Random random = new Random(17);
        for (int round = 0; round < 40; round++)
        {
            final long maxAgeMs = 1 + random.nextInt(300);
            final int maxCount = 1 + random.nextInt(round % 2 == 0 ? 20 : 300);
            final HistoryWindow window = new HistoryWindow();
            final TimeSeries<Rec> series = series(maxAgeMs, maxCount, window);
            final SortedMapSeries expected = new SortedMapSeries(maxAgeMs, maxCount);
            long timestampMs = 0;
            long sequence = 0;
            for (int i = 0; i < 2_000; i++)
            {
                final int kind = random.nextInt(20);
                timestampMs += kind < 10 ? 0 : random.nextInt(5);
                sequence += random.nextInt(2);
                final long recordMs = kind == 0 ? timestampMs - random.nextInt(400) : timestampMs;
                final boolean swapped = i / 2 % 3 == 0;
                final long id = kind == 1 ? random.nextInt(3) : i / 2 * 2 + (swapped ? 1 - i % 2 : i % 2);
                final Rec rec = new Rec(recordMs, id, sequence);
                series.append(rec.timestampMs(), rec.id(), rec.sequence(), rec);
                expected.append(rec);

                final long from = timestampMs - random.nextInt(400);
                final long to = from + random.nextInt(400);
                final int max = random.nextInt(maxCount + 5);
                final long after = sequence - random.nextInt(50);
                final Predicate<Rec> filter = random.nextBoolean() ? ALL : r -> r.id() % 3 != 0;
                assertThat(series.newestFirst(from, to, filter, max, after))
                    .isEqualTo(expected.newestFirst(from, to, filter, max, after));
                assertThat(series.completeFrom(from)).isEqualTo(expected.evictedTimestampMs < from);
                assertThat(window.evictedThroughSequence()).isEqualTo(
                    expected.evictedSequences.stream().mapToLong(Long::longValue).max().orElse(0));
            }
            assertThat(snapshot(series)).isEqualTo(expected.snapshot());
            assertThat(series.newestFirst(Long.MIN_VALUE, Long.MAX_VALUE, ALL, Integer.MAX_VALUE, Long.MIN_VALUE))
                .isEqualTo(expected.newestFirst(Long.MIN_VALUE, Long.MAX_VALUE, ALL, Integer.MAX_VALUE,
                    Long.MIN_VALUE));
        }
    }

    @Test
    void shouldGiveConcurrentReadersOnlyWholeRecordsNewestFirstInTheirRangeWhileTheWriterLetsGo() throws Exception
    {
        final int records = 400_000;
        final long maxAgeMs = 25;
        final TimeSeries<Rec> series = series(maxAgeMs, 100, new HistoryWindow());
        final int nonEmpty = OneWriterManyReaders.run(3, 2_000_000, () ->
        {
            final Random random = new Random(3);
            // IDs 1, 2, ... by pairs; a pair is now and then appended higher ID first, like a self-trade's fills.
            for (long pair = 0; pair < records / 2; pair++)
            {
                final long first = 2 * pair + 1;
                final boolean swapped = random.nextInt(8) == 0;
                final long a = swapped ? first + 1 : first;
                final long b = swapped ? first : first + 1;
                series.append(timestampOf(a), a, pair + 1, new Rec(timestampOf(a), a, pair + 1));
                series.append(timestampOf(b), b, pair + 1, new Rec(timestampOf(b), b, pair + 1));
            }
        }, random ->
        {
            final long to = random.nextInt(records / 4 + 50);
            final long from = to - random.nextInt(60);
            final int max = 1 + random.nextInt(120);
            final long after = random.nextBoolean() ? 0 : random.nextInt(records / 2);
            final boolean filtered = random.nextInt(4) == 0;
            final List<Rec> answer = series.newestFirst(from, to, rec ->
            {
                assertThat(rec).isNotNull();
                return !filtered || rec.id() % 3 != 0;
            }, max, after);
            checkAnswer(answer, from, to, max, after, filtered);
            return !answer.isEmpty();
        });

        assertThat(nonEmpty).isPositive();
        final List<Rec> last = series.newestFirst(0, Long.MAX_VALUE, ALL, 1_000);
        assertThat(last).hasSize(100);
        assertThat(last.getFirst().id()).isEqualTo(records);
    }

    private static long timestampOf(final long id)
    {
        return id / 4;
    }

    private static void checkAnswer(final List<Rec> answer, final long from, final long to, final int max,
        final long after, final boolean filtered)
    {
        assertThat(answer.size()).isLessThanOrEqualTo(max);
        for (int i = 0; i < answer.size(); i++)
        {
            final Rec rec = answer.get(i);
            assertThat(rec.timestampMs()).isEqualTo(timestampOf(rec.id())).isBetween(from, to);
            assertThat(rec.sequence()).isEqualTo((rec.id() + 1) / 2).isGreaterThan(after);
            if (i > 0)
            {
                final Rec newer = answer.get(i - 1);
                assertThat(newer.id()).isGreaterThan(rec.id());
                if (!filtered)
                {
                    // Consecutive, but for the newest of a pair whose lower ID was not appended yet.
                    assertThat(newer.id() - rec.id() == 1 || i == 1 && newer.id() % 2 == 0 &&
                        newer.id() - rec.id() == 2).as("%s after %s", rec, newer).isTrue();
                }
            }
        }
    }
}
