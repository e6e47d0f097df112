package org.orderflow.application.projection;

/** A rebuild of the projector is already running; there is one at a time per projector. */
public class RebuildRunning extends RuntimeException {

    private final RebuildJob running;

    public RebuildRunning(RebuildJob running) {
        super("A rebuild of " + running.projector() + " is running (job " + running.id() + ")");
        this.running = running;
    }

    public RebuildJob running() {
        return running;
    }
}
