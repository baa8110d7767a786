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
import java.util.List;
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

    private static EmbeddedMarket market(final Map<String, String> environment, final String... args) throws Exception
    {
        final ServeCommand serve = new ServeCommand(environment);
        new CommandLine(serve).parseArgs(args);
        serve.context();
        return serve.simulatedMarket();
    }

    @Test
    void shouldRunTheSimulatedMarketOnTheDemoPairsUnlessToldOtherwise() throws Exception
    {
        final Path config = dir.resolve("bourse.properties");
        Files.writeString(config, "bourse.simulatedMarket=false\nsimulatedPairs=SOL.USDT\n" +
            "simulatorSettings=/from/config\nport=7000\n");

        assertThat(market(Map.of())).isEqualTo(new EmbeddedMarket(true, null, null));
        assertThat(market(Map.of(), "--no-simulated-market").enabled()).isFalse();
        assertThat(market(Map.of("BOURSE_SIMULATED_MARKET", "false")).enabled()).isFalse();
        assertThat(market(Map.of("BOURSE_SIMULATED_MARKET", "false"), "--simulated-market").enabled()).isTrue();
        assertThat(market(Map.of(), "--config", config.toString()))
            .isEqualTo(new EmbeddedMarket(false, List.of("SOL.USDT"), Path.of("/from/config")));
        assertThat(market(Map.of("BOURSE_SIMULATED_PAIRS", "BTC.USDT, ETH.BTC", "BOURSE_SIMULATED_MARKET", "true"),
            "--config", config.toString()))
            .isEqualTo(new EmbeddedMarket(true, List.of("BTC.USDT", "ETH.BTC"), Path.of("/from/config")));
        assertThat(market(Map.of(), "--simulated-pairs", "BCH.ETH", "--simulator-settings", "sim.properties"))
            .isEqualTo(new EmbeddedMarket(true, List.of("BCH.ETH"), Path.of("sim.properties")));
        assertThat(parse(Map.of(), "--config", config.toString()).publicPort()).isEqualTo(7000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> market(Map.of("BOURSE_SIMULATED_MARKET", "no")))
            .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("true or false");
    }

    @Test
    void shouldTellANewDataDirectoryFromOneWithState() throws Exception
    {
        final ServerContext context = parse(Map.of(), "--data-dir", dir.resolve("data").toString());
        assertThat(EmbeddedMarket.isNewDataDirectory(context)).isTrue();

        Files.createDirectories(context.journalConfiguration().journalDirectory());
        Files.writeString(context.journalConfiguration().journalDirectory().resolve("writer.lock"), "");
        assertThat(EmbeddedMarket.isNewDataDirectory(context)).as("a lock file is no state").isTrue();

        Files.writeString(context.journalConfiguration().journalDirectory()
            .resolve("journal-00000000000000000001.log"), "");
        assertThat(EmbeddedMarket.isNewDataDirectory(context)).isFalse();
    }

    @Test
    void shouldReachTheServerThroughLoopbackWhenItListensOnEveryInterface()
    {
        assertThat(EmbeddedMarket.uri("0.0.0.0", 8080)).hasToString("http://127.0.0.1:8080");
        assertThat(EmbeddedMarket.uri("::", 8080)).hasToString("http://127.0.0.1:8080");
        assertThat(EmbeddedMarket.uri("127.0.0.1", 8081)).hasToString("http://127.0.0.1:8081");
        assertThat(EmbeddedMarket.uri("::1", 8081)).hasToString("http://[::1]:8081");
        assertThat(EmbeddedMarket.uri("10.0.0.5", 9000)).hasToString("http://10.0.0.5:9000");
    }

    @Test
    void shouldKeepTheHistoryInAnEmbeddedDatabaseUnlessToldOtherwise() throws Exception
    {
        final Path config = dir.resolve("bourse.properties");
        Files.writeString(config, "databaseUrl=jdbc:postgresql://db:5432/from_file\ndatabaseUser=file\n" +
            "journalArchiveDir=/archive/from/file\n");

        final ServerContext defaults = parse(Map.of());
        assertThat(defaults.historyEnabled()).isTrue();
        assertThat(defaults.historyFactory()).isSameAs(dev.bourse.history.PostgresHistory.FACTORY);
        assertThat(defaults.databaseUrl()).isNull();
        assertThat(defaults.journalConfiguration().archiveDirectory()).isNull();

        final ServerContext external = parse(Map.of("BOURSE_DATABASE_URL", "jdbc:postgresql://db:5432/from_env",
            "BOURSE_DATABASE_PASSWORD", "secret", "BOURSE_CONFIG", config.toString()),
            "--database-user", "flag");
        assertThat(external.databaseUrl()).isEqualTo("jdbc:postgresql://db:5432/from_env");
        assertThat(external.databaseUser()).isEqualTo("flag");
        assertThat(external.databasePassword()).isEqualTo("secret");
        assertThat(external.journalConfiguration().archiveDirectory()).isEqualTo(Path.of("/archive/from/file"));

        final ServerContext off = parse(Map.of("BOURSE_HISTORY", "off"));
        assertThat(off.historyEnabled()).isFalse();
        assertThat(off.historyFactory()).isSameAs(dev.bourse.server.HistoryService.Factory.NONE);
        assertThat(parse(Map.of("BOURSE_HISTORY", "off"), "--history", "on").historyEnabled()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(Map.of(), "--history", "maybe"))
            .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("on or off");
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
