package dev.bourse.server.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One message a client sent, parsed strictly: a JSON object of known fields, each at most once, of the right type.
 * Which fields an operation needs is checked by the connection.
 *
 * @param op          the operation: login, subscribe, unsubscribe, cancelOnDisconnect, ping.
 * @param id          echoed in the reply; null when absent.
 * @param channels    subscribe and unsubscribe: channel names.
 * @param resumeAfter subscribe: the place received last, to resume after; null to start now.
 * @param apiKey      login: the API key.
 * @param timestamp   login: the signing time in ms, as text.
 * @param nonce       login: the nonce, as text.
 * @param signature   login: the signature.
 * @param enabled     cancelOnDisconnect: on or off.
 * @param pairs       cancelOnDisconnect: the pairs, or null for all.
 */
record StreamRequest(String op, RequestId id, List<String> channels, StreamPlace resumeAfter, String apiKey,
    String timestamp, String nonce, String signature, Boolean enabled, List<String> pairs)
{
    /** Names in a list at most. */
    static final int MAX_NAMES = 64;

    private static final JsonFactory JSON = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).maxNumberLength(24).build())
        .build();

    /**
     * @param text the message.
     * @return the request.
     * @throws StreamRequestException 7000 or 7007, with the id when it was read before the fault.
     */
    static StreamRequest parse(final String text)
    {
        final Builder request = new Builder();
        try (JsonParser parser = JSON.createParser(text))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                throw new Refusal(StreamError.MALFORMED, "a request is a JSON object");
            }
            final Set<String> seen = new HashSet<>();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                if (!seen.add(name))
                {
                    throw new Refusal(StreamError.MALFORMED, "the field " + name + " is given twice");
                }
                parser.nextToken();
                request.field(name, parser);
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null)
            {
                throw new Refusal(StreamError.MALFORMED, "a request is one JSON object");
            }
        }
        catch (final Refusal refusal)
        {
            throw new StreamRequestException(refusal.error, refusal.getMessage(), request.id);
        }
        catch (final JsonProcessingException ex)
        {
            throw new StreamRequestException(StreamError.MALFORMED, "not valid JSON", request.id);
        }
        catch (final IOException ex)
        {
            throw new StreamRequestException(StreamError.MALFORMED, "not valid JSON", request.id);
        }
        if (request.op == null)
        {
            throw new StreamRequestException(StreamError.INVALID_FIELD, "op is required", request.id);
        }
        return new StreamRequest(request.op, request.id, request.channels, request.resumeAfter, request.apiKey,
            request.timestamp, request.nonce, request.signature, request.enabled, request.pairs);
    }

    /** A fault found while parsing, before it is tied to the request's id. */
    private static final class Refusal extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        private final transient StreamError error;

        Refusal(final StreamError error, final String message)
        {
            super(message, null, false, false);
            this.error = error;
        }
    }

    private static final class Builder
    {
        String op;
        RequestId id;
        List<String> channels;
        StreamPlace resumeAfter;
        String apiKey;
        String timestamp;
        String nonce;
        String signature;
        Boolean enabled;
        List<String> pairs;

        void field(final String name, final JsonParser parser) throws IOException
        {
            switch (name)
            {
                case "op" -> op = string(name, parser);
                case "id" -> id = id(parser);
                case "channels" -> channels = names(name, parser);
                case "pairs" -> pairs = names(name, parser);
                case "resumeAfter" -> resumeAfter = place(parser);
                case "apiKey" -> apiKey = string(name, parser);
                case "signature" -> signature = string(name, parser);
                case "timestamp" -> timestamp = digits(name, parser);
                case "nonce" -> nonce = digits(name, parser);
                case "enabled" ->
                {
                    if (!parser.currentToken().isBoolean())
                    {
                        throw invalid(name + " must be true or false");
                    }
                    enabled = parser.getBooleanValue();
                }
                default -> throw invalid("unknown field " + name);
            }
        }

        private static RequestId id(final JsonParser parser) throws IOException
        {
            if (parser.currentToken() == JsonToken.VALUE_STRING)
            {
                return new RequestId(null, parser.getText());
            }
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT &&
                parser.getNumberType() == JsonParser.NumberType.LONG ||
                parser.currentToken() == JsonToken.VALUE_NUMBER_INT &&
                parser.getNumberType() == JsonParser.NumberType.INT)
            {
                return new RequestId(parser.getLongValue(), null);
            }
            throw invalid("id must be a string or a whole number");
        }

        private static String string(final String name, final JsonParser parser) throws IOException
        {
            if (parser.currentToken() != JsonToken.VALUE_STRING)
            {
                throw invalid(name + " must be a string");
            }
            return parser.getText();
        }

        /** A time or a nonce: a string (as the REST headers carry it) or a whole number. */
        private static String digits(final String name, final JsonParser parser) throws IOException
        {
            if (parser.currentToken() == JsonToken.VALUE_STRING || parser.currentToken() == JsonToken.VALUE_NUMBER_INT)
            {
                return parser.getText();
            }
            throw invalid(name + " must be a string or a whole number");
        }

        private static List<String> names(final String name, final JsonParser parser) throws IOException
        {
            if (parser.currentToken() != JsonToken.START_ARRAY)
            {
                throw invalid(name + " must be an array of strings");
            }
            final List<String> names = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken())
            {
                if (token != JsonToken.VALUE_STRING)
                {
                    throw invalid(name + " must be an array of strings");
                }
                if (names.size() == MAX_NAMES)
                {
                    throw invalid(name + " may hold at most " + MAX_NAMES + " names");
                }
                names.add(parser.getText());
            }
            return List.copyOf(names);
        }

        private static StreamPlace place(final JsonParser parser) throws IOException
        {
            if (parser.currentToken() != JsonToken.START_OBJECT)
            {
                throw invalid("resumeAfter must be an object {\"seq\":N,\"idx\":N}");
            }
            long sequence = -1;
            long index = -1;
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken())
            {
                final String name = parser.currentName();
                parser.nextToken();
                final long value = parser.currentToken() == JsonToken.VALUE_NUMBER_INT &&
                    parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER ? parser.getLongValue() : -1;
                switch (name)
                {
                    case "seq" -> sequence = value;
                    case "idx" -> index = value;
                    default -> throw invalid("unknown field resumeAfter." + name);
                }
            }
            if (sequence < 0 || index < 0 || index > Integer.MAX_VALUE)
            {
                throw invalid("resumeAfter needs seq and idx, whole numbers from 0");
            }
            return new StreamPlace(sequence, (int)index);
        }

        private static Refusal invalid(final String message)
        {
            return new Refusal(StreamError.INVALID_FIELD, message);
        }
    }
}
