package dev.bourse.loadgen;

import dev.bourse.bench.Figure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkPlotsTest
{
    @TempDir
    Path directory;

    @Test
    void shouldWriteTheLatencyPlotAsAPngOfTheStatedSize() throws Exception
    {
        final List<SweepPoint> points = List.of(
            new SweepPoint("bourse", 1_000, 1_000, 0.4, 1.5, 3.0),
            new SweepPoint("bourse", 2_000, 2_000, 0.5, 2.5, 9.0),
            new SweepPoint("ceiling", 1_000, 1_000, 0.1, 0.5, 1.0),
            new SweepPoint("ceiling", 2_000, 2_000, 0.1, 0.6, 1.2));

        final Path file = BenchmarkPlots.writeLatency(points, directory);

        final BufferedImage image = ImageIO.read(file.toFile());
        assertThat(file.getFileName().toString()).isEqualTo(BenchmarkPlots.LATENCY_FILE);
        assertThat(image.getWidth()).isEqualTo(BenchmarkPlots.WIDTH);
        assertThat(image.getHeight()).isEqualTo(BenchmarkPlots.HEIGHT);
        assertThat(distinctColours(image)).isGreaterThan(5);
    }

    @Test
    void shouldPlotCancelAllFiguresOfTheEngineAndSkipOthers() throws Exception
    {
        final List<Figure> figures = List.of(
            new Figure("engine.cancel_all.n10", 0.01, "ms"),
            new Figure("engine.cancel_all.n1000", 0.2, "ms"),
            new Figure("engine.cancel_singles.n1000", 0.9, "ms"),
            new Figure("engine.w2.throughput", 4.1, "Mcmd/s"),
            new Figure("engine.cancel_all.n1000.with_unlinking", 0.5, "ms"),
            new Figure("engine.cancel_all.n1000.with_unlinking.per_order", 500, "ns"));

        final Path file = BenchmarkPlots.writeCancelAll(figures, directory);

        final BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(BenchmarkPlots.WIDTH);
        assertThat(image.getHeight()).isEqualTo(BenchmarkPlots.HEIGHT);
        assertThat(BenchmarkPlots.writeCancelAll(List.of(figures.get(3)), directory.resolve("none"))).isNull();
    }

    private static long distinctColours(final BufferedImage image)
    {
        final Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 3)
        {
            for (int y = 0; y < image.getHeight(); y += 3)
            {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
