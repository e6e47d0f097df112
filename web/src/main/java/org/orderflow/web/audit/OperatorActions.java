package org.orderflow.web.audit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.orderflow.application.audit.OperatorAction;
import org.orderflow.application.audit.OperatorAudit;
import org.orderflow.web.request.ApiHeaders;
import org.orderflow.web.security.Caller;
import org.orderflow.web.security.Callers;

/**
 * Records every call of the operations API ({@code /ops/...}) that is not a read — whatever its
 * outcome, refused and failed ones included — after it was answered: who (for now the
 * {@code X-User-ID} header), when, tenant, the operation (its OpenAPI operation id), its path
 * and query parameters and request body, the status and, for a problem answer, its detail. A new
 * operations endpoint is recorded without being told to.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.USER + 1000)
public class OperatorActions implements ContainerResponseFilter, ReaderInterceptor {

    static final String NO_TENANT = "*";
    private static final Logger LOG = Logger.getLogger(OperatorActions.class.getName());
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    private static final String BODY = OperatorActions.class.getName() + ".body";
    private static final int MAX_TEXT = 2_000;
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Context
    ResourceInfo resource;

    @Inject
    Callers callers;

    @Inject
    OperatorAudit audit;

    @Inject
    Clock clock;

    /** Keeps the parsed body of an operations call for its record. */
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body != null) {
            context.setProperty(BODY, body);
        }
        return body;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (READS.contains(request.getMethod()) || !(path.startsWith("ops/") || path.startsWith("/ops/"))) {
            return;
        }
        Map<String, String> parameters = new TreeMap<>();
        request.getUriInfo().getPathParameters().forEach((name, values) -> parameters.put(name, String.join(",", values)));
        try {
            MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
            query.forEach((name, values) -> parameters.put("query." + name, clip(String.join(",", values))));
        } catch (IllegalArgumentException unparseable) {
            // a query the URI parser refuses (e.g. "{}=1"): the call is still recorded, without it
            parameters.put("query", "(not a valid URI query)");
        }
        Object body = request.getProperty(BODY);
        if (body != null) {
            parameters.put("body", clip(toJson(body)));
        }
        int status = response.getStatus();
        try {
            Optional<Caller> caller = caller(request);
            audit.record(new OperatorAction(0, clock.instant(), actor(caller), tenant(caller), action(request), request.getMethod(),
                    "/" + path.replaceFirst("^/", ""), parameters, OperatorAction.Outcome.of(status), status,
                    status >= 400 ? problemDetail(response.getEntity()) : null));
        } catch (RuntimeException e) {
            // the action has happened (or was refused) already: its answer stands, the gap is reported loudly
            LOG.log(Level.SEVERE, "Could not record operator action " + request.getMethod() + " /" + path + " (" + status
                    + ") in the audit trail", e);
        }
    }

    private String action(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        Operation operation = method == null ? null : method.getAnnotation(Operation.class);
        if (operation != null && !operation.operationId().isEmpty()) {
            return operation.operationId();
        }
        return method != null ? method.getDeclaringClass().getSimpleName() + "." + method.getName() : "unmatched";
    }

    /** The token's subject; "anonymous" for a call refused for want of a valid token. */
    private Optional<Caller> caller(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        return principal == null ? Optional.empty() : Optional.of(callers.of(principal));
    }

    private static String actor(Optional<Caller> caller) {
        return caller.map(c -> ACTOR.matcher(c.subject()).matches() ? c.subject() : "invalid").orElse("anonymous");
    }

    /** The token's tenant; {@value #NO_TENANT} for a token without one (a platform operator) or no token. */
    private static String tenant(Optional<Caller> caller) {
        return caller.flatMap(Caller::tenantClaim).filter(t -> ApiHeaders.VALID_TENANT.matcher(t).matches()).orElse(NO_TENANT);
    }

    private static String toJson(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return JSONB.toJson(body);
        } catch (RuntimeException e) {
            return String.valueOf(body);
        }
    }

    private static String problemDetail(Object entity) {
        if (!(entity instanceof String text) || !text.startsWith("{")) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonObject problem = reader.readObject();
            return clip(problem.getString("detail", problem.getString("title", null)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
