package org.orderflow.web.request;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.regex.Pattern;
import org.orderflow.application.tracing.Tracing;
import org.orderflow.web.observability.LibertyLogContext;
import org.orderflow.web.problem.Problems;

/**
 * Gives every request a correlation id (the client's {@code X-Correlation-ID}, or a new one),
 * echoes it on the response, and refuses malformed tenant and correlation headers before any
 * resource runs.
 */
@Provider
@PreMatching
public class RequestHeadersFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** The application's tracing, looked up once (the filter is a plain provider, not a CDI bean). */
    private volatile Tracing tracing;

    @Override
    public void filter(ContainerRequestContext request) {
        String correlation = request.getHeaderString(ApiHeaders.CORRELATION_ID);
        if (correlation == null || correlation.isBlank()) {
            correlation = UUID.randomUUID().toString();
            request.getHeaders().putSingle(ApiHeaders.CORRELATION_ID, correlation);
        } else if (!SAFE_ID.matcher(correlation).matches()) {
            LibertyLogContext.clear();
            request.abortWith(badHeader(ApiHeaders.CORRELATION_ID, "1 to 128 characters of [A-Za-z0-9._:-]"));
            return;
        }
        // every line logged while this request is handled carries its correlation and trace ids (JSON logs)
        LibertyLogContext.tag(correlation, tracing().currentTraceParent());
        String tenant = request.getHeaderString(ApiHeaders.TENANT_ID);
        if (tenant != null && !ApiHeaders.VALID_TENANT.matcher(tenant).matches()) {
            request.abortWith(badHeader(ApiHeaders.TENANT_ID, "1 to 64 characters of [A-Za-z0-9_-]"));
        }
    }

    private Tracing tracing() {
        Tracing current = tracing;
        if (current == null) {
            current = CDI.current().select(Tracing.class).get();
            tracing = current;
        }
        return current;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        LibertyLogContext.clear();
        String correlation = request.getHeaderString(ApiHeaders.CORRELATION_ID);
        if (correlation != null && SAFE_ID.matcher(correlation).matches()) {
            response.getHeaders().putSingle(ApiHeaders.CORRELATION_ID, correlation);
        }
    }

    private static Response badHeader(String header, String expected) {
        return Problems.response(Response.Status.BAD_REQUEST, "invalid-header", "Invalid header",
                "Header " + header + " must be " + expected, null);
    }
}
