package dev.bourse.server.gateway;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/** Writes one JSON value (the {@code responseData} of an answer). */
@FunctionalInterface
public interface JsonBody
{
    /** @param json where to write the value. */
    void write(JsonGenerator json) throws IOException;
}
