package dev.bourse.journal;

/** When the journal and the snapshot store force their writes to stable storage. */
public enum FsyncMode
{
    /**
     * The default: {@link JournalWriter#commit()} forces the batch with one {@code FileChannel.force(false)} before
     * it returns, so that every committed command survives a crash or a power loss; snapshots and new files are
     * forced too, and their directory.
     */
    PER_BATCH,

    /**
     * UNSAFE, for sandboxes and tests only: nothing is ever forced. A process crash loses nothing the operating
     * system already holds, but a power loss or a kernel crash may lose acknowledged commands, leave holes in the
     * journal (recovery then stops with a corruption error) or lose the newest snapshot.
     */
    NONE
}
