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
}
