package org.orderflow.persistence.schema;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Applies the schema migrations with Flyway.
 *
 * <p>The scripts are listed here rather than discovered by a class-path scan: application
 * servers hand out class-path URLs in their own schemes (Liberty's {@code wsjar:}) that scanners
 * do not all understand, and an explicit list makes a forgotten script a test failure
 * ({@code SchemaMigrationsTest}) instead of a silently missing table. Flyway still probes
 * {@code db/callback} on construction; the empty marker {@code db/callback/flyway.location} lets
 * Liberty's class loader resolve it instead of logging an error.
 */
public final class SchemaMigrations {

    static final String LOCATION = "db/migration";

    /** Every migration script, in version order. Add new scripts here. */
    static final List<String> SCRIPTS = List.of(
            "V1__event_store.sql",
            "V2__idempotency_keys.sql",
            "V3__snapshots.sql",
            "V4__projections.sql",
            "V5__projection_errors.sql",
            "V6__drop_stream_type_index.sql",
            "V7__outbox_and_inboxes.sql",
            "V8__advisory_lock_within.sql",
            "V9__blue_green_rebuilds.sql",
            "V10__audit_trail_and_append_only_log.sql",
            "V11__stock_and_checkouts.sql",
            "V12__correlation_index.sql",
            "V13__segments_and_owners.sql",
            "V14__shared_publisher_backoff.sql");

    private SchemaMigrations() {
    }

    /** Migrates the data source's default schema to the latest version. */
    public static MigrateResult migrate(DataSource dataSource) {
        return configure(dataSource).load().migrate();
    }

    /** Migrates (and creates if needed) the given schema; for tests that isolate themselves in a schema. */
    public static MigrateResult migrate(DataSource dataSource, String schema) {
        return configure(dataSource).schemas(schema).createSchemas(true).load().migrate();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration configure(DataSource dataSource) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .resourceProvider(new ListedScripts())
                .javaMigrationClassProvider(List::of)
                .skipDefaultCallbacks(true) // no SQL callbacks; also spares a scan of db/callback
                .failOnMissingLocations(false)
                // a session-level migration lock: an index built CONCURRENTLY (V12) waits for every open
                // transaction, and would wait forever for Flyway's own transaction-level lock
                .configuration(java.util.Map.of("flyway.postgresql.transactional.lock", "false"));
    }

    /** Serves exactly the listed scripts from this module's class loader. */
    private static final class ListedScripts implements ResourceProvider {

        @Override
        public LoadableResource getResource(String name) {
            return SCRIPTS.contains(name) ? new Script(name) : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return SCRIPTS.stream()
                    .filter(name -> name.startsWith(prefix))
                    .filter(name -> Arrays.stream(suffixes).anyMatch(name::endsWith))
                    .<LoadableResource>map(Script::new)
                    .toList();
        }
    }

    private static final class Script extends LoadableResource {
        private final String filename;

        Script(String filename) {
            this.filename = filename;
        }

        @Override
        public Reader read() {
            InputStream in = SchemaMigrations.class.getClassLoader().getResourceAsStream(getAbsolutePath());
            if (in == null) {
                throw new IllegalStateException("Migration script missing from the class path: " + getAbsolutePath());
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return LOCATION + "/" + filename;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return filename;
        }

        @Override
        public String getRelativePath() {
            return filename;
        }
    }
}
