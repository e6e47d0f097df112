package org.orderflow.domain;

import java.util.UUID;

/**
 * Reading identifiers that arrive as text, for the {@code of(String)} factories of the id records.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /**
     * Parses the canonical 36-character UUID form ({@code 8-4-4-4-12} hex digits, any case).
     *
     * <p>{@link UUID#fromString(String)} alone also accepts shortened forms such as
     * {@code 1-2-3-4-5}; those are refused here so that one identifier has exactly one spelling.
     *
     * @param text   the identifier as received
     * @param idName what the identifier names, used in the error message (e.g. "order id")
     * @throws IllegalArgumentException if {@code text} is null or not a canonical UUID
     */
    public static UUID parseUuid(String text, String idName) {
        if (text == null) {
            throw new IllegalArgumentException(idName + " is required, but was null");
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(text);
        } catch (IllegalArgumentException malformed) {
            throw notAUuid(text, idName, malformed);
        }
        if (!uuid.toString().equalsIgnoreCase(text)) {
            throw notAUuid(text, idName, null);
        }
        return uuid;
    }

    private static IllegalArgumentException notAUuid(String text, String idName, Throwable cause) {
        return new IllegalArgumentException(
                idName + " must be a UUID like 123e4567-e89b-12d3-a456-426614174000, but was '" + text + "'", cause);
    }
}
