package dev.bourse.cli;

import dev.bourse.client.BourseAdminClient;
import dev.bourse.client.BourseClient;
import dev.bourse.client.ClientBuilder;

import java.time.Duration;

/**
 * Where the client commands meet the SDK ({@code dev.bourse.client}): building a client from the resolved settings,
 * and printing a typed result. Missing credentials are found here, before anything is sent.
 */
final class Sdk
{
    private Sdk()
    {
    }

    /**
     * @param options the command's options.
     * @return a client of the public API only.
     */
    static BourseClient anonymous(final PublicOptions options)
    {
        final ClientSettings settings = options.settings();
        return withTimeout(BourseClient.builder(settings.publicUrl()), options.timeout()).build();
    }

    /**
     * @param options the command's options; the API key and secret are required.
     * @return a client that signs its requests.
     */
    static BourseClient trading(final ApiOptions options)
    {
        final ClientSettings settings = options.settings();
        final String apiKey = settings.requiredApiKey();
        final String apiSecret = settings.requiredApiSecret();
        return withTimeout(BourseClient.builder(settings.publicUrl()), options.timeout())
            .credentials(apiKey, apiSecret)
            .build();
    }

    /**
     * @param options the command's options; the admin token is required.
     * @return a client of the admin API.
     */
    static BourseAdminClient admin(final AdminOptions options)
    {
        final ClientSettings settings = options.settings();
        final String token = settings.requiredAdminToken();
        return withTimeout(BourseAdminClient.builder(settings.adminUrl(), token), options.timeout()).build();
    }

    private static <B extends ClientBuilder<B>> B withTimeout(final B builder, final Duration timeout)
    {
        return timeout == null ? builder : builder.connectTimeout(timeout).requestTimeout(timeout);
    }

    /**
     * Prints a typed result of the SDK as its view, or as JSON with the API's field names.
     *
     * @param options the command's options (--json).
     * @param result  what the SDK answered.
     * @param view    how a person sees it.
     * @return {@link ExitCode#OK}.
     */
    static int print(final CommonOptions options, final Object result, final View view)
    {
        options.output().print(Output.JSON.valueToTree(result), view);
        return ExitCode.OK;
    }
}
