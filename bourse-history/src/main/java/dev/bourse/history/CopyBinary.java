package dev.bourse.history;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's binary COPY format ({@code COPY ... FROM STDIN (FORMAT binary)}): no number is formatted as
 * text here or parsed there, and no text is escaped. Each column is added as the type of its column in the table
 * ({@code bigint}, {@code integer}, {@code smallint}, {@code boolean}, {@code text}): the format carries values, not
 * types, so PostgreSQL refuses a value whose width does not match its column, and this class refuses a row whose
 * column count is not the table's. Fast bulk loading for {@link HistoryWriter}.
 */
final class CopyBinary
{
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte)0xff, '\r', '\n', 0};
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int NULL_LENGTH = -1;
    private static final short END = -1;

    private final int columns;
    private byte[] bytes = new byte[4096];
    private int length;
    private int columnsInRow;
    private int rows;
    private boolean finished;

    /** @param columns the columns of each row. */
    CopyBinary(final int columns)
    {
        if (columns <= 0 || columns > Short.MAX_VALUE)
        {
            throw new IllegalArgumentException("columns: " + columns);
        }
        this.columns = columns;
        ensure(SIGNATURE.length + 8);
        System.arraycopy(SIGNATURE, 0, bytes, 0, SIGNATURE.length);
        length = SIGNATURE.length;
        putInt(0); // flags: no OIDs
        putInt(0); // header extension: none
    }

    CopyBinary bigint(final long value)
    {
        column(Long.BYTES);
        LONG.set(bytes, length, value);
        length += Long.BYTES;
        return this;
    }

    CopyBinary integer(final int value)
    {
        column(Integer.BYTES);
        putInt(value);
        return this;
    }

    CopyBinary smallint(final int value)
    {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE)
        {
            throw new IllegalArgumentException("not a smallint: " + value);
        }
        column(Short.BYTES);
        putShort((short)value);
        return this;
    }

    CopyBinary bool(final boolean value)
    {
        column(1);
        bytes[length++] = (byte)(value ? 1 : 0);
        return this;
    }

    /** Adds a text in UTF-8, or SQL NULL for null. */
    CopyBinary text(final String value)
    {
        if (value == null)
        {
            startColumn(0);
            putInt(NULL_LENGTH);
            return this;
        }
        final byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        column(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
        return this;
    }

    void endRow()
    {
        if (columnsInRow != columns)
        {
            throw new IllegalStateException("a row of " + columnsInRow + " columns in a table of " + columns);
        }
        columnsInRow = 0;
        rows++;
    }

    int rows()
    {
        return rows;
    }

    /** Ends the data (no row may follow); @return the bytes to send, valid up to {@link #length()}. */
    byte[] finish()
    {
        if (columnsInRow != 0)
        {
            throw new IllegalStateException("the last row is not ended");
        }
        if (!finished)
        {
            ensure(Short.BYTES);
            putShort(END);
            finished = true;
        }
        return bytes;
    }

    /** @return how many bytes {@link #finish()}'s array holds. */
    int length()
    {
        return length;
    }

    private void column(final int valueBytes)
    {
        startColumn(valueBytes);
        putInt(valueBytes);
    }

    /** Starts a column whose value takes {@code valueBytes} after its length word, and the row before it. */
    private void startColumn(final int valueBytes)
    {
        if (finished)
        {
            throw new IllegalStateException("finished");
        }
        if (columnsInRow == columns)
        {
            throw new IllegalStateException("a row has " + columns + " columns");
        }
        ensure(Short.BYTES + Integer.BYTES + valueBytes);
        if (columnsInRow == 0)
        {
            putShort((short)columns);
        }
        columnsInRow++;
    }

    private void putShort(final short value)
    {
        SHORT.set(bytes, length, value);
        length += Short.BYTES;
    }

    private void putInt(final int value)
    {
        INT.set(bytes, length, value);
        length += Integer.BYTES;
    }

    private void ensure(final int more)
    {
        if (length + more > bytes.length)
        {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
