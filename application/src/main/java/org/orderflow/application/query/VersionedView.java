package org.orderflow.application.query;

/** A view of an aggregate as of a stream version. */
public interface VersionedView {

    long version();
}
