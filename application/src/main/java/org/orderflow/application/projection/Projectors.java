package org.orderflow.application.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** The projectors this server runs, by name. */
@ApplicationScoped
public class Projectors {

    private List<Projector> all;

    protected Projectors() {
        // for CDI proxies
    }

    @Inject
    public Projectors(@Any Instance<Projector> projectors) {
        this(projectors.stream().toList());
    }

    public Projectors(List<Projector> projectors) {
        this.all = List.copyOf(projectors);
    }

    public List<Projector> all() {
        return all;
    }

    public Optional<Projector> named(String name) {
        return all.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
