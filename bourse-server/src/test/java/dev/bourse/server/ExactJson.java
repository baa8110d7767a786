package dev.bourse.server;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exact answers, byte for byte: key order, JSON types (a string quoted, a number bare) and money as written. Expected
 * answers are written readably and compacted before comparing.
 */
final class ExactJson
{
    private ExactJson()
    {
    }

    /** @return the JSON text without whitespace outside strings. */
    static String compact(final String json)
    {
        final StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++)
        {
            final char c = json.charAt(i);
            if (c == '"' && (i == 0 || json.charAt(i - 1) != '\\'))
            {
                inString = !inString;
            }
            if (inString || !Character.isWhitespace(c))
            {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Asserts that the answer is exactly a success at {@code responseTimeMs} with this {@code responseData}. */
    static void assertSuccess(final TestExchange.Answer answer, final long responseTimeMs, final String data)
    {
        assertThat(answer.body()).isEqualTo("{\"timezone\":\"UTC\",\"responseTime\":" + responseTimeMs +
            ",\"statusCode\":1000,\"statusMessage\":\"SUCCESS\",\"responseData\":" + compact(data) + "}");
    }

    /** Asserts that the answer is exactly a failure at {@code responseTimeMs} with this code and message. */
    static void assertFailure(
        final TestExchange.Answer answer, final long responseTimeMs, final int code, final String message)
    {
        assertThat(answer.body()).isEqualTo("{\"timezone\":\"UTC\",\"responseTime\":" + responseTimeMs +
            ",\"statusCode\":" + code + ",\"statusMessage\":\"" + message + "\"}");
    }
}
