package dev.bourse.server;

import dev.bourse.journal.FsyncMode;
import dev.bourse.server.sequencer.CommitDelay;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The commit delay's settings: read from a configuration file, checked, and off when nothing is synced. */
class ServerContextTest
{
    @Test
    void shouldDelayBusyCommitsByDefault()
    {
        assertThat(new ServerContext().commitDelay()).isEqualTo(CommitDelay.of(
            CommitDelay.DEFAULT_DELAY_US, CommitDelay.DEFAULT_MIN_PREVIOUS_BATCH));
    }

    @Test
    void shouldReadTheCommitDelayFromTheConfiguration()
    {
        final Properties properties = new Properties();
        properties.setProperty("commitDelayUs", "500");
        properties.setProperty("bourse.commitDelayMinBatch", "8");

        final CommitDelay delay = new ServerContext().apply(properties).commitDelay();

        assertThat(delay.delayUs()).isEqualTo(500);
        assertThat(delay.minPreviousBatch()).isEqualTo(8);
    }

    @Test
    void shouldNotDelayWhenTurnedOffOrWhenNothingIsSynced()
    {
        assertThat(new ServerContext().commitDelayUs(0).commitDelay()).isEqualTo(CommitDelay.NONE);
        assertThat(new ServerContext().fsyncMode(FsyncMode.NONE).commitDelay()).isEqualTo(CommitDelay.NONE);
    }

    @Test
    void shouldRefuseACommitDelayOutOfBoundsAndKeepTheLastGoodOne()
    {
        final ServerContext context = new ServerContext();
        assertThatIllegalArgumentException().isThrownBy(() -> context.commitDelayUs(20_000));
        assertThatIllegalArgumentException().isThrownBy(() -> context.commitDelayMinBatch(0));
        assertThat(context.commitDelay().delayUs()).isEqualTo(CommitDelay.DEFAULT_DELAY_US);
    }
}
