package org.orderflow.web.wiring;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.orderflow.application.eventstore.LogCursors;
import org.orderflow.persistence.eventstore.JdbcLogCursors;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.orderflow.persistence.eventstore.EventSerializer;

/** Producers for the infrastructure the adapters are built from. */
@ApplicationScoped
public class Infrastructure {

    /** Transaction-scoped: every call joins the caller's JTA transaction. */
    @Produces
    @PersistenceContext(unitName = "orderflow")
    private EntityManager entityManager;

    /** Immutable and thread-safe, so dependent scope (no proxy) is enough. */
    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    EventSerializer eventSerializer() {
        return new EventSerializer();
    }

    /** Non-JTA: a rebuild's cursor keeps its own read-only transaction across the batches' JTA transactions. */
    @Resource(lookup = "jdbc/orderflowReader")
    private DataSource readerDataSource;

    @Produces
    @ApplicationScoped
    LogCursors logCursors(EventSerializer serializer) {
        return new JdbcLogCursors(readerDataSource, serializer);
    }
}
