package org.orderflow.web.input;

import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads every JSON request body of the API through {@link JsonBodies}. It takes the place of the
 * runtime's JSON-B reader, whose parser can spin forever on a truncated document while skipping
 * an unknown field (the 6-byte body {@code {"x":{}).
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class StrictJsonReader implements MessageBodyReader<Object> {

    private final JsonBodies bodies = new JsonBodies(InputLimits.from(ConfigProvider.getConfig()));

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return !JsonValue.class.isAssignableFrom(type) && type != String.class && type != byte[].class
                && !InputStream.class.isAssignableFrom(type) && !Reader.class.isAssignableFrom(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) {
        try {
            return bodies.read(genericType, body, headers == null ? null : headers.getFirst("Content-Length"),
                    mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER));
        } catch (InputRefused.Failure failure) {
            throw InvalidInput.of(failure.refused());
        }
    }
}
