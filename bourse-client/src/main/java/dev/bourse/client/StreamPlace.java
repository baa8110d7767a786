package dev.bourse.client;

/**
 * Where a message is in the stream: the journal sequence of its command and its index among that command's messages.
 * Places only grow; the SDK resumes after the last one it delivered.
 *
 * @param sequence the command's journal sequence.
 * @param index    the message's index among the command's messages.
 */
public record StreamPlace(long sequence, int index) implements Comparable<StreamPlace>
{
    @Override
    public int compareTo(final StreamPlace other)
    {
        final int bySequence = Long.compare(sequence, other.sequence);
        return bySequence != 0 ? bySequence : Integer.compare(index, other.index);
    }
}
