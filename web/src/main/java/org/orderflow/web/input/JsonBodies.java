package org.orderflow.web.input;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON request bodies into request records, enforcing the {@link InputLimits}: a declared
 * Content-Length above the limit is refused before a byte is read, and the bytes are counted while
 * parsing (a chunked body cannot exceed it either). The text must be well-formed UTF-8 (decoded
 * strictly, never replaced), hold exactly one JSON value, and bind with exact types
 * ({@link StrictJson}). Every refusal is an {@link InputRefused} naming the field, in words that
 * reveal nothing of the code. Parsing is linear in the input and stops at its end: no input makes
 * it loop.
 */
public final class JsonBodies {

    private final InputLimits limits;
    private final ObjectMapper mapper;

    public JsonBodies(InputLimits limits) {
        this.limits = limits;
        this.mapper = StrictJson.mapper(limits);
    }

    /**
     * @param contentLength the declared length, or null (chunked)
     * @param charset       the media type's charset parameter, or null
     * @throws InputRefused.Failure whatever is wrong with the body
     */
    public Object read(Type type, InputStream body, String contentLength, String charset) {
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw InputRefused.notUtf8(charset).failure();
        }
        if (InputLimits.declaredAbove(contentLength, limits.maxBodyBytes())) {
            throw InputRefused.tooLarge(limits.maxBodyBytes()).failure();
        }
        ObjectReader reader = mapper.readerFor(mapper.getTypeFactory().constructType(type));
        JsonParser parser = null;
        try {
            String text = utf8(new CountedInputStream(body, limits.maxBodyBytes()).readAllBytes());
            parser = mapper.getFactory().createParser(text);
            if (parser.nextToken() == null) {
                throw InputRefused.body("A JSON body is required").failure();
            }
            Object value = reader.readValue(parser);
            if (parser.nextToken() != null) {
                throw InputRefused.body("Unexpected content after the JSON value" + at(parser)).failure();
            }
            return value;
        } catch (IOException e) {
            throw refusal(e, parser).failure();
        } finally {
            close(parser);
        }
    }

    /**
     * The body as text, decoded strictly: a malformed or overlong sequence, or a surrogate encoded
     * as bytes, is refused (naming the field it is in), never replaced by U+FFFD.
     */
    private String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            String field = fieldAt(Arrays.copyOf(bytes, in.position()));
            throw (field.isEmpty() ? InputRefused.body("The request body is not well-formed UTF-8")
                    : InputRefused.field(field, "is not well-formed UTF-8")).failure();
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** The field whose value the end of a (well-formed) prefix of the body is in. */
    private String fieldAt(byte[] prefix) {
        try (JsonParser parser = mapper.getFactory().createParser(new String(prefix, StandardCharsets.UTF_8))) {
            try {
                while (parser.nextToken() != null) {
                    // walk to where the prefix ends
                }
            } catch (IOException endOfPrefix) {
                // expected: the prefix stops inside a value
            }
            return contextPath(parser);
        } catch (IOException e) {
            return "";
        }
    }

    /** The refusal a failed read stands for, most specific first. */
    InputRefused refusal(IOException failure, JsonParser parser) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CountedInputStream.TooLarge) {
                return InputRefused.tooLarge(limits.maxBodyBytes());
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException || t instanceof StrictJson.Refused
                    || (t instanceof JsonParseException && !(t instanceof JsonMappingException))) {
                failure = (IOException) t;
                break;
            }
        }
        if (failure instanceof StreamConstraintsException limit) {
            return InputRefused.body(limitExceeded(String.valueOf(limit.getOriginalMessage())));
        }
        if (failure instanceof JsonEOFException) {
            return InputRefused.body("The request body ends before its JSON value is complete");
        }
        if (failure instanceof JsonParseException syntax) {
            String words = words(syntax);
            if (words.startsWith("Duplicate field")) {
                return InputRefused.field(contextPath(parser), "appears more than once");
            }
            return InputRefused.body("The request body is not valid JSON" + at(syntax) + ": " + words);
        }
        if (failure instanceof MismatchedInputException trailing
                && String.valueOf(trailing.getOriginalMessage()).startsWith("Trailing token")) {
            return InputRefused.body("Unexpected content after the JSON value" + at(trailing));
        }
        if (failure instanceof JsonMappingException mapping) {
            String field = path(mapping, parser);
            if (mapping instanceof StrictJson.Refused refused) {
                return InputRefused.field(field, refused.getOriginalMessage());
            }
            if (mapping instanceof UnrecognizedPropertyException unknown) {
                var known = unknown.getKnownPropertyIds() == null ? List.of()
                        : unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
                return InputRefused.field(field, "is not a field of this request"
                        + (known.isEmpty() ? "" : " (fields here: " + String.join(", ", known.stream().map(String::valueOf).toList()) + ")"));
            }
            if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return InputRefused.field(field, "must be " + jsonType(mismatch.getTargetType()));
            }
            return InputRefused.field(field, "has an invalid value");
        }
        if (failure instanceof JsonProcessingException) {
            return InputRefused.body("The request body could not be read as JSON" + at(parser));
        }
        return InputRefused.body("The request body could not be read");
    }

    private String limitExceeded(String message) {
        if (message.contains("nesting depth")) {
            return "The request body nests objects and arrays deeper than " + limits.maxDepth() + " levels";
        }
        if (message.contains("Number value length")) {
            return "A number in the request body has more than " + limits.maxNumberLength() + " characters";
        }
        if (message.contains("Document length")) {
            return "The request body exceeds the limit of " + limits.maxBodyBytes() + " bytes";
        }
        if (message.contains("Name length")) {
            return "A field name in the request body is longer than " + limits.maxStringLength() + " characters";
        }
        return "A string in the request body is longer than " + limits.maxStringLength() + " characters";
    }

    /** The core parser's own reason (it names tokens and characters, never classes), without its location. */
    private static String words(JsonParseException syntax) {
        String message = String.valueOf(syntax.getOriginalMessage());
        int cut = message.indexOf('\n');
        message = cut < 0 ? message : message.substring(0, cut);
        cut = message.indexOf(" at [Source");
        message = cut < 0 ? message : message.substring(0, cut);
        message = message.replaceAll("\\(start marker at [^)]*\\)", "").trim();
        return message.matches(".*(`|\\bjava\\.|\\bcom\\.|\\borg\\.|Feature\\.).*") ? "unexpected input" : message;
    }

    private static String at(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String at(JsonParser parser) {
        if (parser == null) {
            return "";
        }
        var location = parser.currentTokenLocation();
        return location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The field as the client wrote it: {@code order_item.quantity}, {@code items[2].name}. */
    static String path(JsonMappingException mapping, JsonParser parser) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                parts.add(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                parts.add("[" + reference.getIndex() + "]");
            }
        }
        if (parts.isEmpty() && parser != null) {
            return contextPath(parser);
        }
        return String.join(".", parts).replace(".[", "[");
    }

    /** Where the parser is in the document, as a field path. */
    private static String contextPath(JsonParser parser) {
        if (parser == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                parts.add(0, context.getCurrentName());
            } else if (context.inArray()) {
                parts.add(0, "[" + Math.max(context.getCurrentIndex(), 0) + "]");
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }

    private static String jsonType(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum() || type == java.util.UUID.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return Map.class.isAssignableFrom(type) || !type.isPrimitive() ? "an object" : "a value";
    }

    private static void close(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // nothing was acknowledged; the container discards the rest of the body
            }
        }
    }
}
