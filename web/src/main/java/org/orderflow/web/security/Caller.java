package org.orderflow.web.security;

import jakarta.ws.rs.ForbiddenException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who sent the request, from its verified token: the subject ({@code sub}), the tenant (the
 * configured tenant claim, {@code tenant_id} by default) and the roles ({@code groups}).
 */
public record Caller(String subject, Optional<String> tenantClaim, Set<String> roles) {

    /** What a tenant id may look like: 1 to 64 characters of [A-Za-z0-9_-]. */
    public static final Pattern VALID_TENANT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isPlatformOperator() {
        return hasRole(Roles.PLATFORM_OPERATOR);
    }

    /** The caller's tenant; a token without one may not touch tenant data (403). */
    public String tenant() {
        return tenantClaim.orElseThrow(() -> new ForbiddenException(
                "The token names no tenant, and this request works on a tenant's data"));
    }

    /**
     * Whose data an operator request may see: empty for a platform operator (every tenant), else
     * the caller's own tenant.
     */
    public Optional<String> operatorScope() {
        return isPlatformOperator() ? Optional.empty() : Optional.of(tenant());
    }

    /** A claim's value as text (a JSON string claim may arrive as a JSON value). */
    static String claimText(Object claim) {
        String text = claim.toString();
        return text.length() > 1 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }

    /** Whether data of {@code tenantId} is within {@link #operatorScope()}. */
    public boolean mayOperateOn(String tenantId) {
        return operatorScope().map(own -> own.equals(tenantId)).orElse(true);
    }
}
