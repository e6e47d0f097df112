/**
 * What the API accepts, checked before anything else runs: request bodies are read by one strict
 * JSON reader (size, nesting, string and number limits enforced while parsing; exact types, no
 * duplicate keys, no unknown fields, no trailing content, UTF-8 only), text is plain text (no
 * control characters, no lone surrogates) wherever it arrives (body, path, query, headers), and
 * query booleans are {@code true} or {@code false}. Every refusal is a 4xx problem that names the
 * field and never the code behind it.
 */
package org.orderflow.web.input;
