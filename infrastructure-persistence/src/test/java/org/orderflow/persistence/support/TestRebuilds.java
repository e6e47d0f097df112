package org.orderflow.persistence.support;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.application.projection.ProjectionRebuild;
import org.orderflow.application.projection.Projectors;
import org.orderflow.application.projection.Projector;
import org.orderflow.application.projection.RebuildJob;
import org.orderflow.application.projection.RebuildSteps;
import org.orderflow.persistence.eventstore.EventSerializer;
import org.orderflow.persistence.eventstore.JdbcLogCursors;
import org.orderflow.persistence.eventstore.JpaEventStore;
import org.orderflow.persistence.projection.JpaProjectionCheckpoints;
import org.orderflow.persistence.projection.JpaProjectionErrors;
import org.orderflow.persistence.projection.JpaRebuildJobs;
import org.orderflow.persistence.projection.PostgresReadModelShadows;

/**
 * The real {@link ProjectionRebuild} on a test schema, outside a container: each of its steps
 * runs in a transaction of its own, as the CDI interceptor runs them on the server, with the
 * projector rebuilt (by name) on that transaction's entity manager.
 */
public final class TestRebuilds {

    private TestRebuilds() {
    }

    /** {@code projector} builds a projector by name on an entity manager. */
    public static ProjectionRebuild rebuild(TestDatabase db, List<String> names,
                                            BiFunction<EntityManager, String, Projector> projector) {
        EntityManager unused = db.emf().createEntityManager();
        try {
            List<Projector> byName = names.stream().map(name -> projector.apply(unused, name)).toList();
            return new ProjectionRebuild(new InTransactions(db, projector),
                    new JdbcLogCursors(db.dataSource(), new EventSerializer()), new Projectors(byName));
        } finally {
            unused.close();
        }
    }

    /** The steps on one transaction's entity manager. */
    public static RebuildSteps steps(EntityManager em) {
        return new RebuildSteps(new JpaEventStore(em, Clock.systemUTC(), new EventSerializer()),
                new JpaProjectionCheckpoints(em), new JpaProjectionErrors(em), new JpaRebuildJobs(em),
                new PostgresReadModelShadows(em), Clock.systemUTC());
    }

    /** Each step in its own transaction, with the projector built on that transaction's entity manager. */
    private static final class InTransactions extends RebuildSteps {

        private final TestDatabase db;
        private final BiFunction<EntityManager, String, Projector> projector;

        InTransactions(TestDatabase db, BiFunction<EntityManager, String, Projector> projector) {
            this.db = db;
            this.projector = projector;
        }

        private <T> T in(Projector named, BiFunction<RebuildSteps, Projector, T> step) {
            return db.inTransaction(em -> step.apply(steps(em), projector.apply(em, named.name())));
        }

        @Override
        public RebuildJob start(Projector named) {
            return in(named, RebuildSteps::start);
        }

        @Override
        public Optional<RebuildJob> find(long id) {
            return db.inTransaction(em -> steps(em).find(id));
        }

        @Override
        public List<RebuildJob> jobs(String projectorName, int max) {
            return db.inTransaction(em -> steps(em).jobs(projectorName, max));
        }

        @Override
        public List<RebuildJob> running() {
            return db.inTransaction(em -> steps(em).running());
        }

        @Override
        public RebuildJob apply(Projector named, long jobId, List<org.orderflow.application.eventstore.RecordedEvent> batch) {
            return in(named, (steps, p) -> steps.apply(p, jobId, batch));
        }

        @Override
        public int catchUp(Projector named, long jobId, int batchSize) {
            return in(named, (steps, p) -> steps.catchUp(p, jobId, batchSize));
        }

        @Override
        public void index(Projector named) {
            in(named, (steps, p) -> {
                steps.index(p);
                return null;
            });
        }

        @Override
        public Optional<RebuildJob> swap(Projector named, long jobId, int batchSize) {
            return in(named, (steps, p) -> steps.swap(p, jobId, batchSize));
        }

        @Override
        public boolean requestCancel(long jobId) {
            return db.inTransaction(em -> steps(em).requestCancel(jobId));
        }

        @Override
        public RebuildJob abandon(Projector named, long jobId, RebuildJob.State state, String error) {
            return in(named, (steps, p) -> steps.abandon(p, jobId, state, error));
        }

        @Override
        public RebuildJob fail(long jobId, String error) {
            return db.inTransaction(em -> steps(em).fail(jobId, error));
        }

        @Override
        public boolean rebuildStream(Projector named, StreamId stream) {
            return in(named, (steps, p) -> steps.rebuildStream(p, stream));
        }
    }
}
