package org.orderflow.web.request;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orderflow.application.command.CommandContext;
import org.orderflow.web.security.Caller;

/** The API's request headers, and how a command's context is read from them. */
public final class ApiHeaders {

    public static final String CORRELATION_ID = "X-Correlation-ID";
    public static final String TENANT_ID = "X-Tenant-ID";
    public static final String USER_ID = "X-User-ID";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private static final Pattern ENTITY_TAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    private ApiHeaders() {
    }

    /** What a tenant id may look like: 1 to 64 characters of [A-Za-z0-9_-]. */
    public static final Pattern VALID_TENANT = Caller.VALID_TENANT;

    /**
     * The context of a command of {@code caller} (its tenant and user come from the token) sent with
     * these headers.
     *
     * @param requestIdentity what makes two requests "the same" for the idempotency key: method,
     *                        path and the parsed body
     */
    public static CommandContext commandContext(HttpHeaders headers, Caller caller, String requestIdentity) {
        String key = headers.getHeaderString(IDEMPOTENCY_KEY);
        if (key != null && (key.isBlank() || key.length() > 255)) {
            throw new BadRequestException("Header " + IDEMPOTENCY_KEY + " must be 1 to 255 characters");
        }
        return new CommandContext(UUID.randomUUID(), caller.tenant(), headers.getHeaderString(CORRELATION_ID),
                caller.subject(), pinnedVersion(headers.getHeaderString(HttpHeaders.IF_MATCH)),
                key, key == null ? null : sha256(requestIdentity));
    }

    /** If-Match: "7" (or W/"7", or 7) pins version 7; * or no header pins nothing. */
    static OptionalLong pinnedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return OptionalLong.empty();
        }
        Matcher matcher = ENTITY_TAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new BadRequestException("Header If-Match must be an entity tag from this API, e.g. \"3\"");
        }
        return OptionalLong.of(Long.parseLong(matcher.group(1)));
    }

    public static String entityTag(long version) {
        return "\"" + version + "\"";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
