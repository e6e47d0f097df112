package org.orderflow.application.projection;

import java.util.List;

/**
 * The new read model of a blue/green rebuild: shadow copies of a projector's tables beside the
 * live ones. Joins the caller's transaction.
 */
public interface ReadModelShadows {

    /** Fresh, empty shadows of the tables (with their keys, not yet their other indexes); replaces old ones. */
    void create(List<String> tables);

    /**
     * From now until {@link #leave} or the end of the transaction, the read-model statements of
     * this transaction (the projector's reads and writes) go to the shadow tables.
     */
    void enter();

    /** Writes what is pending to the shadows and sends this transaction's statements back to the live tables. */
    void leave();

    /** Gives the shadows the live tables' other indexes (done once, after the bulk of the rows). */
    void index(List<String> tables);

    /** Replaces the live tables by their shadows. */
    void swap(List<String> tables);

    /** Drops the shadows, if any. */
    void drop(List<String> tables);
}
