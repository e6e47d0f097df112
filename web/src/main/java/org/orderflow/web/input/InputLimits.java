package org.orderflow.web.input;

import org.eclipse.microprofile.config.Config;

/**
 * The size limits of a request, enforced before (Content-Length) and while (counted bytes, parser
 * constraints) a body is read.
 *
 * @param maxBodyBytes     a body above this many bytes is refused with 413
 * @param maxDepth         JSON objects and arrays nested deeper than this are refused
 * @param maxStringLength  a JSON string longer than this many characters is refused (field
 *                         rules are usually stricter: most text fields allow 100 to 500)
 * @param maxNumberLength  a JSON number written with more characters than this is refused
 */
public record InputLimits(int maxBodyBytes, int maxDepth, int maxStringLength, int maxNumberLength) {

    public static final InputLimits DEFAULTS = new InputLimits(64 * 1024, 16, 10_000, 40);

    public InputLimits {
        if (maxBodyBytes < 1 || maxDepth < 1 || maxStringLength < 1 || maxNumberLength < 1) {
            throw new IllegalArgumentException("input limits must be positive");
        }
    }

    /** Whether a Content-Length header declares more than {@code limit} bytes (leading zeros allowed; malformed: no). */
    static boolean declaredAbove(String contentLength, long limit) {
        if (contentLength == null) {
            return false;
        }
        String digits = contentLength.trim().replaceFirst("^0+(?=\\d)", "");
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            return false; // the container refuses a malformed Content-Length itself
        }
        return digits.length() > 18 || Long.parseLong(digits) > limit;
    }

    static InputLimits from(Config config) {
        return new InputLimits(
                config.getOptionalValue("orderflow.input.max-body-bytes", Integer.class).orElse(DEFAULTS.maxBodyBytes),
                config.getOptionalValue("orderflow.input.max-depth", Integer.class).orElse(DEFAULTS.maxDepth),
                config.getOptionalValue("orderflow.input.max-string-length", Integer.class).orElse(DEFAULTS.maxStringLength),
                config.getOptionalValue("orderflow.input.max-number-length", Integer.class).orElse(DEFAULTS.maxNumberLength));
    }
}
