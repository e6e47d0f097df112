package org.orderflow.persistence.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.orderflow.application.projection.ReadModelShadows;

/**
 * {@link ReadModelShadows} in PostgreSQL: the shadow of a table is the table of the same name in
 * the schema {@code <live schema>_shadow} (migration V9 creates it and the functions used here).
 * Entering the shadow puts that schema first on the transaction's {@code search_path}
 * ({@code SET LOCAL}), so the projector's unqualified statements — Hibernate's as well as native
 * ones — write the new read model without knowing it; the setting ends with the transaction.
 * Such a transaction also commits without waiting for its WAL flush ({@code synchronous_commit
 * off}): a crash may lose the last batches of a new read model, never make it inconsistent — the
 * job's checkpoint commits with its rows, so the job resumes before them. Leaving the shadow
 * (the swap) restores the setting, so the swap itself is as durable as any command.
 * The swap drops the live table and moves the shadow, with its indexes (named as the live ones),
 * into the live schema, in the caller's transaction.
 */
@ApplicationScoped
public class PostgresReadModelShadows implements ReadModelShadows {

    private EntityManager em;

    protected PostgresReadModelShadows() {
        // for CDI proxies
    }

    @Inject
    public PostgresReadModelShadows(EntityManager em) {
        this.em = em;
    }

    @Override
    public void create(List<String> tables) {
        tables.forEach(table -> call("orderflow_shadow_create", table));
    }

    @Override
    public void enter() {
        em.flush(); // what the transaction changed so far belongs to the live tables
        em.createNativeQuery("""
                        SELECT set_config('orderflow.live_search_path', current_setting('search_path'), true),
                               set_config('orderflow.live_synchronous_commit', current_setting('synchronous_commit'), true),
                               set_config('search_path', quote_ident(current_schema() || '_shadow') || ', '
                                          || current_setting('search_path'), true),
                               set_config('synchronous_commit', 'off', true)""")
                .getSingleResult();
    }

    @Override
    public void leave() {
        em.flush();
        em.clear(); // the shadow's rows are the live table's rows after the swap: do not mix them up
        em.createNativeQuery("""
                        SELECT set_config('search_path', current_setting('orderflow.live_search_path'), true),
                               set_config('synchronous_commit', current_setting('orderflow.live_synchronous_commit'), true)""")
                .getSingleResult();
    }

    @Override
    public void index(List<String> tables) {
        tables.forEach(table -> call("orderflow_shadow_index", table));
    }

    @Override
    public void swap(List<String> tables) {
        tables.forEach(table -> call("orderflow_shadow_swap", table));
    }

    @Override
    public void drop(List<String> tables) {
        tables.forEach(table -> call("orderflow_shadow_drop", table));
    }

    private void call(String function, String table) {
        em.createNativeQuery("SELECT CAST(" + function + "(?1) AS text)").setParameter(1, table).getSingleResult();
    }
}
