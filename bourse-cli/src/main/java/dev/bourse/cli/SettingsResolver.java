package dev.bourse.cli;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Resolves {@link ClientSettings}: each value comes from the flag, else the environment variable, else the
 * configuration file, else the default. The admin token has one more source between its flag and the environment:
 * {@code --data-dir DIR} reads {@code DIR/admin.token}, the file the server writes when it generates a token.
 * <p>
 * The configuration file is {@code --config FILE}, else {@value #ENV_CONFIG}, else
 * {@code ~/.bourse/config.properties}. The default file may be missing; a file named by flag or environment must
 * exist. Its keys are {@value #KEY_URL}, {@value #KEY_API_KEY}, {@value #KEY_API_SECRET}, {@value #KEY_ADMIN_URL}
 * and {@value #KEY_ADMIN_TOKEN}; any other key is refused so that a typo does not pass silently.
 */
public final class SettingsResolver
{
    /** The default public API. */
    public static final String DEFAULT_URL = "http://127.0.0.1:8080";
    /** The default admin API. */
    public static final String DEFAULT_ADMIN_URL = "http://127.0.0.1:8081";

    /** Environment variable naming the configuration file. */
    public static final String ENV_CONFIG = "BOURSE_CLI_CONFIG";
    /** Environment variable of the public API's URL. */
    public static final String ENV_URL = "BOURSE_URL";
    /** Environment variable of the API key. */
    public static final String ENV_API_KEY = "BOURSE_API_KEY";
    /** Environment variable of the API secret. */
    public static final String ENV_API_SECRET = "BOURSE_API_SECRET";
    /** Environment variable of the admin API's URL. */
    public static final String ENV_ADMIN_URL = "BOURSE_ADMIN_URL";
    /** Environment variable of the admin token. */
    public static final String ENV_ADMIN_TOKEN = "BOURSE_ADMIN_TOKEN";

    /** Configuration key of the public API's URL. */
    public static final String KEY_URL = "url";
    /** Configuration key of the API key. */
    public static final String KEY_API_KEY = "apiKey";
    /** Configuration key of the API secret. */
    public static final String KEY_API_SECRET = "apiSecret";
    /** Configuration key of the admin API's URL. */
    public static final String KEY_ADMIN_URL = "adminUrl";
    /** Configuration key of the admin token. */
    public static final String KEY_ADMIN_TOKEN = "adminToken";

    /** The file the server writes its generated admin token to, inside its data directory. */
    public static final String ADMIN_TOKEN_FILE = "admin.token";

    private static final Set<String> KEYS =
        Set.of(KEY_URL, KEY_API_KEY, KEY_API_SECRET, KEY_ADMIN_URL, KEY_ADMIN_TOKEN);

    /**
     * What the command line said; {@code null} for every flag not given.
     *
     * @param config     {@code --config}.
     * @param url        {@code --url}.
     * @param apiKey     {@code --api-key}.
     * @param apiSecret  {@code --api-secret}.
     * @param adminUrl   {@code --admin-url}.
     * @param adminToken {@code --admin-token}.
     * @param dataDir    {@code --data-dir}.
     */
    public record Flags(
        Path config, String url, String apiKey, String apiSecret, String adminUrl, String adminToken, Path dataDir)
    {
        /** No flag given. */
        public static final Flags NONE = new Flags(null, null, null, null, null, null, null);
    }

    private final Map<String, String> environment;
    private final Path userHome;

    /**
     * @param environment the process's environment.
     * @param userHome    the user's home directory, where {@code .bourse/config.properties} is looked for.
     */
    public SettingsResolver(final Map<String, String> environment, final Path userHome)
    {
        this.environment = environment;
        this.userHome = userHome;
    }

    /** @return a resolver of this process's environment and {@code user.home}. */
    public static SettingsResolver ofProcess()
    {
        return new SettingsResolver(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** @return the default configuration file. */
    public Path defaultConfigFile()
    {
        return userHome.resolve(".bourse").resolve("config.properties");
    }

    /**
     * @param flags what the command line said.
     * @return the settings.
     * @throws UsageException when the configuration file or a URL is wrong, or the admin token file is unreadable.
     */
    public ClientSettings resolve(final Flags flags)
    {
        final Path explicitConfig = flags.config() != null ? flags.config() : pathOf(environment.get(ENV_CONFIG));
        final Path configFile = explicitConfig != null ? explicitConfig : defaultConfigFile();
        final Properties file = load(configFile, explicitConfig != null);

        final String url = pick(flags.url(), ENV_URL, file, KEY_URL);
        final String adminUrl = pick(flags.adminUrl(), ENV_ADMIN_URL, file, KEY_ADMIN_URL);
        final String adminToken = flags.adminToken() != null || flags.dataDir() == null ?
            pick(flags.adminToken(), ENV_ADMIN_TOKEN, file, KEY_ADMIN_TOKEN) :
            readAdminToken(flags.dataDir());

        return new ClientSettings(
            uriOf(url != null ? url : DEFAULT_URL, "public URL"),
            pick(flags.apiKey(), ENV_API_KEY, file, KEY_API_KEY),
            pick(flags.apiSecret(), ENV_API_SECRET, file, KEY_API_SECRET),
            uriOf(adminUrl != null ? adminUrl : DEFAULT_ADMIN_URL, "admin URL"),
            adminToken,
            configFile);
    }

    private String pick(final String flag, final String env, final Properties file, final String key)
    {
        if (present(flag))
        {
            return flag.trim();
        }
        final String fromEnvironment = environment.get(env);
        if (present(fromEnvironment))
        {
            return fromEnvironment.trim();
        }
        final String fromFile = file.getProperty(key);
        return present(fromFile) ? fromFile.trim() : null;
    }

    private static boolean present(final String value)
    {
        return value != null && !value.isBlank();
    }

    private static Path pathOf(final String value)
    {
        return present(value) ? Path.of(value.trim()) : null;
    }

    private static Properties load(final Path file, final boolean mustExist)
    {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        catch (final NoSuchFileException ex)
        {
            if (mustExist)
            {
                throw new UsageException("configuration file not found: " + file);
            }
            return properties;
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            throw new UsageException("cannot read the configuration file " + file + ": " + ex.getMessage());
        }
        for (final String key : properties.stringPropertyNames())
        {
            if (!KEYS.contains(key))
            {
                throw new UsageException("unknown key '" + key + "' in " + file + " (known: " + KEY_URL + ", "
                    + KEY_API_KEY + ", " + KEY_API_SECRET + ", " + KEY_ADMIN_URL + ", " + KEY_ADMIN_TOKEN + ")");
            }
        }
        return properties;
    }

    private static String readAdminToken(final Path dataDir)
    {
        final Path file = dataDir.resolve(ADMIN_TOKEN_FILE);
        try
        {
            final String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (token.isEmpty())
            {
                throw new UsageException("the admin token file is empty: " + file);
            }
            return token;
        }
        catch (final IOException ex)
        {
            throw new UsageException("cannot read the admin token from " + file + " (" + ex.getClass().getSimpleName()
                + "); the server writes it only when it generated the token itself");
        }
    }

    private static URI uriOf(final String value, final String what)
    {
        try
        {
            final URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null)
            {
                throw new UsageException("the " + what + " must be http://HOST:PORT or https://HOST:PORT: " + value);
            }
            return uri;
        }
        catch (final URISyntaxException ex)
        {
            throw new UsageException("the " + what + " is not a URL: " + value);
        }
    }
}
