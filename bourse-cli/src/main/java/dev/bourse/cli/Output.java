package dev.bourse.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;

/**
 * Writes an answer's responseData to standard output: through its {@link View} for people, or as JSON (pretty
 * printed, money as exact decimals in plain notation) for scripts when {@code --json} is given.
 */
public final class Output
{
    /** The JSON mapper of the tool: exact decimals, never floating point, never an exponent. */
    public static final ObjectMapper JSON = JsonMapper.builder()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .build();

    private final PrintWriter out;
    private final boolean json;

    /**
     * @param out  standard output.
     * @param json whether to write JSON instead of the view.
     */
    public Output(final PrintWriter out, final boolean json)
    {
        this.out = out;
        this.json = json;
    }

    /** @return whether answers are written as JSON ({@code --json}). */
    public boolean isJson()
    {
        return json;
    }

    /**
     * @param data the responseData.
     * @param view how a person sees it.
     */
    public void print(final JsonNode data, final View view)
    {
        if (json)
        {
            out.println(toJson(data));
        }
        else
        {
            view.render(data, out);
        }
        out.flush();
    }

    /**
     * @param data a JSON tree.
     * @return it as pretty-printed JSON text.
     */
    public static String toJson(final JsonNode data)
    {
        try
        {
            return JSON.writeValueAsString(data);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("a JSON tree could not be written", ex);
        }
    }
}
