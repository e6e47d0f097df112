package org.orderflow.web.schedule;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.orderflow.application.projection.ProjectionRebuild;
import org.orderflow.application.projection.RebuildJob;

/** At start, resumes the rebuild jobs a stop or a crash interrupted, from their last committed batch. */
@Singleton
@Startup
@DependsOn("DatabaseBootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RebuildJobsResume {

    private static final Logger LOG = Logger.getLogger(RebuildJobsResume.class.getName());

    @Inject
    ProjectionRebuild rebuild;

    @EJB
    RebuildJobRunner runner;

    @PostConstruct
    void resume() {
        try {
            for (RebuildJob job : rebuild.running()) {
                LOG.info(() -> "Resuming rebuild " + job.id() + " of " + job.projector() + " after " + job.eventsDone()
                        + " events");
                runner.run(job.id());
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not look for interrupted rebuilds (the database may be down): " + e);
        }
    }
}
