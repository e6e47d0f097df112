/**
 * Errors as RFC 9457 {@code application/problem+json}: one exception mapper per error family
 * (400 malformed, 404 not found, 409 version conflict, 415 media type, 422 rule violated).
 * {@link org.orderflow.web.problem.ProblemDetails} is how the OpenAPI document describes them.
 */
package org.orderflow.web.problem;
