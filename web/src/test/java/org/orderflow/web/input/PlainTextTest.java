package org.orderflow.web.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text rule, and the strict percent-decoding of paths and query strings. */
class PlainTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"山田太郎", "Ada Lovelace", "😀", "O'Brien & Co. <ltd>", "a\u00a0b", ""})
    void ordinary_text_is_plain(String text) {
        assertThat(PlainText.problem(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "a\u0001", "tab\there", "line\nbreak", "\r", "\u007f", "\u0085", "\ud800", "x\udc00", "\ud83d"})
    void control_characters_and_lone_surrogates_are_not(String text) {
        assertThat(PlainText.problem(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"%00", "a%00b", "%C3%28", "%ED%A0%80", "%FF", "%", "%G0", "%+1", "%0A", "%1F"})
    void a_uri_component_with_controls_or_broken_utf8_is_refused(String raw) {
        assertThat(PlainTextRequests.check(raw)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "%E5%B1%B1%E7%94%B0", "%F0%9F%98%80", "a%20b", "a+b", "%2F", "2026-01-01T00%3A00%3A00Z"})
    void a_well_formed_uri_component_passes(String raw) {
        assertThat(PlainTextRequests.check(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"op\u0001", "a\u0000", "x\u007f", "line\nbreak"})
    void a_header_value_with_a_control_character_is_refused(String value) {
        assertThat(PlainText.headerProblem(value)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "tab\there", "\u00c5\u0081ukasz", "W/\"3\""})
    void tabs_and_utf8_bytes_read_as_latin1_pass_in_headers(String value) {
        assertThat(PlainText.headerProblem(value)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void a_declared_length_is_read_as_a_number() {
        assertThat(InputLimits.declaredAbove("00000000065", 64)).as("leading zeros: 65").isTrue();
        assertThat(InputLimits.declaredAbove("0000000000000000000000064", 64)).isFalse();
        assertThat(InputLimits.declaredAbove("99999999999999999999999", 64)).isTrue();
        assertThat(InputLimits.declaredAbove("-1", 64)).isFalse();
        assertThat(InputLimits.declaredAbove("abc", 64)).isFalse();
        assertThat(InputLimits.declaredAbove(null, 64)).isFalse();
    }
}
