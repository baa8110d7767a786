package dev.bourse.server.stream;

/**
 * Where a message is in the stream: the journal sequence of the command it came from, and its index among that
 * command's stream messages (0, 1, 2...). Places only grow: a client that remembers the last place it received resumes
 * after it.
 *
 * @param sequence the command's journal sequence.
 * @param index    the message's index among the command's stream messages; {@link Integer#MAX_VALUE} for "after
 *                 every message of the command".
 */
public record StreamPlace(long sequence, int index) implements Comparable<StreamPlace>
{
    /** @return the place after every message of the command {@code sequence}. */
    public static StreamPlace endOf(final long sequence)
    {
        return new StreamPlace(sequence, Integer.MAX_VALUE);
    }

    @Override
    public int compareTo(final StreamPlace other)
    {
        final int bySequence = Long.compare(sequence, other.sequence);
        return bySequence != 0 ? bySequence : Integer.compare(index, other.index);
    }

    /** @return whether this place comes after the other. */
    public boolean isAfter(final StreamPlace other)
    {
        return compareTo(other) > 0;
    }
}
