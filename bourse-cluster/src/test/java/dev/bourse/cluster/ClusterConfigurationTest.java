package dev.bourse.cluster;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterConfigurationTest
{
    private static final String MEMBERS = "0=10.0.0.1:9000,1=10.0.0.2:9000,2=10.0.0.3:9000";

    @Test
    void shouldReadAClusterConfigurationFile()
    {
        final Properties file = new Properties();
        file.setProperty("nodeId", "1");
        file.setProperty("members", MEMBERS);
        file.setProperty("bourse.cluster.clusterDir", "/var/lib/bourse/cluster");
        file.setProperty("leaderHeartbeatTimeoutMs", "3000");
        file.setProperty("replyTimeoutMs", "4000");

        final ClusterConfiguration configuration = new ClusterConfiguration().apply(file).validate();

        assertThat(configuration.self()).isEqualTo(new ClusterConfiguration.Member(1, "10.0.0.2", 9000));
        assertThat(configuration.clusterDirOf(Path.of("data"))).isEqualTo(Path.of("/var/lib/bourse/cluster"));
        assertThat(configuration.leaderHeartbeatTimeoutMs()).isEqualTo(3000);
        assertThat(configuration.replyTimeoutMs()).isEqualTo(4000);
        assertThat(configuration.aeronMembers()).isEqualTo(
            "0,10.0.0.1:9000,10.0.0.1:9001,10.0.0.1:9002,10.0.0.1:9003,10.0.0.1:9004|" +
            "1,10.0.0.2:9000,10.0.0.2:9001,10.0.0.2:9002,10.0.0.2:9003,10.0.0.2:9004|" +
            "2,10.0.0.3:9000,10.0.0.3:9001,10.0.0.3:9002,10.0.0.3:9003,10.0.0.3:9004|");
        assertThat(configuration.ingressEndpoints()).isEqualTo("0=10.0.0.1:9000,1=10.0.0.2:9000,2=10.0.0.3:9000");
    }

    @Test
    void shouldKeepTheClusterInTheDataDirectoryByDefault()
    {
        final ClusterConfiguration configuration =
            new ClusterConfiguration().nodeId(0).members(ClusterConfiguration.parseMembers(MEMBERS));

        assertThat(configuration.clusterDirOf(Path.of("data"))).isEqualTo(Path.of("data", "cluster"));
        assertThat(configuration.aeronDir(Path.of("a", "cluster")))
            .as("nodes of one machine get drivers of their own")
            .isNotEqualTo(configuration.aeronDir(Path.of("b", "cluster")));
    }

    @Test
    void shouldRefuseWhatIsNotACluster()
    {
        assertThatThrownBy(() -> new ClusterConfiguration().apply(properties("nodeID", "0")))
            .hasMessageContaining("unknown cluster configuration key: nodeID");
        assertThatThrownBy(() -> ClusterConfiguration.parseMembers("0=host"))
            .hasMessageContaining("id=host:basePort");
        assertThatThrownBy(() -> ClusterConfiguration.parseMembers("x=host:9000"))
            .hasMessageContaining("id=host:basePort");
        assertThatThrownBy(() -> new ClusterConfiguration().nodeId(3)
            .members(ClusterConfiguration.parseMembers(MEMBERS)).validate())
            .hasMessageContaining("node 3 is not one of the members");
        assertThatThrownBy(() -> new ClusterConfiguration().nodeId(0)
            .members(ClusterConfiguration.parseMembers("0=h:9000,0=g:9000")).validate())
            .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> new ClusterConfiguration().nodeId(0)
            .members(ClusterConfiguration.parseMembers("0=h:9000,1=h:9004")).validate())
            .hasMessageContaining("share ports");
        assertThatThrownBy(() -> new ClusterConfiguration().nodeId(0).validate())
            .hasMessageContaining("no members");
    }

    @Test
    void shouldFindFreePortsForMembersOnThisMachine()
    {
        final List<ClusterConfiguration.Member> members = ClusterConfiguration.localMembers(3);

        assertThat(members).extracting(ClusterConfiguration.Member::id).containsExactly(0, 1, 2);
        assertThat(new ClusterConfiguration().nodeId(2).members(members).validate().self().host())
            .isEqualTo("127.0.0.1");
    }

    private static Properties properties(final String key, final String value)
    {
        final Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }
}
