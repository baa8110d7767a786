package dev.bourse.history;

/**
 * Rows in PostgreSQL's COPY text format: columns separated by tabs, rows by newlines, and backslash, tab, newline
 * and carriage return escaped in text. Fast bulk loading for {@link HistoryWriter}.
 */
final class CopyText
{
    private final StringBuilder text = new StringBuilder(4096);
    private boolean rowStarted;
    private int rows;

    CopyText add(final long value)
    {
        separate();
        text.append(value);
        return this;
    }

    CopyText add(final boolean value)
    {
        separate();
        text.append(value ? 't' : 'f');
        return this;
    }

    /** Adds a text, or SQL NULL for null. */
    CopyText add(final String value)
    {
        separate();
        if (value == null)
        {
            text.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return this;
    }

    void endRow()
    {
        text.append('\n');
        rowStarted = false;
        rows++;
    }

    int rows()
    {
        return rows;
    }

    @Override
    public String toString()
    {
        return text.toString();
    }

    private void separate()
    {
        if (rowStarted)
        {
            text.append('\t');
        }
        rowStarted = true;
    }
}
