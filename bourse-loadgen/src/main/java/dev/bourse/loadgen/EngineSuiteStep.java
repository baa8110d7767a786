package dev.bourse.loadgen;

import dev.bourse.bench.EngineBenchmarkSuite;
import dev.bourse.bench.Figure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine part of the suite: {@link EngineBenchmarkSuite#run} with its lines passed on to standard output as they
 * come, and kept as {@link Figure}s for the cancel-all plot.
 */
public final class EngineSuiteStep
{
    private EngineSuiteStep()
    {
    }

    /**
     * Runs the engine suite.
     *
     * @param quick   its quick mode.
     * @param printed receives the figures printed, also those printed before the suite failed.
     */
    public static void run(final boolean quick, final List<Figure> printed)
    {
        final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        final PrintStream tee = new PrintStream(new TeeOutputStream(System.out, copy), true, StandardCharsets.UTF_8);
        try
        {
            EngineBenchmarkSuite.run(quick, tee);
        }
        finally
        {
            tee.flush();
            printed.addAll(parse(copy.toString(StandardCharsets.UTF_8)));
        }
    }

    /** @return the figures among printed lines ({@code name value unit}); other lines are skipped. */
    static List<Figure> parse(final String text)
    {
        final List<Figure> figures = new ArrayList<>();
        for (final String line : text.split("\n"))
        {
            final String[] words = line.trim().split(" ");
            if (words.length == 3)
            {
                try
                {
                    figures.add(new Figure(words[0], Double.parseDouble(words[1]), words[2]));
                }
                catch (final IllegalArgumentException ignored)
                {
                    // not a figure line
                }
            }
        }
        return figures;
    }

    /** Writes to two streams. */
    private static final class TeeOutputStream extends OutputStream
    {
        private final OutputStream first;
        private final OutputStream second;

        TeeOutputStream(final OutputStream first, final OutputStream second)
        {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(final int b) throws IOException
        {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(final byte[] bytes, final int offset, final int length) throws IOException
        {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException
        {
            first.flush();
            second.flush();
        }
    }
}
