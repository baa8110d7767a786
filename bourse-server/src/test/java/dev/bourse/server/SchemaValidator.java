package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Checks JSON the server sent against the schemas of its API documents (openapi.yaml, asyncapi.yaml, read from the
 * class path as the server serves them): every field is declared, with its JSON type, every required field is there.
 * References are followed within a document ({@code #/...}) and into another one ({@code openapi.yaml#/...}).
 */
final class SchemaValidator
{
    /** A schema and the document its own references are relative to. */
    private record Located(String document, JsonNode schema)
    {
    }

    private final Map<String, JsonNode> documents;
    private final boolean arraysMustHoldElements;

    /**
     * @param arraysMustHoldElements whether an empty array fails (so that what an array holds is checked too).
     */
    SchemaValidator(final boolean arraysMustHoldElements) throws IOException
    {
        this.documents = Map.of("openapi.yaml", read("/openapi.yaml"), "asyncapi.yaml", read("/asyncapi.yaml"));
        this.arraysMustHoldElements = arraysMustHoldElements;
    }

    private static JsonNode read(final String path) throws IOException
    {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(path))
        {
            return new YAMLMapper().readTree(in);
        }
    }

    /** @return the document. */
    JsonNode document(final String name)
    {
        return documents.get(name);
    }

    private Located resolve(final String document, final JsonNode node)
    {
        Located resolved = new Located(document, node);
        for (int i = 0; i < 10 && resolved.schema().has("$ref"); i++)
        {
            final String ref = resolved.schema().get("$ref").asText();
            final int hash = ref.indexOf('#');
            final String target = hash > 0 ? ref.substring(0, hash) : resolved.document();
            resolved = new Located(target, documents.get(target).at(ref.substring(hash + 1)));
        }
        assertThat(resolved.schema().isMissingNode()).as("reference %s", node).isFalse();
        return resolved;
    }

    /** @return the schema at the pointer of the document, references followed. */
    JsonNode schema(final String document, final String pointer)
    {
        return resolve(document, documents.get(document).at(pointer)).schema();
    }

    /** Checks the value against the schema at the pointer of the document. */
    void validate(final String where, final JsonNode value, final String document, final String pointer)
    {
        validate(where, value, document, documents.get(document).at(pointer));
    }

    /** Checks the value against a schema (or a reference to one) of the document. */
    void validate(final String where, final JsonNode value, final String document, final JsonNode schema)
    {
        validate(where, value, resolve(document, schema));
    }

    private void validate(final String where, final JsonNode value, final Located located)
    {
        final JsonNode schema = located.schema();
        if (schema.has("oneOf"))
        {
            final List<String> failures = new ArrayList<>();
            for (final JsonNode alternative : schema.get("oneOf"))
            {
                try
                {
                    validate(where, value, resolve(located.document(), alternative));
                    return;
                }
                catch (final AssertionError ex)
                {
                    failures.add(ex.getMessage());
                }
            }
            fail("%s matches none of %s: %s", where, schema.get("oneOf"), failures);
        }
        final String type = schema.path("type").asText();
        switch (type)
        {
            case "object" ->
            {
                assertThat(value.isObject()).as("%s is an object: %s", where, value).isTrue();
                for (final JsonNode required : schema.path("required"))
                {
                    assertThat(value.has(required.asText())).as("%s has %s: %s", where, required, value).isTrue();
                }
                for (final Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); )
                {
                    final Map.Entry<String, JsonNode> field = it.next();
                    final JsonNode declared = schema.path("properties").path(field.getKey());
                    assertThat(declared.isMissingNode()).as("%s.%s is declared", where, field.getKey()).isFalse();
                    validate(where + "." + field.getKey(), field.getValue(), resolve(located.document(), declared));
                }
            }
            case "array" ->
            {
                assertThat(value.isArray()).as("%s is an array", where).isTrue();
                if (arraysMustHoldElements)
                {
                    assertThat(value).as("%s has elements to check", where).isNotEmpty();
                }
                for (int i = 0; i < value.size(); i++)
                {
                    validate(where + "[" + i + "]", value.get(i), resolve(located.document(), schema.get("items")));
                }
            }
            case "string" ->
            {
                assertThat(value.isTextual()).as("%s is a string: %s", where, value).isTrue();
                if (schema.has("enum"))
                {
                    final List<String> values = new ArrayList<>();
                    schema.get("enum").forEach(element -> values.add(element.asText()));
                    assertThat(values).as("%s in the enum", where).contains(value.asText());
                }
            }
            case "integer" ->
            {
                assertThat(value.isIntegralNumber()).as("%s is an integer: %s", where, value).isTrue();
                if (schema.has("enum"))
                {
                    final List<Long> values = new ArrayList<>();
                    schema.get("enum").forEach(element -> values.add(element.asLong()));
                    assertThat(values).as("%s in the enum", where).contains(value.asLong());
                }
            }
            case "number" -> assertThat(value.isNumber()).as("%s is a number: %s", where, value).isTrue();
            case "boolean" -> assertThat(value.isBoolean()).as("%s is a boolean: %s", where, value).isTrue();
            default -> fail("%s: schema without a type: %s", where, schema);
        }
    }
}
