package org.orderflow.web.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderflow.web.order.OrderRequests.AddItemBody;
import org.orderflow.web.order.OrderRequests.CreateOrderBody;
import org.orderflow.web.product.ProductApi.CreateProductBody;

/** The strict JSON reader on the API's own request records: every finding of the input-safety review. */
class JsonBodiesTest {

    private final JsonBodies bodies = new JsonBodies(InputLimits.DEFAULTS);

    @Test
    void a_well_formed_body_binds_with_the_api_field_names() {
        // given
        String json = "{\"order_item\":{\"product_name\":\"ノートPC\",\"quantity\":2,\"unit_price_cents\":120000}}";
        // when
        AddItemBody body = (AddItemBody) read(AddItemBody.class, json);
        // then
        assertThat(body.orderItem().productName()).isEqualTo("ノートPC");
        assertThat(body.orderItem().quantity()).isEqualTo(2);
        assertThat(body.orderItem().unitPriceCents()).isEqualTo(120000L);
    }

    @Timeout(5)
    @ParameterizedTest
    @ValueSource(strings = {"{\"x\":{", "{\"order\":{\"customer_name\":\"a\",\"x\":[", "{\"order\":{", "{\"order\":",
            "{", "[", "{\"order\":{\"customer_name\":\"a\"", "{\"order\":{\"customer_name\":\"a"})
    void a_truncated_body_is_refused_at_once(String json) {
        // when
        InputRefused refused = refusal(CreateOrderBody.class, json);
        // then
        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void an_unknown_field_is_named() {
        InputRefused refused = refusal(CreateOrderBody.class, "{\"order\":{\"customer_name\":\"a\",\"x\":1}}");
        assertThat(refused.field()).isEqualTo("order.x");
        assertThat(refused.reason()).isEqualTo("is not a field of this request (fields here: customer_id, customer_name, shipping_address)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "4294967297           | order_item.quantity | is out of range",
            "4294967301           | order_item.quantity | is out of range",
            "12.99                | order_item.quantity | must be a whole number",
            "-0.5                 | order_item.quantity | must be a whole number",
            "1e400                | order_item.quantity | must be a whole number",
            "1e300                | order_item.quantity | must be a whole number",
            "'\"5\"'              | order_item.quantity | must be an integer",
            "true                 | order_item.quantity | must be an integer",
            "[1]                  | order_item.quantity | must be an integer",
            "{}                   | order_item.quantity | must be an integer"})
    void a_quantity_is_never_narrowed_rounded_or_coerced(String quantity, String field, String reason) {
        // given
        String json = "{\"order_item\":{\"product_name\":\"p\",\"quantity\":" + quantity.replace("'", "")
                + ",\"unit_price_cents\":100}}";
        // when
        InputRefused refused = refusal(AddItemBody.class, json);
        // then
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.field()).isEqualTo(field);
        assertThat(refused.reason()).startsWith(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"18446744073709551716", "9223372036854775808", "1e3", "100.0", "\"100\""})
    void a_price_is_never_wrapped_or_coerced(String price) {
        InputRefused refused = refusal(AddItemBody.class,
                "{\"order_item\":{\"product_name\":\"p\",\"quantity\":1,\"unit_price_cents\":" + price + "}}");
        assertThat(refused.field()).isEqualTo("order_item.unit_price_cents");
    }

    @Test
    void the_largest_long_is_still_a_long() {
        AddItemBody body = (AddItemBody) read(AddItemBody.class,
                "{\"order_item\":{\"product_name\":\"p\",\"quantity\":1,\"unit_price_cents\":9223372036854775807}}");
        assertThat(body.orderItem().unitPriceCents()).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "true", "12.5", "[\"a\"]", "{\"a\":1}"})
    void a_text_field_takes_only_a_string(String value) {
        InputRefused refused = refusal(CreateOrderBody.class, "{\"order\":{\"customer_name\":" + value + "}}");
        assertThat(refused.field()).isEqualTo("order.customer_name");
        assertThat(refused.reason()).isEqualTo("must be a string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "a\\u0000b", "\\u0007", "line\\nbreak", "\\u009f", "\\ud800", "x\\udc00y"})
    void control_characters_and_lone_surrogates_are_refused(String escaped) {
        InputRefused refused = refusal(CreateOrderBody.class, "{\"order\":{\"customer_name\":\"" + escaped + "\"}}");
        assertThat(refused.field()).isEqualTo("order.customer_name");
        assertThat(refused.reason()).containsAnyOf("control character", "unpaired surrogate");
    }

    @Test
    void a_nested_text_field_is_named_with_its_path() {
        InputRefused refused = refusal(CreateOrderBody.class, "{\"order\":{\"customer_name\":\"a\",\"shipping_address\":"
                + "{\"line1\":\"x\",\"city\":\"\\u0000\",\"country\":\"JP\"}}}");
        assertThat(refused.field()).isEqualTo("order.shipping_address.city");
    }

    @Test
    void a_surrogate_pair_is_a_character() {
        CreateOrderBody body = (CreateOrderBody) read(CreateOrderBody.class, "{\"order\":{\"customer_name\":\"\\ud83d\\ude00 😀\"}}");
        assertThat(body.order().customerName()).isEqualTo("😀 😀");
    }

    @ParameterizedTest
    @ValueSource(strings = {"}", "garbage", "//x", "/*x*/", " {}", "[]", ",", "\u0000"})
    void nothing_may_follow_the_value(String trailing) {
        InputRefused refused = refusal(CreateOrderBody.class, "{\"order\":{\"customer_name\":\"a\"}}" + trailing);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.field()).isNull();
    }

    @Test
    void a_duplicate_key_is_refused() {
        InputRefused refused = refusal(CreateOrderBody.class, "{\"order\":{\"customer_name\":\"a\",\"customer_name\":\"b\"}}");
        assertThat(refused.field()).isEqualTo("order.customer_name");
        assertThat(refused.reason()).isEqualTo("appears more than once");
    }

    @Test
    void a_wrapper_inside_an_array_is_not_the_wrapper() {
        InputRefused refused = refusal(CreateOrderBody.class, "[{\"order\":{\"customer_name\":\"a\"}}]");
        assertThat(refused.reason()).isEqualTo("must be an object");
    }

    @Test
    void invalid_utf8_is_refused_not_replaced() {
        byte[] json = concat("{\"order\":{\"customer_name\":\"".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, (byte) 0x28}, "\"}}".getBytes(StandardCharsets.UTF_8));
        InputRefused refused = refusal(CreateOrderBody.class, json, null);
        assertThat(refused.field()).isEqualTo("order.customer_name");
        assertThat(refused.reason()).isEqualTo("is not well-formed UTF-8");
    }

    @Test
    void a_surrogate_encoded_as_utf8_bytes_is_refused() {
        byte[] json = concat("{\"order\":{\"customer_name\":\"".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}}".getBytes(StandardCharsets.UTF_8));
        assertThat(refusal(CreateOrderBody.class, json, null).reason()).isEqualTo("is not well-formed UTF-8");
    }

    @Test
    void an_empty_body_is_refused() {
        assertThat(refusal(CreateOrderBody.class, "").reason()).isEqualTo("A JSON body is required");
        assertThat(refusal(CreateOrderBody.class, "   ").reason()).isEqualTo("A JSON body is required");
    }

    @Test
    void a_declared_length_above_the_limit_is_refused_before_reading() {
        InputStream never = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };
        var failure = catchThrowableOfType(InputRefused.Failure.class,
                () -> bodies.read(CreateOrderBody.class, never, "65537", null));
        assertThat(failure.refused().status()).isEqualTo(413);
    }

    @Test
    @Timeout(5)
    void an_endless_body_without_length_is_cut_at_the_limit() {
        InputStream endless = new SequenceInputStream(new ByteArrayInputStream("{\"order\":{\"customer_name\":\"".getBytes()),
                new InputStream() {
                    @Override
                    public int read() {
                        return 'a';
                    }
                });
        var failure = catchThrowableOfType(InputRefused.Failure.class, () -> bodies.read(CreateOrderBody.class, endless, null, null));
        assertThat(failure.refused().status()).isIn(413, 400);
    }

    @Test
    void nesting_deeper_than_the_limit_is_refused() {
        String deep = "{\"order\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        // a request record refuses the first bracket that is not its shape; a generic body reads deeper
        assertThat(refusal(CreateOrderBody.class, deep).reason()).isEqualTo("must be an object");
        assertThat(refusal(java.util.Map.class, deep).reason()).contains("deeper than 16 levels");
        assertThat(refusal(java.util.List.class, "[".repeat(17) + "]".repeat(17)).reason()).contains("deeper than 16 levels");
        assertThat(read(java.util.List.class, "[".repeat(16) + "]".repeat(16))).isNotNull();
    }

    @Test
    void a_number_longer_than_the_limit_is_refused() {
        String json = "{\"order_item\":{\"product_name\":\"p\",\"quantity\":" + "9".repeat(2000) + ",\"unit_price_cents\":1}}";
        assertThat(refusal(AddItemBody.class, json).reason()).contains("more than 40 characters");
    }

    @Test
    void a_string_longer_than_the_limit_is_refused() {
        String json = "{\"order\":{\"customer_name\":\"" + "a".repeat(10_001) + "\"}}";
        assertThat(refusal(CreateOrderBody.class, json).reason()).contains("longer than 10000 characters");
    }

    @Test
    void another_charset_than_utf8_is_unsupported() {
        var failure = catchThrowableOfType(InputRefused.Failure.class, () -> bodies.read(CreateOrderBody.class,
                new ByteArrayInputStream("{}".getBytes()), null, "ISO-8859-1"));
        assertThat(failure.refused().status()).isEqualTo(415);
    }

    @Test
    void syntax_errors_name_the_place_and_no_code() {
        InputRefused refused = refusal(CreateProductBody.class, "{\"product\":{\"name\":'x'}}");
        assertThat(refused.reason()).startsWith("The request body is not valid JSON (line 1, column");
        assertThat(refused.reason()).doesNotContain("java", "com.", "org.", "`", "Feature");
    }

    @Test
    void no_refusal_names_a_class() {
        for (String json : new String[] {"[{\"order\":{}}]", "{\"order\":{\"customer_name\":\"a\"}}}", "{\"order\":7}",
                "{\"order\":{\"customer_name\":\"a\",\"x\":1}}", "\"text\"", "null null"}) {
            InputRefused refused = refusal(CreateOrderBody.class, json);
            assertThat(refused.detail()).as(json).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z]|Exception|\\$|`");
        }
    }

    @Test
    void json_null_is_no_body() {
        assertThat(read(CreateOrderBody.class, "null")).isNull(); // @NotNull on the parameter answers it
    }

    private Object read(Class<?> type, String json) {
        return bodies.read(type, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), null, null);
    }

    private InputRefused refusal(Class<?> type, String json) {
        return refusal(type, json.getBytes(StandardCharsets.UTF_8), null);
    }

    private InputRefused refusal(Class<?> type, byte[] json, String length) {
        var failure = catchThrowableOfType(InputRefused.Failure.class,
                () -> bodies.read(type, new ByteArrayInputStream(json), length, null));
        assertThat(failure).as("refused").isNotNull();
        return failure.refused();
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
