package dev.bourse.bench.workload;

import dev.bourse.engine.EngineConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadReplayerTest
{
    private static final EngineConfiguration CONFIGURATION =
        EngineConfiguration.DEFAULT.withMaxOpenOrdersPerAccount(1_000_000);

    @Test
    void shouldReplayW2WithTheTradesVolumeAndRestingOrdersItsHeaderStates() throws Exception
    {
        final Workload prefill = Workload.read(SharedWorkloads.file("w2_prefill.txt"));
        final Workload main = Workload.read(SharedWorkloads.file("w2_main.txt.gz"));
        assertThat(main.expectedTrades()).isPositive();
        final WorkloadReplayer replayer = WorkloadReplayer.forWorkload(prefill, CONFIGURATION);

        replayer.replay(prefill.commands());
        final long prefillTrades = replayer.trades();
        final long prefillVolume = replayer.volume();
        replayer.replay(main.commands());

        assertThat(replayer.trades() - prefillTrades).isEqualTo(main.expectedTrades());
        assertThat(replayer.volume() - prefillVolume).isEqualTo(main.expectedVolume());
        assertThat(replayer.resting()).isEqualTo(main.expectedResting());
        assertThat(replayer.rejected()).isZero();
    }

    @Test
    void shouldCancelEveryOrderOfW1WithOneCancelAll() throws Exception
    {
        final Workload w1 = Workload.read(SharedWorkloads.file("w1_n1000.txt"));
        final List<WorkloadCommand> placements = w1.commands().stream()
            .filter(command -> command instanceof WorkloadCommand.Place).toList();
        final WorkloadReplayer replayer = WorkloadReplayer.forWorkload(w1, CONFIGURATION);

        replayer.replay(placements);
        assertThat(replayer.resting()).isEqualTo(placements.size());
        final List<Long> cancelled = replayer.cancelAll(1);

        assertThat(cancelled).hasSize(placements.size()).isSorted().doesNotHaveDuplicates();
        assertThat(replayer.resting()).isZero();
        assertThat(replayer.engine().openOrderCount(1)).isZero();
        assertThat(replayer.engine().available(1, "QUOTE")).isEqualTo(w1.initialBalance());
        assertThat(replayer.engine().available(1, "BASE")).isEqualTo(w1.initialBalance());
    }

    @Test
    void shouldReplayW1WithSingleCancelsToAnEmptyBook() throws Exception
    {
        final Workload w1 = Workload.read(SharedWorkloads.file("w1_n1000.txt"));
        final WorkloadReplayer replayer = WorkloadReplayer.forWorkload(w1, CONFIGURATION);

        replayer.replay(w1.commands());

        assertThat(replayer.rejected()).isZero();
        assertThat(replayer.trades()).isZero();
        assertThat(replayer.resting()).isZero();
    }
}
