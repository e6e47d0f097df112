package org.orderflow.web.input;

/**
 * Why the API refuses a request's input, before any command or query runs; {@link InvalidInput}
 * turns it into a problem response.
 *
 * @param status HTTP status: 400, 413 or 415
 * @param slug   the problem type's slug
 * @param field  the field as the client wrote it ({@code order_item.quantity}, a parameter or a
 *               header name), or {@code null} for the body as a whole
 * @param reason what is wrong, in the client's terms
 * @param limit  the byte limit for 413, else 0
 */
public record InputRefused(int status, String slug, String title, String field, String reason, int limit) {

    static InputRefused field(String field, String reason) {
        return new InputRefused(400, "invalid-request", "Invalid request", field.isEmpty() ? "body" : field, reason, 0);
    }

    static InputRefused header(String header, String reason) {
        return new InputRefused(400, "invalid-header", "Invalid header", header, reason, 0);
    }

    static InputRefused body(String reason) {
        return new InputRefused(400, "malformed-request", "Malformed request body", null, reason, 0);
    }

    static InputRefused tooLarge(int limit) {
        return new InputRefused(413, "body-too-large", "Request body too large", null,
                "The request body exceeds the limit of " + limit + " bytes", limit);
    }

    static InputRefused notUtf8(String charset) {
        return new InputRefused(415, "unsupported-media-type", "Unsupported Media Type", null,
                "JSON bodies are read as UTF-8 only, not " + charset, 0);
    }

    /** The problem's detail line. */
    public String detail() {
        return field == null ? reason : "Field '" + field + "' " + reason;
    }

    /** Thrown by the readers that know no HTTP. */
    static final class Failure extends RuntimeException {
        private final InputRefused refused;

        Failure(InputRefused refused) {
            super(refused.detail(), null, false, false);
            this.refused = refused;
        }

        InputRefused refused() {
            return refused;
        }
    }

    Failure failure() {
        return new Failure(this);
    }
}
