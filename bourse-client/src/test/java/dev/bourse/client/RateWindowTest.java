package dev.bourse.client;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The client-side windows driven by a hand-set clock: no sleeps. */
class RateWindowTest
{
    @Test
    void shouldGrantPerSecondPermitsThenWaitForARequestInFlight()
    {
        final RateWindow window = new RateWindow(3, 60, 0);
        final List<RateWindow.Slot> slots = new ArrayList<>();
        for (int i = 0; i < 3; i++)
        {
            assertThat(window.allows(1_000)).isTrue();
            slots.add(window.take());
        }

        assertThat(window.allows(1_000)).isFalse();
        assertThat(window.nextAllowedMs(1_000)).isEqualTo(RateWindow.IN_FLIGHT);
        RateWindow.release(slots.get(1), 1_040);
        assertThat(window.nextAllowedMs(1_040)).isEqualTo(2_040);
        assertThat(window.allows(2_039)).isFalse();
        assertThat(window.allows(2_040)).isTrue();
    }

    @Test
    void shouldCountACompletedRequestForAWindowAfterItsAnswerPlusTheMargin()
    {
        final RateWindow window = new RateWindow(1, 60, 10);
        final RateWindow.Slot slot = window.take();
        RateWindow.release(slot, 5_000);

        assertThat(window.nextAllowedMs(5_000)).isEqualTo(6_010);
        assertThat(window.allows(6_009)).isFalse();
        assertThat(window.allows(6_010)).isTrue();
    }

    @Test
    void shouldKeepThePerMinuteLimit()
    {
        final RateWindow window = new RateWindow(10, 5, 0);
        for (int i = 0; i < 5; i++)
        {
            assertThat(window.allows(i * 2_000L)).isTrue();
            RateWindow.release(window.take(), i * 2_000L);
        }

        assertThat(window.allows(10_000)).isFalse();
        assertThat(window.nextAllowedMs(10_000)).isEqualTo(60_000);
        assertThat(window.allows(60_000)).isTrue();
        assertThat(window.size()).isEqualTo(4);
    }

    @Test
    void shouldKeepOnlyTheSlotsOfTheLastMinute()
    {
        final RateWindow window = new RateWindow(3, 60, 0);
        for (int i = 0; i < 200; i++)
        {
            final long nowMs = i * 1_000L;
            assertThat(window.allows(nowMs)).isTrue();
            RateWindow.release(window.take(), nowMs);
        }

        assertThat(window.size()).isEqualTo(60);
    }

    /**
     * A simulated client sends as soon as the window allows and each request arrives at the server at a random time
     * between sending and its answer. The server's rule (the n-th most recent accepted request at least one window
     * before) must accept every arrival, whatever the latencies.
     */
    @Test
    void shouldNeverLetArrivalsBreakTheServersWindowsWhateverTheLatency()
    {
        for (long seed = 1; seed <= 20; seed++)
        {
            final Random random = new Random(seed);
            final int perSecond = 1 + random.nextInt(5);
            final int perMinute = perSecond + random.nextInt(60);
            final List<Long> arrivals = simulate(new RateWindow(perSecond, perMinute, 0), random, 400);

            assertThat(arrivals).as("seed %d", seed).hasSize(400);
            assertServerAccepts(arrivals, perSecond, 1_000, seed);
            assertServerAccepts(arrivals, perMinute, 60_000, seed);
        }
    }

    private record InFlight(long answerAtMs, RateWindow.Slot slot) implements Comparable<InFlight>
    {
        @Override
        public int compareTo(final InFlight other)
        {
            return Long.compare(answerAtMs, other.answerAtMs);
        }
    }

    private static List<Long> simulate(final RateWindow window, final Random random, final int requests)
    {
        final List<Long> arrivals = new ArrayList<>();
        final PriorityQueue<InFlight> inFlight = new PriorityQueue<>();
        long nowMs = 0;
        for (int step = 0; arrivals.size() < requests && step < requests * 100; step++)
        {
            if (window.allows(nowMs) && inFlight.size() < 8)
            {
                final long latencyMs = random.nextInt(400);
                arrivals.add(nowMs + (latencyMs == 0 ? 0 : random.nextLong(latencyMs + 1)));
                inFlight.add(new InFlight(nowMs + latencyMs, window.take()));
                continue;
            }
            final long nextAllowedMs = window.nextAllowedMs(nowMs);
            final long nextAnswerMs = inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.peek().answerAtMs();
            nowMs = Math.max(nowMs, Math.min(nextAllowedMs, nextAnswerMs));
            while (!inFlight.isEmpty() && inFlight.peek().answerAtMs() <= nowMs)
            {
                RateWindow.release(inFlight.poll().slot(), nowMs);
            }
        }
        return arrivals.stream().sorted().toList();
    }

    private static void assertServerAccepts(
        final List<Long> sortedArrivals, final int limit, final long windowMs, final long seed)
    {
        for (int i = limit; i < sortedArrivals.size(); i++)
        {
            assertThat(sortedArrivals.get(i) - sortedArrivals.get(i - limit))
                .as("seed %d: arrival %d vs the %d-th before it", seed, i, limit)
                .isGreaterThanOrEqualTo(windowMs);
        }
    }
}
