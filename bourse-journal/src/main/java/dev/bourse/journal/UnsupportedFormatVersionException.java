package dev.bourse.journal;

import java.nio.file.Path;

/**
 * A file of the data directory was written by a newer version of Bourse (a format version this one does not know).
 * Nothing is read nor changed: run the newer version, or restore a backup written by this one.
 */
public final class UnsupportedFormatVersionException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int version;

    /**
     * @param file             the file.
     * @param what             which version (format or command encoding).
     * @param version          the version found.
     * @param supportedVersion the newest version this build reads.
     */
    public UnsupportedFormatVersionException(
        final Path file, final String what, final int version, final int supportedVersion)
    {
        super(file + " has " + what + " version " + version + " but this build reads up to version " +
            supportedVersion + ": the data directory was written by a newer Bourse; run that version or restore " +
            "a backup");
        this.file = file;
        this.version = version;
    }

    /** @return the file. */
    public Path file()
    {
        return file;
    }

    /** @return the version found in it. */
    public int version()
    {
        return version;
    }
}
