package org.orderflow.application.projection;

/** Another transaction kept the projector's lock longer than an operator's step waits for it; try again. */
public class ProjectorBusy extends RuntimeException {

    private final String projector;

    public ProjectorBusy(String projector) {
        super("Projector " + projector + " stayed busy; retry");
        this.projector = projector;
    }

    public String projector() {
        return projector;
    }
}
