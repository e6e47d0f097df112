package org.orderflow.persistence.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The key of every read-model row: tenant and aggregate id. */
@Embeddable
public class TenantKey implements Serializable {

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "id_value", nullable = false, updatable = false)
    private UUID id;

    protected TenantKey() {
    }

    public TenantKey(String tenantId, UUID id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    public String tenantId() {
        return tenantId;
    }

    public UUID id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TenantKey other && tenantId.equals(other.tenantId) && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, id);
    }
}
