package dev.bourse.cli;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the exchange is and who the caller is, as resolved by {@link SettingsResolver}. A value nobody gave is
 * {@code null}; the {@code required*} accessors turn that into a {@link UsageException} naming every way to give it.
 *
 * @param publicUrl  the public API, for example {@code http://127.0.0.1:8080}.
 * @param apiKey     the API key of signed requests, or null.
 * @param apiSecret  the API secret of signed requests, or null.
 * @param adminUrl   the admin API, for example {@code http://127.0.0.1:8081}.
 * @param adminToken the admin API's bearer token, or null.
 * @param configFile the configuration file that was consulted (it may not exist).
 */
public record ClientSettings(
    URI publicUrl, String apiKey, String apiSecret, URI adminUrl, String adminToken, Path configFile)
{
    /** @return the API key; never null. */
    public String requiredApiKey()
    {
        return required(apiKey, "API key", "--api-key", SettingsResolver.ENV_API_KEY, SettingsResolver.KEY_API_KEY);
    }

    /** @return the API secret; never null. */
    public String requiredApiSecret()
    {
        return required(
            apiSecret, "API secret", "--api-secret", SettingsResolver.ENV_API_SECRET, SettingsResolver.KEY_API_SECRET);
    }

    /** @return the admin token; never null. */
    public String requiredAdminToken()
    {
        if (adminToken == null)
        {
            throw new UsageException("no admin token: give --admin-token or --data-dir DIR (reads DIR/admin.token), "
                + "set " + SettingsResolver.ENV_ADMIN_TOKEN + ", or put " + SettingsResolver.KEY_ADMIN_TOKEN
                + " in " + configFile);
        }
        return adminToken;
    }

    private String required(
        final String value, final String what, final String flag, final String env, final String key)
    {
        if (value == null)
        {
            throw new UsageException(
                "no " + what + ": give " + flag + ", set " + env + ", or put " + key + " in " + configFile);
        }
        return value;
    }
}
