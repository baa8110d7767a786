package dev.bourse.loadgen;

import dev.bourse.bench.Figure;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The suite's plots: latency against offered load, and cancel-all time against N. */
public final class BenchmarkPlots
{
    /** Width of every plot in pixels. */
    public static final int WIDTH = 960;
    /** Height of every plot in pixels. */
    public static final int HEIGHT = 600;
    /** File of the latency plot. */
    public static final String LATENCY_FILE = "server-latency.png";
    /** File of the cancel-all plot. */
    public static final String CANCEL_ALL_FILE = "cancel-all.png";

    private static final Pattern CANCEL_FIGURE =
        Pattern.compile("engine\\.(cancel_all|cancel_singles)\\.n([0-9]+)(\\.with_unlinking)?");
    private static final Color[] PERCENTILE_COLORS = {new Color(31, 119, 180), new Color(255, 127, 14),
        new Color(214, 39, 40)};

    private BenchmarkPlots()
    {
    }

    /**
     * Plots p50, p99 and p99.9 against offered load, Bourse solid, the ceiling dashed; log latency.
     *
     * @return the file written.
     */
    public static Path writeLatency(final List<SweepPoint> points, final Path directory) throws IOException
    {
        final List<LinePlot.Series> series = new ArrayList<>();
        final String[] names = {"p50", "p99", "p99.9"};
        final List<ToDoubleFunction<SweepPoint>> values =
            List.of(SweepPoint::p50Ms, SweepPoint::p99Ms, SweepPoint::p999Ms);
        for (final String target : List.of("bourse", "ceiling"))
        {
            for (int i = 0; i < names.length; i++)
            {
                final List<double[]> line = new ArrayList<>();
                for (final SweepPoint point : points)
                {
                    if (point.target().equals(target))
                    {
                        line.add(new double[] {point.offeredPerSecond(),
                            Math.max(0.001, values.get(i).applyAsDouble(point))});
                    }
                }
                if (!line.isEmpty())
                {
                    series.add(new LinePlot.Series(("bourse".equals(target) ? "Bourse " : "bare Vert.x ") + names[i],
                        PERCENTILE_COLORS[i], !"bourse".equals(target), line));
                }
            }
        }
        final Path file = directory.resolve(LATENCY_FILE);
        new LinePlot("Latency against offered load (open loop, from intended send time)", "offered requests/s",
            "latency (ms, log)", false, true, series).write(file, WIDTH, HEIGHT);
        return file;
    }

    /**
     * Plots the engine's {@code engine.cancel_all.n<N>}, {@code engine.cancel_all.n<N>.with_unlinking} and
     * {@code engine.cancel_singles.n<N>} figures (ms) against N, log-log.
     *
     * @return the file written, or null when there is no such figure.
     */
    public static Path writeCancelAll(final List<Figure> figures, final Path directory) throws IOException
    {
        final Map<String, Map<Long, Double>> byKind = new TreeMap<>();
        for (final Figure figure : figures)
        {
            final Matcher matcher = CANCEL_FIGURE.matcher(figure.name());
            if (matcher.matches() && "ms".equals(figure.unit()) && figure.value() > 0)
            {
                final String kind = matcher.group(1) + (matcher.group(3) == null ? "" : matcher.group(3));
                byKind.computeIfAbsent(kind, k -> new TreeMap<>())
                    .put(Long.parseLong(matcher.group(2)), figure.value());
            }
        }
        if (byKind.isEmpty())
        {
            return null;
        }
        final List<LinePlot.Series> series = new ArrayList<>();
        for (final Map.Entry<String, Map<Long, Double>> kind : byKind.entrySet())
        {
            final boolean singles = "cancel_singles".equals(kind.getKey());
            final boolean unlinking = kind.getKey().endsWith(".with_unlinking");
            series.add(new LinePlot.Series(singles ? "N single cancels" : unlinking ?
                "one cancel-all of N orders, and the unlinking of its orders by their levels" :
                "one cancel-all of N orders", PERCENTILE_COLORS[singles ? 2 : unlinking ? 1 : 0], singles || unlinking,
                kind.getValue().entrySet().stream().map(point -> new double[] {point.getKey(), point.getValue()})
                    .toList()));
        }
        final Path file = directory.resolve(CANCEL_ALL_FILE);
        new LinePlot("Cancel-all time against N (engine, with other accounts' orders in the book)",
            "N (orders of the caller, log)", "time (ms, log)", true, true, series).write(file, WIDTH, HEIGHT);
        return file;
    }
}
