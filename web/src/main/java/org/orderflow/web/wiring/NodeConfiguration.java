package org.orderflow.web.wiring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderflow.application.cluster.Node;

/** This server's name among the servers of a deployment: {@code orderflow.node.name}, else host:pid. */
@ApplicationScoped
public class NodeConfiguration {

    @Inject
    @ConfigProperty(name = "orderflow.node.name")
    Optional<String> name;

    @Produces
    Node node() {
        return name.filter(n -> !n.isBlank()).map(Node::new).orElseGet(Node::ofThisProcess);
    }
}
