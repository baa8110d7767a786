package dev.bourse.server.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes the envelope of every answer, keys in this order: {@code timezone}, {@code responseTime},
 * {@code statusCode}, {@code statusMessage}, {@code responseData} (only on success and when there is data).
 */
public final class EnvelopeWriter
{
    private static final JsonFactory JSON = JsonFactory.builder()
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .build();

    private EnvelopeWriter()
    {
    }

    /**
     * @param response       the answer.
     * @param responseTimeMs the time of the answer.
     * @return the UTF-8 JSON bytes.
     */
    public static byte[] write(final ApiResponse response, final long responseTimeMs)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out))
        {
            json.writeStartObject();
            json.writeStringField("timezone", "UTC");
            json.writeNumberField("responseTime", responseTimeMs);
            if (!response.timeOnly())
            {
                json.writeNumberField("statusCode", response.status().code());
                json.writeStringField("statusMessage", response.status().message());
                if (response.status().isSuccess() && response.data() != null)
                {
                    json.writeFieldName("responseData");
                    response.data().write(json);
                }
            }
            json.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }
}
