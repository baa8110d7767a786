package dev.bourse.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The envelope every answer comes in (spec section 1).
 *
 * @param responseTimeMs the server's time when it answered.
 * @param statusCode     the statusCode, or null when absent (only the time endpoint omits it).
 * @param statusMessage  the statusMessage, or null.
 * @param data           responseData, or null on failure.
 */
record Envelope(long responseTimeMs, Integer statusCode, String statusMessage, JsonNode data)
{
    /** @return the envelope of a parsed body, or null when the body is not one. */
    static Envelope of(final JsonNode json)
    {
        if (json == null || !json.isObject() || !json.path("responseTime").canConvertToLong())
        {
            return null;
        }
        final JsonNode code = json.get("statusCode");
        if (code != null && !code.canConvertToInt())
        {
            return null;
        }
        return new Envelope(
            json.get("responseTime").asLong(),
            code == null ? null : code.asInt(),
            json.hasNonNull("statusMessage") ? json.get("statusMessage").asText() : null,
            json.get("responseData"));
    }
}
