package dev.bourse.server.simulation;

import dev.bourse.journal.SegmentChannels;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The journal's disk in the whole-server simulation and the fault-injection tests: real files, written through
 * channels that fail a write (as a full disk does), fail a force, or tear a write (a prefix reaches the file, then the
 * write fails), each with a seeded probability; a capacity beyond which every write fails with "No space left on
 * device"; and a crash that keeps only what was forced plus a random prefix of what was not, as a power loss does.
 */
public final class SimulatedDisk implements SegmentChannels
{
    /**
     * How often each fault strikes, per write or force.
     *
     * @param failWrite a write fails, writing nothing.
     * @param tearWrite a write writes a prefix of its bytes, then fails.
     * @param failForce a force fails (the bytes may or may not be on the disk).
     */
    public record Faults(double failWrite, double tearWrite, double failForce)
    {
        static final Faults NONE = new Faults(0, 0, 0);
    }

    private final Random random;
    private final Map<Path, Long> forcedLengths = new LinkedHashMap<>();
    private Faults faults = Faults.NONE;
    private int faultsInjected;
    private volatile long bytesWritten;
    private volatile long capacityBytes = Long.MAX_VALUE;

    /** @param random decides every fault. */
    public SimulatedDisk(final Random random)
    {
        this.random = random;
    }

    /** @param faults how often each fault strikes from now on. */
    public void faults(final Faults faults)
    {
        this.faults = faults;
    }

    /** @return faults injected so far. */
    public int faultsInjected()
    {
        return faultsInjected;
    }

    /** @return bytes written to segments so far. */
    public long bytesWritten()
    {
        return bytesWritten;
    }

    /** @param capacityBytes bytes written in all beyond which every write fails: the disk is full. */
    public void capacity(final long capacityBytes)
    {
        this.capacityBytes = capacityBytes;
    }

    @Override
    public FileChannel open(final Path path, final OpenOption... options) throws IOException
    {
        final FileChannel file = FileChannel.open(path, options);
        forcedLengths.putIfAbsent(path, 0L);
        return new FaultyChannel(path, file);
    }

    /**
     * The power goes out: every segment keeps what was forced and a random prefix of what was not (possibly with its
     * last kept byte damaged, as a torn sector would be).
     */
    void crash() throws IOException
    {
        for (final Map.Entry<Path, Long> entry : forcedLengths.entrySet())
        {
            final Path path = entry.getKey();
            if (!path.toFile().exists())
            {
                continue;
            }
            try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE))
            {
                final long forced = Math.min(entry.getValue(), file.size());
                final long unforced = file.size() - forced;
                final long kept = unforced == 0 ? 0 : (long)(random.nextDouble() * (unforced + 1));
                file.truncate(forced + kept);
                if (kept > 0 && random.nextInt(4) == 0)
                {
                    file.write(ByteBuffer.wrap(new byte[] {(byte)random.nextInt(256)}), forced + kept - 1);
                }
                file.force(true);
            }
            entry.setValue(path.toFile().length());
        }
    }

    private boolean strikes(final double probability)
    {
        if (probability > 0 && random.nextDouble() < probability)
        {
            faultsInjected++;
            return true;
        }
        return false;
    }

    /** A segment's channel; only what the journal writer uses may fail. */
    private final class FaultyChannel extends FileChannel
    {
        private final Path path;
        private final FileChannel file;

        FaultyChannel(final Path path, final FileChannel file)
        {
            this.path = path;
            this.file = file;
        }

        @Override
        public int write(final ByteBuffer source, final long position) throws IOException
        {
            if (strikes(faults.failWrite()) || bytesWritten + source.remaining() > capacityBytes)
            {
                throw new IOException("No space left on device (simulated)");
            }
            bytesWritten += source.remaining();
            if (source.remaining() > 1 && strikes(faults.tearWrite()))
            {
                final ByteBuffer prefix = source.duplicate();
                prefix.limit(prefix.position() + 1 + random.nextInt(source.remaining() - 1));
                file.write(prefix, position);
                throw new IOException("Input/output error: torn write (simulated)");
            }
            return file.write(source, position);
        }

        @Override
        public void force(final boolean metaData) throws IOException
        {
            if (strikes(faults.failForce()))
            {
                throw new IOException("Input/output error: fsync failed (simulated)");
            }
            file.force(metaData);
            forcedLengths.put(path, file.size());
        }

        @Override
        public FileChannel truncate(final long size) throws IOException
        {
            file.truncate(size);
            return this;
        }

        @Override
        public int read(final ByteBuffer destination) throws IOException
        {
            return file.read(destination);
        }

        @Override
        public long read(final ByteBuffer[] destinations, final int offset, final int length) throws IOException
        {
            return file.read(destinations, offset, length);
        }

        @Override
        public int write(final ByteBuffer source) throws IOException
        {
            return write(source, file.position());
        }

        @Override
        public long write(final ByteBuffer[] sources, final int offset, final int length)
        {
            throw new UnsupportedOperationException("the journal writes one buffer at a time");
        }

        @Override
        public long position() throws IOException
        {
            return file.position();
        }

        @Override
        public FileChannel position(final long newPosition) throws IOException
        {
            file.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException
        {
            return file.size();
        }

        @Override
        public long transferTo(final long position, final long count, final WritableByteChannel target)
            throws IOException
        {
            return file.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(final ReadableByteChannel source, final long position, final long count)
        {
            throw new UnsupportedOperationException("the journal does not transfer into segments");
        }

        @Override
        public int read(final ByteBuffer destination, final long position) throws IOException
        {
            return file.read(destination, position);
        }

        @Override
        public MappedByteBuffer map(final MapMode mode, final long position, final long size) throws IOException
        {
            return file.map(mode, position, size);
        }

        @Override
        public FileLock lock(final long position, final long size, final boolean shared) throws IOException
        {
            return file.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(final long position, final long size, final boolean shared) throws IOException
        {
            return file.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException
        {
            file.close();
        }
    }
}
