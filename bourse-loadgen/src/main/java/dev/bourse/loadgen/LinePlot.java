package dev.bourse.loadgen;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;

/**
 * A line chart drawn with JFreeChart (headless) and written as PNG: linear or logarithmic axes, one line with markers
 * per series, a legend.
 *
 * @param title  the title.
 * @param xLabel the x axis' label.
 * @param yLabel the y axis' label.
 * @param logX   whether the x axis is logarithmic (values must then be positive).
 * @param logY   whether the y axis is logarithmic (values must then be positive).
 * @param series the lines.
 */
public record LinePlot(String title, String xLabel, String yLabel, boolean logX, boolean logY, List<Series> series)
{
    private static final float LINE_WIDTH = 2f;
    private static final float[] DASH = {8f, 6f};

    /**
     * One line.
     *
     * @param name   its legend.
     * @param color  its colour.
     * @param dashed whether it is dashed.
     * @param points its points (x, y), drawn in the order given.
     */
    public record Series(String name, Color color, boolean dashed, List<double[]> points)
    {
        public Series
        {
            points = List.copyOf(points);
        }
    }

    public LinePlot
    {
        series = List.copyOf(series);
        for (final Series line : series)
        {
            for (final double[] point : line.points())
            {
                if (point.length != 2 || !Double.isFinite(point[0]) || !Double.isFinite(point[1]) ||
                    (logX && point[0] <= 0) || (logY && point[1] <= 0))
                {
                    throw new IllegalArgumentException("point not drawable in " + line.name());
                }
            }
        }
    }

    /**
     * Draws the chart and writes it.
     *
     * @param file   the PNG file (its directory is created).
     * @param width  width in pixels.
     * @param height height in pixels.
     */
    public void write(final Path file, final int width, final int height) throws IOException
    {
        final XYSeriesCollection data = new XYSeriesCollection();
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < series.size(); i++)
        {
            final Series line = series.get(i);
            final XYSeries points = new XYSeries(line.name(), false, true);
            line.points().forEach(point -> points.add(point[0], point[1]));
            data.addSeries(points);
            renderer.setSeriesPaint(i, line.color());
            renderer.setSeriesStroke(i, line.dashed() ?
                new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, DASH, 0f) :
                new BasicStroke(LINE_WIDTH));
        }
        final XYPlot plot = new XYPlot(data, axis(xLabel, logX), axis(yLabel, logY), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        final JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        if (file.getParent() != null)
        {
            Files.createDirectories(file.getParent());
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
    }

    private static ValueAxis axis(final String label, final boolean log)
    {
        if (log)
        {
            final LogAxis axis = new LogAxis(label);
            axis.setSmallestValue(1e-6);
            axis.setTickUnit(new NumberTickUnit(1.0));
            axis.setMinorTickCount(9);
            axis.setMinorTickMarksVisible(true);
            axis.setNumberFormatOverride(new DecimalFormat("#,##0.######"));
            return axis;
        }
        final NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        return axis;
    }
}
