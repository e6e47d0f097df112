package org.orderflow.application.cluster;

import java.lang.management.ManagementFactory;
import java.util.Objects;

/**
 * This server among the servers of a deployment, by name ({@code orderflow.node.name}; by default
 * {@code host:pid}). Recorded where work moves from one server to another — the last owner of a
 * projection segment, the server that published last — so operators see who does what, and a
 * takeover after a server died shows.
 */
public record Node(String name) {

    public Node {
        Objects.requireNonNull(name, "name");
    }

    /** host:pid of this JVM. */
    public static Node ofThisProcess() {
        return new Node(ManagementFactory.getRuntimeMXBean().getName().replaceFirst("^(\\d+)@(.*)$", "$2:$1"));
    }
}
