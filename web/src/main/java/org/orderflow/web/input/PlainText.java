package org.orderflow.web.input;

import java.util.Optional;

/**
 * The text rule of the API: any Unicode text except control characters and unpaired surrogates.
 * NUL cannot be stored by PostgreSQL at all; the other C0/C1 controls (tab, line breaks included)
 * have no place in names, ids, addresses or reasons and would only make logs, e-mails and
 * downstream consumers misbehave. A lone surrogate is not a character: it cannot be encoded as
 * UTF-8 and would be stored as {@code ?}.
 */
public final class PlainText {

    private PlainText() {
    }

    /**
     * Why a header value is refused, or empty: a C0 control other than tab, or DEL. Header
     * values are read as ISO-8859-1 by the container, so a UTF-8 byte sequence shows up as C1
     * characters there — those, and tab (legal HTTP whitespace), pass.
     */
    public static Optional<String> headerProblem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return Optional.of(String.format("contains the control character U+%04X at index %d", (int) c, i));
            }
        }
        return Optional.empty();
    }

    /** Why {@code text} is not plain text, or empty when it is. */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of(String.format("contains the control character U+%04X at index %d", (int) c, i));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(String.format("contains an unpaired surrogate U+%04X at index %d", (int) c, i));
            }
        }
        return Optional.empty();
    }
}
