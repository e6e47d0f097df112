package org.orderflow.application.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;

/** Forgets idempotency keys older than the retention, so the table does not grow without bound. */
@ApplicationScoped
public class IdempotencyRetention {

    private IdempotencyKeys keys;
    private Clock clock;

    protected IdempotencyRetention() {
        // for CDI proxies
    }

    @Inject
    public IdempotencyRetention(IdempotencyKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Deletes keys remembered more than {@code retention} ago; returns how many. */
    @Transactional
    public int purge(Duration retention) {
        return keys.forgetOlderThan(clock.instant().minus(retention));
    }
}
