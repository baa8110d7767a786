package dev.bourse.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Collects the figures of a run and prints each as it comes, one line each. */
public final class Figures
{
    private final PrintStream out;
    private final List<Figure> figures = new ArrayList<>();

    /** @param out where each figure's line is printed. */
    public Figures(final PrintStream out)
    {
        this.out = out;
    }

    /** Records and prints a figure. */
    public void add(final String name, final double value, final String unit)
    {
        final Figure figure = new Figure(name, value, unit);
        figures.add(figure);
        out.println(figure.line());
        out.flush();
    }

    /** @return the figures so far, in order. */
    public List<Figure> all()
    {
        return List.copyOf(figures);
    }
}
