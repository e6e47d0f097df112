package org.orderflow.application.command;

/** A command or query named an aggregate that has no stream (in the caller's tenant). */
public final class AggregateNotFound extends RuntimeException {

    private final String type;
    private final String id;

    public AggregateNotFound(String type, String id) {
        super(type + " " + id + " does not exist");
        this.type = type;
        this.id = id;
    }

    public String type() {
        return type;
    }

    public String id() {
        return id;
    }
}
