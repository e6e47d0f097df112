package org.orderflow.web.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.orderflow.application.command.Command;
import org.orderflow.application.command.CommandObserver;

/**
 * Commands as metrics: {@code orderflow_commands_seconds{type, outcome}} (a timer: count, sum,
 * maximum, quantiles and histogram buckets) and {@code orderflow_command_retries_total{type,
 * cause}} (attempts run again after a lost race).
 */
@ApplicationScoped
public class MeteredCommands implements CommandObserver {

    private static final Metadata COMMANDS = Metadata.builder().withName("orderflow.commands")
            .withDescription("Commands by type and outcome (done, replayed, refused, not_found, conflict, key_reused, "
                    + "failed), from dispatch to answer, retries included").build();
    private static final Metadata RETRIES = Metadata.builder().withName("orderflow.command.retries")
            .withDescription("Command attempts run again, by cause (conflict: a lost optimistic-concurrency race; "
                    + "key_race: a twin request with the same idempotency key committed first)").build();
    private static final Map<Class<?>, String> TYPES = new ConcurrentHashMap<>();

    /** The timers, looked up once per type and outcome: a registry lookup builds a metric id each time. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @Inject
    MetricRegistry registry;

    @Override
    public void completed(Command command, Outcome outcome, Duration took) {
        String type = type(command);
        timers.computeIfAbsent(type + '/' + outcome.name(),
                key -> registry.timer(COMMANDS, new Tag("type", type), new Tag("outcome", name(outcome)))).update(took);
    }

    @Override
    public void retried(Command command, Retry why) {
        registry.counter(RETRIES, new Tag("type", type(command)), new Tag("cause", name(why))).inc();
    }

    /** {@code AddItem} → {@code add_item}. */
    static String type(Command command) {
        return TYPES.computeIfAbsent(command.getClass(), type -> type.getSimpleName()
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT));
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
