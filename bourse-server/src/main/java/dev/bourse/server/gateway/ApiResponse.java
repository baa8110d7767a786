package dev.bourse.server.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bourse.engine.Status;

import java.io.IOException;
import java.util.List;

/**
 * An answer: a status and, on success, the {@code responseData}.
 *
 * @param status   the status.
 * @param data     the response data; null for none.
 * @param timeOnly whether the envelope holds only {@code timezone} and {@code responseTime} (GET /v1/public/time).
 */
public record ApiResponse(Status status, JsonBody data, boolean timeOnly)
{
    /** The answer of the time endpoint. */
    public static final ApiResponse TIME = new ApiResponse(Status.SUCCESS, null, true);

    /** @return a success with the data. */
    public static ApiResponse ok(final JsonBody data)
    {
        return new ApiResponse(Status.SUCCESS, data, false);
    }

    /** Writes one element of an array answer. */
    @FunctionalInterface
    public interface ElementWriter<T>
    {
        /**
         * @param json    where to write.
         * @param element the element.
         */
        void write(JsonGenerator json, T element) throws IOException;
    }

    /** @return a success whose data is a JSON array of the elements, each written by {@code writer}, in order. */
    public static <T> ApiResponse okArray(final List<T> elements, final ElementWriter<T> writer)
    {
        return ok(json ->
        {
            json.writeStartArray();
            for (final T element : elements)
            {
                writer.write(json, element);
            }
            json.writeEndArray();
        });
    }

    /** @return a failure: no response data. */
    public static ApiResponse failure(final Status status)
    {
        return new ApiResponse(status, null, false);
    }
}
