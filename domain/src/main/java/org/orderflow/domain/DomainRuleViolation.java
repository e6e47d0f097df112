package org.orderflow.domain;

import java.util.Objects;

/**
 * A decision was refused because it would break a business rule.
 *
 * <p>The {@link #code() code} is stable and machine-readable ({@code order.not_pending},
 * {@code product.deleted}, …): callers branch on it and clients may rely on it. The message is
 * for humans and may change. A violation means nothing happened: no event was produced.
 */
public class DomainRuleViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code    stable rule code, {@code <aggregate>.<rule>}
     * @param message what was refused and why, in words a user understands
     */
    public DomainRuleViolation(String code, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable, machine-readable code of the broken rule. */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + code + "]: " + getMessage();
    }
}
