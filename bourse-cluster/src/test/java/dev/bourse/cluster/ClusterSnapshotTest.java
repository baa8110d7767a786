package dev.bourse.cluster;

import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.Side;
import dev.bourse.engine.TransferDetails;
import dev.bourse.engine.TransferType;
import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.Transfer;
import dev.bourse.server.admin.DemoPairs;
import dev.bourse.server.auth.SecretCipher;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.recovery.ExchangeRecovery;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterSnapshotTest
{
    private final SecretCipher cipher = new SecretCipher(new byte[SecretCipher.KEY_BYTES]);

    @Test
    void shouldRestoreTheEngineTheReadModelTheSequenceAndTheTime() throws IOException
    {
        final ExchangeRecovery live = empty();
        final TransferDetails details = new TransferDetails("address", "", "", "");
        live.onRecord(1, 1_000, DemoPairs.commands().getFirst());
        live.onRecord(2, 1_001, new CreateAccount());
        live.onRecord(3, 1_002, new Transfer(1, TransferType.DEPOSIT, "USDT", 100_000_000_000_000L, 0, details));
        live.onRecord(4, 1_003, PlaceOrder.limit(1, "BTC.USDT", Side.BUY, 3_000_000_000_000L, 100_000_000L));

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ClusterSnapshot.write(new DataOutputStream(bytes), 4, live.engine(), live.lastTimestampMs(), live.readModel());
        final ExchangeRecovery restored = empty();
        final long sequence =
            ClusterSnapshot.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), restored);

        assertThat(sequence).isEqualTo(4);
        assertThat(restored.engine().stateHash()).isEqualTo(live.engine().stateHash());
        assertThat(restored.lastTimestampMs()).isEqualTo(1_003);
        assertThat(restored.readModel().orders().openOrders(1, order -> true, 10)).hasSize(1);
    }

    @Test
    void shouldRefuseWhatIsNotAClusterSnapshot()
    {
        final byte[] bytes = {0x42, 0x52, 0x53, 0x45, 0, 0, 0, 1};

        assertThatThrownBy(() -> ClusterSnapshot.read(new DataInputStream(new ByteArrayInputStream(bytes)), empty()))
            .isInstanceOf(IOException.class).hasMessageContaining("not a Bourse cluster snapshot");
    }

    private ExchangeRecovery empty()
    {
        return ExchangeRecovery.empty(EngineConfiguration.DEFAULT, ReadModel.Configuration.DEFAULT, cipher);
    }
}
