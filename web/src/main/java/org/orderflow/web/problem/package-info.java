/**
 * Errors as RFC 9457 {@code application/problem+json}: one exception mapper per error family
 * (400 malformed, 404 not found, 409 version conflict, 415 media type, 422 rule violated).
 */
package org.orderflow.web.problem;
