package dev.bourse.server.gateway;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bourse.engine.Status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes parameter decoding (a query string and a form body together, docs/API.md, Parameters): either the request
 * is refused with 4000 and nothing else, or every {@code name=value} pair of the texts is a parameter whose value is
 * the pair's decoded value, free of control characters, no name twice, at most 64; a decoded value encoded again
 * decodes to itself. Integer parameters are exactly the plain numbers of at most 18 digits.
 */
class RequestParametersFuzzTest
{
    @FuzzTest(maxDuration = "20s")
    void decodesAsDocumentedOrRefusesWith4000(final FuzzedDataProvider data)
    {
        final String query = data.consumeBoolean() ? null : data.consumeString(200);
        final String body = data.consumeBoolean() ? null : data.consumeString(200);
        final String number = data.consumeRemainingAsString();
        checkInteger(number);
        final RequestParameters params;
        try
        {
            params = RequestParameters.decode(query, body);
        }
        catch (final ApiException ex)
        {
            assertThat(ex.status()).isEqualTo(Status.BAD_REQUEST);
            return;
        }
        final Map<String, String> pairs = new HashMap<>();
        for (final String text : new String[] {query, body})
        {
            if (text == null)
            {
                continue;
            }
            for (final String pair : text.split("&"))
            {
                if (pair.isEmpty())
                {
                    continue;
                }
                final int equals = pair.indexOf('=');
                final String name = RequestParameters.percentDecode(equals < 0 ? pair : pair.substring(0, equals));
                final String value = equals < 0 ? "" : RequestParameters.percentDecode(pair.substring(equals + 1));
                assertThat(pairs.put(name, value)).as("a name given twice was accepted: %s", name).isNull();
                assertThat(value.chars().noneMatch(Character::isISOControl)).isTrue();
                assertThat(params.optional(name)).isEqualTo(value.isEmpty() ? null : value);
                assertThat(RequestParameters.percentDecode(URLEncoder.encode(value, StandardCharsets.UTF_8)))
                    .isEqualTo(value);
            }
        }
        assertThat(params.size()).isEqualTo(pairs.size()).isLessThanOrEqualTo(RequestParameters.MAX_PARAMETERS);
    }

    private static void checkInteger(final String text)
    {
        final boolean plain = text.matches("[0-9]{1,18}");
        try
        {
            final long value = RequestParameters.parseLong(text, Status.INVALID_PARAMETER);
            assertThat(plain).as("%s was accepted", text).isTrue();
            assertThat(value).isEqualTo(Long.parseLong(text));
        }
        catch (final ApiException ex)
        {
            assertThat(plain).as("%s was refused", text).isFalse();
            assertThat(ex.status()).isEqualTo(Status.INVALID_PARAMETER);
        }
    }
}
