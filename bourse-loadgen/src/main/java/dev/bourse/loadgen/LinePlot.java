package dev.bourse.loadgen;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart drawn with Java2D (headless) and written as PNG: linear or logarithmic axes, one line with markers per
 * series, a legend. Enough for the suite's two plots; no plotting library.
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
    private static final int MARGIN_LEFT = 90;
    private static final int MARGIN_RIGHT = 230;
    private static final int LEGEND_WIDTH = 210;
    private static final int MARGIN_TOP = 50;
    private static final int MARGIN_BOTTOM = 70;
    private static final int TICKS = 6;

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
        final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        try
        {
            draw(g, width, height);
        }
        finally
        {
            g.dispose();
        }
        if (file.getParent() != null)
        {
            Files.createDirectories(file.getParent());
        }
        if (!ImageIO.write(image, "png", file.toFile()))
        {
            throw new IOException("no PNG writer");
        }
    }

    private void draw(final Graphics2D g, final int width, final int height)
    {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        final Axis x = axis(0, logX, MARGIN_LEFT, width - MARGIN_RIGHT);
        final Axis y = axis(1, logY, height - MARGIN_BOTTOM, MARGIN_TOP);
        drawFrame(g, x, y, width, height);
        for (final Series line : series)
        {
            drawSeries(g, line, x, y);
        }
        drawLegend(g, width);
    }

    private Axis axis(final int dimension, final boolean log, final int fromPixel, final int toPixel)
    {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (final Series line : series)
        {
            for (final double[] point : line.points())
            {
                min = Math.min(min, point[dimension]);
                max = Math.max(max, point[dimension]);
            }
        }
        if (min > max)
        {
            min = 1;
            max = 10;
        }
        if (log)
        {
            min = Math.pow(10, Math.floor(Math.log10(min)));
            max = Math.pow(10, Math.ceil(Math.log10(max)));
            max = max <= min ? min * 10 : max;
        }
        else
        {
            min = Math.min(0, min);
            max = max <= min ? min + 1 : max * 1.05;
        }
        return new Axis(min, max, log, fromPixel, toPixel);
    }

    private void drawFrame(final Graphics2D g, final Axis x, final Axis y, final int width, final int height)
    {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        final FontMetrics metrics = g.getFontMetrics();
        for (final double tick : x.ticks())
        {
            final int px = x.pixel(tick);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(px, y.fromPixel(), px, y.toPixel());
            g.setColor(Color.DARK_GRAY);
            final String text = label(tick);
            g.drawString(text, px - metrics.stringWidth(text) / 2, y.fromPixel() + 18);
        }
        for (final double tick : y.ticks())
        {
            final int py = y.pixel(tick);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(x.fromPixel(), py, x.toPixel(), py);
            g.setColor(Color.DARK_GRAY);
            final String text = label(tick);
            g.drawString(text, x.fromPixel() - metrics.stringWidth(text) - 6, py + 4);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x.fromPixel(), y.toPixel(), x.toPixel() - x.fromPixel(), y.fromPixel() - y.toPixel());
        g.drawString(xLabel, (x.fromPixel() + x.toPixel() - metrics.stringWidth(xLabel)) / 2, height - 25);
        final Graphics2D rotated = (Graphics2D)g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(yLabel, -(y.fromPixel() + y.toPixel() + metrics.stringWidth(yLabel)) / 2, 20);
        rotated.dispose();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, (width - g.getFontMetrics().stringWidth(title)) / 2, 28);
    }

    private static void drawSeries(final Graphics2D g, final Series line, final Axis x, final Axis y)
    {
        g.setColor(line.color());
        g.setStroke(line.dashed() ?
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 6f}, 0f) :
            new BasicStroke(2f));
        final Path2D path = new Path2D.Double();
        for (final double[] point : line.points())
        {
            final int px = x.pixel(point[0]);
            final int py = y.pixel(point[1]);
            if (path.getCurrentPoint() == null)
            {
                path.moveTo(px, py);
            }
            else
            {
                path.lineTo(px, py);
            }
            g.fillOval(px - 3, py - 3, 7, 7);
        }
        g.draw(path);
        g.setStroke(new BasicStroke(1f));
    }

    private void drawLegend(final Graphics2D g, final int width)
    {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int row = 0;
        for (final Series line : series)
        {
            final int top = MARGIN_TOP + 10 + row * 18;
            final int left = width - LEGEND_WIDTH;
            g.setColor(line.color());
            g.fillRect(left, top - 6, line.dashed() ? 8 : 22, 3);
            if (line.dashed())
            {
                g.fillRect(left + 14, top - 6, 8, 3);
            }
            g.setColor(Color.BLACK);
            g.drawString(line.name(), left + 28, top);
            row++;
        }
    }

    private static String label(final double value)
    {
        if (value != 0 && (Math.abs(value) >= 1e9 || Math.abs(value) < 1e-2))
        {
            return String.format(Locale.ROOT, "%.0e", value);
        }
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value) :
            String.format(Locale.ROOT, "%.2f", value);
    }

    /** @return 1, 2 or 5 times a power of ten, at least the raw step. */
    private static double niceStep(final double rawStep)
    {
        final double power = Math.pow(10, Math.floor(Math.log10(rawStep)));
        final double fraction = rawStep / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    /** An axis from value to pixel. */
    private record Axis(double min, double max, boolean log, int fromPixel, int toPixel)
    {
        int pixel(final double value)
        {
            final double share = log ?
                (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) :
                (value - min) / (max - min);
            return (int)Math.round(fromPixel + share * (toPixel - fromPixel));
        }

        List<Double> ticks()
        {
            final List<Double> ticks = new ArrayList<>();
            if (log)
            {
                for (double tick = min; tick <= max * 1.0001 && ticks.size() < 32; tick *= 10)
                {
                    ticks.add(tick);
                }
            }
            else
            {
                final double step = niceStep((max - min) / TICKS);
                for (double tick = Math.ceil(min / step) * step; tick <= max && ticks.size() < 32; tick += step)
                {
                    ticks.add(tick);
                }
            }
            return ticks;
        }
    }
}
