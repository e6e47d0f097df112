package org.orderflow.web.security;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.logging.Logger;
import org.orderflow.web.problem.Problems;

/**
 * Fail closed: an endpoint that declares no roles ({@code @RolesAllowed}, {@code @PermitAll} or
 * {@code @DenyAll}, on the method or its class) refuses every call with 403 and is named in the
 * log when the application starts. Without this, a new endpoint without an annotation would be
 * open to every authenticated caller of every tenant.
 */
@Provider
public class DeclaredRoles implements DynamicFeature {

    private static final Logger LOG = Logger.getLogger(DeclaredRoles.class.getName());

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (declares(method) || declares(resource.getResourceClass())) {
            return;
        }
        String name = resource.getResourceClass().getName() + "." + method.getName();
        LOG.severe("Endpoint " + name + " declares no roles: it refuses every call (add @RolesAllowed)");
        context.register((jakarta.ws.rs.container.ContainerRequestFilter) request -> request.abortWith(
                Problems.response(Response.Status.FORBIDDEN, "forbidden", "Forbidden",
                        "This endpoint declares no roles and is closed", null)));
    }

    private static boolean declares(AnnotatedElement element) {
        return element.isAnnotationPresent(RolesAllowed.class) || element.isAnnotationPresent(PermitAll.class)
                || element.isAnnotationPresent(DenyAll.class);
    }
}
