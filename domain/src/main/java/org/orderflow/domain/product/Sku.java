package org.orderflow.domain.product;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A stock-keeping unit: upper-case letters, digits and dashes. Products created without one get
 * a SKU derived from what every product has always stored (category and id), so the same
 * product always derives the same SKU, also when an old event is upcast.
 */
public record Sku(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,39}");

    public Sku {
        Objects.requireNonNull(value, "sku");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("sku must be 3 to 40 of A-Z, 0-9 and '-', starting with a letter or digit: " + value);
        }
    }

    /** {@code <first 4 letters/digits of the category, upper case>-<first 8 hex digits of the id>}, e.g. {@code COMP-1A2B3C4D}. */
    public static Sku derive(String categoryId, UUID productId) {
        String prefix = categoryId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        prefix = prefix.isEmpty() ? "GEN" : prefix.substring(0, Math.min(4, prefix.length()));
        return new Sku(prefix + "-" + productId.toString().substring(0, 8).toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
