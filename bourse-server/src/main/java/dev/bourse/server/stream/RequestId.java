package dev.bourse.server.stream;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/**
 * The {@code id} a client gave a request, echoed in the reply with its JSON type: a whole number or a string.
 *
 * @param number the id when it was a number, else null.
 * @param text   the id when it was a string, else null.
 */
record RequestId(Long number, String text)
{
    void write(final JsonGenerator json) throws IOException
    {
        if (number != null)
        {
            json.writeNumberField("id", number);
        }
        else
        {
            json.writeStringField("id", text);
        }
    }
}
