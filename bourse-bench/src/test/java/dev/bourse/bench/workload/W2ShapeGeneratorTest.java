package dev.bourse.bench.workload;

import dev.bourse.engine.EngineConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class W2ShapeGeneratorTest
{
    private static final EngineConfiguration CONFIGURATION =
        EngineConfiguration.DEFAULT.withMaxOpenOrdersPerAccount(1_000_000);

    @Test
    void shouldGenerateTheSameWorkloadForTheSameSeed()
    {
        final W2ShapeGenerator.Generated first = new W2ShapeGenerator(42, 100).generate(1_000, 10_000);
        final W2ShapeGenerator.Generated second = new W2ShapeGenerator(42, 100).generate(1_000, 10_000);
        final W2ShapeGenerator.Generated otherSeed = new W2ShapeGenerator(43, 100).generate(1_000, 10_000);

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed.main().commands()).isNotEqualTo(first.main().commands());
    }

    @Test
    void shouldHaveW2sShapeAndHoldTheBookNearItsTarget()
    {
        final W2ShapeGenerator.Generated generated = new W2ShapeGenerator(7, 100).generate(2_000, 20_000);

        assertThat(generated.prefill().commands()).hasSize(2_000);
        assertThat(generated.prefill().expectedTrades()).isZero();
        assertThat(generated.prefill().expectedResting()).isEqualTo(2_000);
        assertThat(generated.main().commands()).hasSize(20_000);
        final long cancels = generated.main().commands().stream()
            .filter(command -> command instanceof WorkloadCommand.Cancel).count();
        final long iocs = generated.main().commands().stream()
            .filter(command -> command instanceof WorkloadCommand.Place place && place.immediateOrCancel()).count();
        assertThat(cancels).isBetween(7_000L, 9_000L);
        assertThat(iocs).isBetween(1_600L, 2_400L);
        assertThat(generated.main().expectedTrades()).isPositive();
        assertThat(generated.main().expectedResting()).isBetween(1_500L, 2_500L);
        assertThat(generated.main().maxUid()).isLessThanOrEqualTo(100);
    }

    @Test
    void shouldReplayOnTheEngineToTheOutcomeOfTheReferenceBook()
    {
        final W2ShapeGenerator.Generated generated = new W2ShapeGenerator(11, 50).generate(3_000, 30_000);
        final WorkloadReplayer replayer = WorkloadReplayer.forWorkload(generated.prefill(), CONFIGURATION);

        replayer.replay(generated.prefill().commands());
        final long tradesBefore = replayer.trades();
        final long volumeBefore = replayer.volume();
        replayer.replay(generated.main().commands());

        assertThat(replayer.rejected()).isZero();
        assertThat(replayer.trades() - tradesBefore).isEqualTo(generated.main().expectedTrades());
        assertThat(replayer.volume() - volumeBefore).isEqualTo(generated.main().expectedVolume());
        assertThat(replayer.resting()).isEqualTo(generated.main().expectedResting());
    }
}
