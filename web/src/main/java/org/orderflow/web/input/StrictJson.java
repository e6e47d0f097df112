package org.orderflow.web.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.IOException;
import java.math.BigInteger;

/**
 * The one JSON configuration requests are bound with (Jackson, already in the WAR for the event
 * store): exact JSON types and no coercions, no duplicate keys, no unknown fields, limits enforced
 * by the parser while it reads. Request records keep their JSON-B {@link JsonbProperty} names,
 * which the OpenAPI document is generated from; this mapper reads the same names.
 */
final class StrictJson {

    private StrictJson() {
    }

    static ObjectMapper mapper(InputLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNumberLength(limits.maxNumberLength())
                        .maxNameLength(limits.maxStringLength())
                        .maxDocumentLength(limits.maxBodyBytes())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        SimpleModule exactTypes = new SimpleModule("exact-json-types")
                .addDeserializer(String.class, new PlainTextString())
                .addDeserializer(Integer.class, new ExactInteger<>(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE))
                .addDeserializer(int.class, new ExactInteger<>(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE))
                .addDeserializer(Long.class, new ExactInteger<>(Long.class, Long.MIN_VALUE, Long.MAX_VALUE))
                .addDeserializer(long.class, new ExactInteger<>(Long.class, Long.MIN_VALUE, Long.MAX_VALUE))
                .addDeserializer(Boolean.class, new ExactBoolean())
                .addDeserializer(boolean.class, new ExactBoolean());
        return JsonMapper.builder(factory)
                .annotationIntrospector(new JsonbNames())
                .addModule(exactTypes)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
    }

    /** A refusal of one value, in words for the client: the message is used as it is. */
    static final class Refused extends MismatchedInputException {
        Refused(JsonParser parser, String message, Class<?> type) {
            super(parser, message, type);
        }
    }

    /** Field names from the records' {@link JsonbProperty} annotations. */
    private static final class JsonbNames extends JacksonAnnotationIntrospector {
        @Override
        public PropertyName findNameForDeserialization(Annotated annotated) {
            JsonbProperty name = _findAnnotation(annotated, JsonbProperty.class);
            return name != null ? PropertyName.construct(name.value()) : super.findNameForDeserialization(annotated);
        }
    }

    /** A JSON string (never a number or boolean turned into text) that is {@linkplain PlainText plain text}. */
    private static final class PlainTextString extends StdScalarDeserializer<String> {
        PlainTextString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new Refused(parser, "must be a string", String.class);
            }
            String text = parser.getText();
            var problem = PlainText.problem(text);
            if (problem.isPresent()) {
                throw new Refused(parser, problem.get(), String.class);
            }
            return text;
        }
    }

    /** A JSON integer within the Java type's range: no fractions, exponents, strings or silent wrapping. */
    private static final class ExactInteger<T extends Number> extends StdScalarDeserializer<T> {
        private final Class<T> type;
        private final long min;
        private final long max;

        ExactInteger(Class<T> type, long min, long max) {
            super(type);
            this.type = type;
            this.min = min;
            this.max = max;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                throw new Refused(parser, parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)
                        ? "must be a whole number (no fraction or exponent)" : "must be an integer", type);
            }
            BigInteger value = parser.getBigIntegerValue();
            if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
                throw new Refused(parser, "is out of range (" + min + " to " + max + ")", type);
            }
            Number exact = type == Integer.class ? (Number) Integer.valueOf(value.intValue()) : (Number) Long.valueOf(value.longValue());
            return type.cast(exact);
        }
    }

    /** {@code true} or {@code false}, nothing that merely looks like it. */
    private static final class ExactBoolean extends StdScalarDeserializer<Boolean> {
        ExactBoolean() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_TRUE)) {
                return Boolean.TRUE;
            }
            if (parser.hasToken(JsonToken.VALUE_FALSE)) {
                return Boolean.FALSE;
            }
            throw new Refused(parser, "must be true or false", Boolean.class);
        }
    }
}
