package org.orderflow.messaging.guard;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Gives a consumer's subscription a rest while its receiver is unavailable — the redelivery delay
 * the embedded messaging engine does not have. After a {@code ReceiverUnavailable} (or an open
 * circuit breaker) the message's transaction rolls back as usual, and the listener's message
 * endpoint is paused through the server's endpoint control (the same as {@code server pause
 * --target=<app>/<Listener>}), then resumed after the pause, which doubles with each failure in
 * a row. While it is paused, nothing is taken off its subscription: the failing message and the
 * ones behind it wait on the broker instead of spending their deliveries (and landing in the
 * dead-letter queue) in milliseconds.
 *
 * <p>The pause is done by a timer, not by the failing delivery itself: pausing waits for the
 * endpoint's running delivery to end, and that is the failing one. The failing delivery waits
 * (briefly) until the timer has begun to pause the endpoint, so that the broker does not hand the
 * message back before the pause takes hold. Nothing here joins the delivery's transaction: it
 * rolls back, and a timer created in it would be rolled back with it.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConsumerPauses {

    private static final Logger LOG = Logger.getLogger(ConsumerPauses.class.getName());
    private static final String ENDPOINT_CONTROL = "WebSphere:feature=kernel,name=ServerEndpointControl";

    /** One subscription's rest: how many failures in a row led to it, and until when. */
    private record Rest(int failuresInARow, Instant until) {
    }

    private record Step(String listener, boolean pause, long millis) implements Serializable {
    }

    @Resource
    TimerService timers;

    @Resource(lookup = "java:app/AppName")
    String appName;

    @Inject
    ConsumerPauseSettings settings;

    /** How long a failing delivery waits for the timer to begin pausing its endpoint. */
    private static final long HAND_OVER_MILLIS = 2_000;

    private final Map<String, Rest> rests = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> pausing = new ConcurrentHashMap<>();

    /** The listener's receiver is unavailable: rest its subscription (unless it already rests). */
    public void receiverUnavailable(String listener) {
        Instant now = Instant.now();
        Rest rest = rests.compute(listener, (name, previous) -> {
            if (previous != null && previous.until().isAfter(now)) {
                return previous; // already resting
            }
            int failuresInARow = previous == null ? 1 : previous.failuresInARow() + 1;
            return new Rest(failuresInARow, now.plus(settings.after(failuresInARow)));
        });
        if (rest.until().isAfter(now) && !scheduled(listener)) {
            long millis = Math.max(1, Duration.between(now, rest.until()).toMillis());
            CountDownLatch begun = new CountDownLatch(1);
            pausing.put(listener, begun);
            timers.createSingleActionTimer(0, new TimerConfig(new Step(listener, true, millis), false));
            try {
                begun.await(HAND_OVER_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A delivery got through: the next unavailability starts from the first pause again. */
    public void delivered(String listener) {
        if (!rests.isEmpty()) {
            rests.computeIfPresent(listener, (name, rest) -> rest.until().isAfter(Instant.now()) ? rest : null);
        }
    }

    private boolean scheduled(String listener) {
        return timers.getTimers().stream().anyMatch(t -> t.getInfo() instanceof Step s && s.listener().equals(listener));
    }

    @Timeout
    void step(Timer timer) {
        Step step = (Step) timer.getInfo();
        String endpoint = endpointOf(step.listener());
        if (step.pause()) {
            CountDownLatch begun = pausing.remove(step.listener());
            if (begun != null) {
                begun.countDown();
            }
            if (control("pause", endpoint)) {
                LOG.warning(() -> step.listener() + ": receiver unavailable, subscription paused for " + step.millis() + " ms");
            }
            timers.createSingleActionTimer(step.millis(), new TimerConfig(new Step(step.listener(), false, 0), false));
        } else if (control("resume", endpoint)) {
            LOG.info(() -> step.listener() + ": subscription resumed");
        }
    }

    /**
     * The listener's name among the server's pausable endpoints: the message-driven bean's
     * {@code <application>#<module>#<bean>} name, looked up rather than assumed.
     */
    private String endpointOf(String listener) {
        try {
            Object names = server().invoke(new ObjectName(ENDPOINT_CONTROL), "listEndpoints", new Object[0], new String[0]);
            if (names instanceof Iterable<?> all) {
                for (Object name : all) {
                    String endpoint = String.valueOf(name).trim().split("\\s+")[0];
                    if (endpoint.startsWith(appName + "#") && endpoint.endsWith("#" + listener)) {
                        return endpoint;
                    }
                }
                LOG.fine(() -> "No pausable endpoint for " + listener + " among " + names);
            }
        } catch (JMException | RuntimeException e) {
            LOG.fine(() -> "Could not list the pausable endpoints: " + e);
        }
        return appName + "#" + appName + ".war#" + listener;
    }

    private static boolean control(String operation, String endpoint) {
        try {
            server().invoke(new ObjectName(ENDPOINT_CONTROL), operation, new Object[] {endpoint},
                    new String[] {String.class.getName()});
            return true;
        } catch (JMException | RuntimeException e) {
            LOG.warning(() -> "Could not " + operation + " endpoint " + endpoint + " (" + e + "); redelivery is not delayed");
            return false;
        }
    }

    private static MBeanServer server() {
        return ManagementFactory.getPlatformMBeanServer();
    }
}
