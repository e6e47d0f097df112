package org.orderflow.domain.order;

/**
 * Where the goods of an order go. A street line, a city and a country are the least a carrier
 * needs; the second line and the postal code are optional ({@code null}) because not every
 * address has them. Values are kept exactly as given.
 */
public record ShippingAddress(String line1, String line2, String city, String postalCode, String country) {

    /**
     * @throws IllegalArgumentException if line1, city or country is null or blank
     */
    public ShippingAddress {
        requireText(line1, "line1");
        requireText(city, "city");
        requireText(country, "country");
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a shipping address needs a " + field);
        }
    }
}
