package dev.bourse.bench;

import java.util.Arrays;

/** Repeated measurements of one quantity and their median. */
final class Samples
{
    private final double[] values;
    private int count;

    Samples(final int capacity)
    {
        values = new double[capacity];
    }

    void add(final double value)
    {
        values[count++] = value;
    }

    double median()
    {
        if (count == 0)
        {
            throw new IllegalStateException("no samples");
        }
        final double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
    }

    double min()
    {
        return Arrays.stream(values, 0, count).min().orElseThrow();
    }

    double max()
    {
        return Arrays.stream(values, 0, count).max().orElseThrow();
    }
}
