package org.orderflow.web.request;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Ids in paths: a value that is not a UUID cannot name anything, so it reads as "not found". */
public final class Ids {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    public static Optional<UUID> parse(String text) {
        return text != null && UUID_TEXT.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }
}
