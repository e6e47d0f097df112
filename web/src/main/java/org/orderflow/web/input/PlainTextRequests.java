package org.orderflow.web.input;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Runs before anything else: refuses a declared body above the size limit (413), and any path,
 * query or header text that is not {@linkplain PlainText plain text} or whose percent-encoding is
 * not well-formed UTF-8 (400) — so no resource, query or database ever sees a NUL.
 */
@Provider
@PreMatching
@Priority(100)
public class PlainTextRequests implements ContainerRequestFilter {

    private final InputLimits limits = InputLimits.from(ConfigProvider.getConfig());

    /** The raw request line's path and query, as sent (the JAX-RS URI view refuses some of them). */
    @Context
    HttpServletRequest servlet;

    @Override
    public void filter(ContainerRequestContext request) {
        if (InputLimits.declaredAbove(request.getHeaderString("Content-Length"), limits.maxBodyBytes())) {
            request.abortWith(InvalidInput.of(InputRefused.tooLarge(limits.maxBodyBytes())).getResponse());
            return;
        }
        String rawPath = servlet.getRequestURI();
        Optional<String> path = check(rawPath);
        if (path.isPresent()) {
            request.abortWith(InvalidInput.of(InputRefused.field("path", path.get())).getResponse());
            return;
        }
        try {
            request.getUriInfo().getRequestUri();
        } catch (IllegalArgumentException notAUri) {
            request.abortWith(InvalidInput.of(InputRefused.field("path", "is not a valid URI (characters such as "
                    + "{ } | \\ ^ and spaces must be percent-encoded)")).getResponse());
            return;
        }
        String rawQuery = servlet.getQueryString();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                Optional<String> problem = check(name).or(() -> eq < 0 ? Optional.empty() : check(pair.substring(eq + 1)));
                if (problem.isPresent()) {
                    String field = decodeOrRaw(name);
                    request.abortWith(InvalidInput.of(InputRefused.field(
                            !field.isEmpty() && PlainText.problem(field).isEmpty() ? field : "query", problem.get())).getResponse());
                    return;
                }
            }
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            for (String value : header.getValue()) {
                Optional<String> problem = value == null ? Optional.empty() : PlainText.headerProblem(value);
                if (problem.isPresent()) {
                    request.abortWith(InvalidInput.of(InputRefused.header(header.getKey(), problem.get())).getResponse());
                    return;
                }
            }
        }
    }

    /** Why a raw (percent-encoded) URI component is refused, or empty. */
    static Optional<String> check(String raw) {
        try {
            return PlainText.problem(decode(raw));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.of("is not well-formed percent-encoded UTF-8");
        }
    }

    private static String decodeOrRaw(String raw) {
        try {
            return decode(raw);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return raw;
        }
    }

    /** Percent-decoding with a strict UTF-8 decoder ({@code +} stays a plus sign in paths, a space in queries is harmless either way). */
    static String decode(String raw) throws CharacterCodingException {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("malformed escape");
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        return StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
    }
}
