package dev.bourse.cli;

import dev.bourse.journal.FsyncMode;
import dev.bourse.server.ServerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServeCommandTest
{
    @TempDir
    Path dir;

    private static ServerContext parse(final Map<String, String> environment, final String... args) throws Exception
    {
        final ServeCommand serve = new ServeCommand(environment);
        new CommandLine(serve).parseArgs(args);
        return serve.context();
    }

    @Test
    void shouldDefaultToThePortsOfTheSpec() throws Exception
    {
        final ServerContext context = parse(Map.of());

        assertThat(context.publicPort()).isEqualTo(8080);
        assertThat(context.adminPort()).isEqualTo(8081);
        assertThat(context.adminHost()).isEqualTo("127.0.0.1");
        assertThat(context.dataDir()).isEqualTo(Path.of("data"));
        assertThat(context.adminToken()).isNull();
    }

    @Test
    void shouldPreferFlagsThenEnvironmentThenConfigFile() throws Exception
    {
        final Path config = dir.resolve("bourse.properties");
        Files.writeString(config, "port=7000\nadminPort=7001\nbourse.dataDir=/from/config\nadminToken=fromConfig\n");

        final ServerContext context = parse(
            Map.of("BOURSE_PORT", "9000", "BOURSE_ADMIN_PORT", "9001", "BOURSE_ADMIN_TOKEN", "fromEnv",
                "BOURSE_CONFIG", config.toString()),
            "--admin-port", "9101");

        assertThat(context.publicPort()).isEqualTo(9000);
        assertThat(context.adminPort()).isEqualTo(9101);
        assertThat(context.dataDir()).isEqualTo(Path.of("/from/config"));
        assertThat(context.adminToken()).isEqualTo("fromEnv");
    }

    @Test
    void shouldForceTheJournalPerBatchUnlessToldOtherwise() throws Exception
    {
        final Path config = dir.resolve("bourse.properties");
        Files.writeString(config, "fsync=none\nsnapshotIntervalCommands=5000\nsnapshotsToKeep=7\n");

        assertThat(parse(Map.of()).fsyncMode()).isEqualTo(FsyncMode.PER_BATCH);
        assertThat(parse(Map.of("BOURSE_FSYNC", "none")).fsyncMode()).isEqualTo(FsyncMode.NONE);
        assertThat(parse(Map.of("BOURSE_FSYNC", "none"), "--fsync", "per-batch").fsyncMode())
            .isEqualTo(FsyncMode.PER_BATCH);
        final ServerContext fromFile = parse(Map.of(), "--config", config.toString());
        assertThat(fromFile.fsyncMode()).isEqualTo(FsyncMode.NONE);
        assertThat(fromFile.snapshotIntervalCommands()).isEqualTo(5000);
        assertThat(fromFile.journalConfiguration().snapshotsToKeep()).isEqualTo(7);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(Map.of(), "--fsync", "sometimes"))
            .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("per-batch or none");
    }

    @Test
    void shouldReadTheLimitsTheLogFormatAndTheHeap() throws Exception
    {
        final Path config = dir.resolve("bourse.properties");
        Files.writeString(config, "maxConnections=500\nmaxConnectionsPerIp=50\nmaxConnectionsPerKey=2\n" +
            "adminMaxConnections=10\nrequestTimeoutMs=2000\nidleTimeoutMs=30000\nlogFormat=json\nbourse.heap=6g\n");

        final ServerContext defaults = parse(Map.of());
        assertThat(defaults.jsonLogs()).isFalse();
        assertThat(defaults.heap()).isEqualTo("4g");
        assertThat(defaults.publicLimits().maxConnections()).isEqualTo(10_000);
        final ServerContext fromFile = parse(Map.of(), "--config", config.toString());
        assertThat(fromFile.publicLimits()).isEqualTo(
            new dev.bourse.server.edge.ConnectionLimits(500, 50, 2, 2_000, 30_000));
        assertThat(fromFile.adminLimits().maxConnections()).isEqualTo(10);
        assertThat(fromFile.jsonLogs()).isTrue();
        assertThat(fromFile.heap()).isEqualTo("6g");
        final ServerContext overridden = parse(Map.of("BOURSE_LOG_FORMAT", "text", "BOURSE_HEAP", "2g",
            "BOURSE_CONFIG", config.toString()), "--heap", "512m");
        assertThat(overridden.jsonLogs()).isFalse();
        assertThat(overridden.heap()).isEqualTo("512m");
        assertThat(ServerContext.sizeInBytes(overridden.heap())).isEqualTo(512L << 20);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(Map.of(), "--log-format", "xml"))
            .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("text or json");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(Map.of(), "--heap", "lots"))
            .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("-Xmx");
    }

    @Test
    void shouldRefuseUnknownConfigurationKeys() throws Exception
    {
        final Path config = dir.resolve("bourse.properties");
        Files.writeString(config, "prot=7000\n");

        final ServeCommand serve = new ServeCommand(Map.of());
        new CommandLine(serve).parseArgs("--config", config.toString());
        org.assertj.core.api.Assertions.assertThatThrownBy(serve::context)
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prot");
    }

    @Test
    void shouldListServeInTheHelp()
    {
        final StringWriter out = new StringWriter();
        final CommandLine commandLine = BourseCommand.commandLine().setOut(new PrintWriter(out));

        assertThat(commandLine.execute("--help")).isZero();
        assertThat(out.toString()).contains("serve");
        assertThat(commandLine.getSubcommands()).containsKey("serve");
    }
}
