package org.orderflow.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, from the token the MP JWT feature verified. */
@ApplicationScoped
public class Callers {

    @Inject
    JsonWebToken token;

    @Inject
    @ConfigProperty(name = "orderflow.auth.tenant-claim", defaultValue = "tenant_id")
    String tenantClaim;

    public Caller current() {
        return of(token);
    }

    /** The caller a principal stands for; 401 for a request without a verified token. */
    public Caller of(Principal principal) {
        if (!(principal instanceof JsonWebToken jwt) || jwt.getSubject() == null) {
            throw new NotAuthorizedException("Bearer");
        }
        Object tenant = jwt.getClaim(tenantClaim);
        Set<String> groups = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
        return new Caller(jwt.getSubject(), Optional.ofNullable(tenant).map(Caller::claimText), groups);
    }
}
