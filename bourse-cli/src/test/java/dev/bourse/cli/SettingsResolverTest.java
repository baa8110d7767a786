package dev.bourse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsResolverTest
{
    @TempDir
    Path home;

    private Path writeConfig(final Path file, final String text) throws IOException
    {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static SettingsResolver.Flags flags(final String url, final String apiKey, final String adminToken)
    {
        return new SettingsResolver.Flags(null, url, apiKey, null, null, adminToken, null);
    }

    @Test
    void shouldDefaultToTheLocalPortsWhenNothingIsGiven()
    {
        final ClientSettings settings = new SettingsResolver(Map.of(), home).resolve(SettingsResolver.Flags.NONE);

        assertThat(settings.publicUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(settings.adminUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(settings.apiKey()).isNull();
        assertThat(settings.adminToken()).isNull();
        assertThat(settings.configFile()).isEqualTo(home.resolve(".bourse/config.properties"));
    }

    @Test
    void shouldPreferFlagThenEnvironmentThenFileThenDefault() throws IOException
    {
        writeConfig(home.resolve(".bourse/config.properties"),
            "url=http://file:1\napiKey=fileKey\napiSecret=fileSecret\nadminUrl=http://file:2\nadminToken=fileToken\n");
        final Map<String, String> environment = Map.of(
            "BOURSE_URL", "http://env:1", "BOURSE_API_KEY", "envKey", "BOURSE_ADMIN_TOKEN", "envToken");

        final ClientSettings settings = new SettingsResolver(environment, home)
            .resolve(flags("http://flag:1", null, null));

        assertThat(settings.publicUrl()).isEqualTo(URI.create("http://flag:1"));
        assertThat(settings.apiKey()).isEqualTo("envKey");
        assertThat(settings.apiSecret()).isEqualTo("fileSecret");
        assertThat(settings.adminUrl()).isEqualTo(URI.create("http://file:2"));
        assertThat(settings.adminToken()).isEqualTo("envToken");
    }

    @Test
    void shouldReadTheConfigFileNamedByFlagBeforeTheOneNamedByEnvironment() throws IOException
    {
        final Path byFlag = writeConfig(home.resolve("flag.properties"), "apiKey=fromFlagFile\n");
        final Path byEnv = writeConfig(home.resolve("env.properties"), "apiKey=fromEnvFile\n");
        final SettingsResolver resolver = new SettingsResolver(Map.of("BOURSE_CLI_CONFIG", byEnv.toString()), home);

        assertThat(resolver.resolve(new SettingsResolver.Flags(byFlag, null, null, null, null, null, null)).apiKey())
            .isEqualTo("fromFlagFile");
        assertThat(resolver.resolve(SettingsResolver.Flags.NONE).apiKey()).isEqualTo("fromEnvFile");
    }

    @Test
    void shouldReadTheAdminTokenFromTheDataDirectoryUnlessTheTokenFlagIsGiven() throws IOException
    {
        final Path dataDir = Files.createDirectories(home.resolve("data"));
        Files.writeString(dataDir.resolve("admin.token"), "tokenFromFile\n");
        final SettingsResolver resolver = new SettingsResolver(Map.of("BOURSE_ADMIN_TOKEN", "envToken"), home);

        assertThat(resolver.resolve(new SettingsResolver.Flags(null, null, null, null, null, null, dataDir))
            .adminToken()).isEqualTo("tokenFromFile");
        assertThat(resolver.resolve(new SettingsResolver.Flags(null, null, null, null, null, "flagToken", dataDir))
            .adminToken()).isEqualTo("flagToken");
    }

    @Test
    void shouldRefuseAnUnknownKeyAMissingNamedFileAndABadUrl() throws IOException
    {
        final Path typo = writeConfig(home.resolve("typo.properties"), "apikey=x\n");
        final SettingsResolver resolver = new SettingsResolver(Map.of(), home);

        assertThatThrownBy(() -> resolver.resolve(new SettingsResolver.Flags(typo, null, null, null, null, null, null)))
            .isInstanceOf(UsageException.class).hasMessageContaining("apikey");
        assertThatThrownBy(() -> resolver.resolve(
            new SettingsResolver.Flags(home.resolve("missing"), null, null, null, null, null, null)))
            .isInstanceOf(UsageException.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> resolver.resolve(flags("localhost:8080", null, null)))
            .isInstanceOf(UsageException.class).hasMessageContaining("localhost:8080");
        assertThatThrownBy(() -> resolver.resolve(new SettingsResolver.Flags(
            null, null, null, null, null, null, home.resolve("noDataDir"))))
            .isInstanceOf(UsageException.class).hasMessageContaining("admin.token");
    }

    @Test
    void shouldNameEveryWayToGiveAMissingCredential()
    {
        final ClientSettings settings = new SettingsResolver(Map.of(), home).resolve(SettingsResolver.Flags.NONE);

        assertThatThrownBy(settings::requiredApiKey).isInstanceOf(UsageException.class)
            .hasMessageContaining("--api-key").hasMessageContaining("BOURSE_API_KEY").hasMessageContaining("apiKey");
        assertThatThrownBy(settings::requiredApiSecret).isInstanceOf(UsageException.class)
            .hasMessageContaining("BOURSE_API_SECRET");
        assertThatThrownBy(settings::requiredAdminToken).isInstanceOf(UsageException.class)
            .hasMessageContaining("--data-dir").hasMessageContaining("BOURSE_ADMIN_TOKEN");
    }
}
