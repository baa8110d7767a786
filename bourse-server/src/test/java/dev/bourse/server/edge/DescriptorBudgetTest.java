package dev.bourse.server.edge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DescriptorBudgetTest
{
    private static final ConnectionLimits PUBLIC = new ConnectionLimits(10_000, 1_000, 8, 10_000, 120_000);
    private static final ConnectionLimits ADMIN = new ConnectionLimits(64, 64, 64, 10_000, 120_000);

    @Test
    void shouldKeepThePublicCapWhenItLeavesRoomForTheAdminPortAndTheFiles()
    {
        assertThat(DescriptorBudget.fit(PUBLIC, ADMIN, 20_000)).isEqualTo(PUBLIC);
        assertThat(DescriptorBudget.fit(PUBLIC, ADMIN, 10_000 + 64 + DescriptorBudget.RESERVED)).isEqualTo(PUBLIC);
        assertThat(DescriptorBudget.fit(PUBLIC, ADMIN, -1)).isEqualTo(PUBLIC);
    }

    @Test
    void shouldLowerThePublicCapToWhatTheDescriptorsAllow()
    {
        final ConnectionLimits fitted = DescriptorBudget.fit(PUBLIC, ADMIN, 4_096);

        assertThat(fitted.maxConnections()).isEqualTo(4_096 - 64 - DescriptorBudget.RESERVED);
        assertThat(fitted.maxConnectionsPerIp()).isEqualTo(1_000);
        assertThat(DescriptorBudget.fit(PUBLIC, ADMIN, 1_100).maxConnectionsPerIp()).isEqualTo(12);
        assertThatThrownBy(() -> DescriptorBudget.fit(PUBLIC, ADMIN, 1_024))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("ulimit -n");
    }
}
