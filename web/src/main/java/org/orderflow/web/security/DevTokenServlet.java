package org.orderflow.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /orderflow/dev/token?sub=&tenant=&groups=&expires_in=}: a token of the development
 * issuer, as plain text (so that {@code TOKEN=$(curl -s …)} works); {@code GET /orderflow/dev/jwks}:
 * its public key, where the MP JWT feature fetches it. Both 404 while the issuer is off.
 * Defaults: sub {@value #DEFAULT_SUBJECT}, tenant {@value #DEFAULT_TENANT}, groups
 * {@value #DEFAULT_GROUPS}, expires_in 3600 s (a negative value gives an expired token).
 * {@code tenant=} (empty) gives a token without a tenant.
 */
@WebServlet(urlPatterns = {"/orderflow/dev/token", DevTokenServlet.JWKS_PATH})
public class DevTokenServlet extends HttpServlet {

    /** Where the MP JWT feature fetches the issuer's public key (server.xml: jwt.jwks.uri's default). */
    static final String JWKS_PATH = "/orderflow/dev/jwks";
    static final String DEFAULT_SUBJECT = "developer";
    static final String DEFAULT_TENANT = "default";
    static final String DEFAULT_GROUPS = Roles.READER + "," + Roles.ORDER_WRITER + "," + Roles.CATALOGUE_MANAGER;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._@:-]{1,128}");

    @Inject
    @ConfigProperty(name = "orderflow.auth.tenant-claim", defaultValue = "tenant_id")
    String tenantClaim;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!DevIssuer.enabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (JWKS_PATH.equals(request.getServletPath())) {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(DevIssuer.publicJwks());
            return;
        }
        String subject = parameter(request, "sub", DEFAULT_SUBJECT);
        String tenant = parameter(request, "tenant", DEFAULT_TENANT);
        String groups = parameter(request, "groups", DEFAULT_GROUPS);
        String expiresIn = parameter(request, "expires_in", "3600");
        List<String> groupList = groups.isEmpty() ? List.of()
                : Arrays.stream(groups.split(",")).map(String::trim).filter(g -> !g.isEmpty()).toList();
        if (!SAFE.matcher(subject).matches() || !(tenant.isEmpty() || Caller.VALID_TENANT.matcher(tenant).matches())
                || !groupList.stream().allMatch(g -> SAFE.matcher(g).matches()) || !expiresIn.matches("-?\\d{1,6}")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        String token = DevIssuer.token(subject, tenantClaim, tenant.isEmpty() ? null : tenant, groupList,
                Duration.ofSeconds(Long.parseLong(expiresIn)));
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(token);
    }

    private static String parameter(HttpServletRequest request, String name, String fallback) {
        String value = request.getParameter(name);
        return value == null ? fallback : value.trim();
    }
}
