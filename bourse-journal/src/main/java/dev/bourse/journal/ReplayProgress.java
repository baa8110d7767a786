package dev.bourse.journal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** Logs the progress of a replay at most once per interval: records, rate, share of bytes and time left. */
final class ReplayProgress implements JournalReader.ProgressListener
{
    private static final Logger LOGGER = LoggerFactory.getLogger(ReplayProgress.class);

    private final long intervalNs;
    private final LongSupplier nanoClock;
    private final long startNs;
    private long lastReportNs;
    private long records;

    ReplayProgress(final long intervalMs, final LongSupplier nanoClock)
    {
        this.intervalNs = TimeUnit.MILLISECONDS.toNanos(intervalMs);
        this.nanoClock = nanoClock;
        this.startNs = nanoClock.getAsLong();
        this.lastReportNs = startNs;
    }

    @Override
    public void onProgress(final long recordsSoFar, final long bytesScanned, final long totalBytes)
    {
        final String line = report(recordsSoFar, bytesScanned, totalBytes);
        if (line != null)
        {
            LOGGER.info(line);
        }
    }

    /** @return the progress line when one is due, else null. */
    String report(final long recordsSoFar, final long bytesScanned, final long totalBytes)
    {
        records = recordsSoFar;
        final long nowNs = nanoClock.getAsLong();
        if (nowNs - lastReportNs < intervalNs || bytesScanned <= 0)
        {
            return null;
        }
        lastReportNs = nowNs;
        final long elapsedMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nowNs - startNs));
        final long ratePerSecond = recordsSoFar * 1000 / elapsedMs;
        final double share = Math.min(1.0, (double)bytesScanned / Math.max(1, totalBytes));
        final long leftSeconds = (long)Math.ceil(elapsedMs * (1.0 - share) / share / 1000.0);
        return String.format(Locale.ROOT, "Replaying journal: %d records (%.1f%% of %d bytes), %d records/s, " +
            "about %d s left", recordsSoFar, share * 100.0, totalBytes, ratePerSecond, leftSeconds);
    }

    long records()
    {
        return records;
    }

    long elapsedMs()
    {
        return TimeUnit.NANOSECONDS.toMillis(nanoClock.getAsLong() - startNs);
    }
}
