package dev.bourse.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;

/** How one kind of answer is shown to a person: a table, a list of fields, a sentence. */
@FunctionalInterface
public interface View
{
    /**
     * @param data the responseData of the answer.
     * @param out  where to write it.
     */
    void render(JsonNode data, PrintWriter out);
}
