package org.orderflow.messaging.deadletter;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dead-letter queue as far as {@link JmsDeadLetters#purge} and a replay of a missing message
 * reach it: a connection factory whose consumers record their selector and receive a message only
 * when the selector names one still queued. It understands the one selector form
 * {@code JMSMessageID = '<id>'} and refuses anything else, as a guard against a test passing
 * because the fake was lenient. Every other JMS call fails loudly. Dynamic proxies keep it short:
 * {@code JMSContext} alone has some fifty methods.
 */
final class FakeDeadLetterQueue {

    private static final Pattern ONE_MESSAGE_ID = Pattern.compile("JMSMessageID = '([^']*)'");

    private final Set<String> queued;

    /** Every selector a consumer was created with, in order. */
    final List<String> selectors = new ArrayList<>();

    /** How often a JMS context (a broker connection) was opened. */
    int contextsOpened;

    FakeDeadLetterQueue(String... queuedMessageIds) {
        this.queued = new LinkedHashSet<>(List.of(queuedMessageIds));
    }

    /** The adapter as the container would inject it, connected to this queue. */
    JmsDeadLetters deadLetters() {
        JmsDeadLetters deadLetters = new JmsDeadLetters();
        deadLetters.connectionFactory = fake(ConnectionFactory.class, (method, args) -> {
            if (method.equals("createContext") && args == null) {
                contextsOpened++;
                return context();
            }
            throw notFaked(ConnectionFactory.class, method);
        });
        return deadLetters;
    }

    boolean holds(String messageId) {
        return queued.contains(messageId);
    }

    private JMSContext context() {
        return fake(JMSContext.class, (method, args) -> {
            if (method.equals("createConsumer") && args.length == 2) {
                String selector = (String) args[1];
                selectors.add(selector);
                return consumer(selector);
            }
            if (method.equals("close")) {
                return null;
            }
            throw notFaked(JMSContext.class, method);
        });
    }

    private JMSConsumer consumer(String selector) {
        Matcher named = ONE_MESSAGE_ID.matcher(selector);
        if (!named.matches()) {
            throw new IllegalStateException("The fake queue only understands JMSMessageID = '<id>', not: " + selector);
        }
        String messageId = named.group(1);
        return fake(JMSConsumer.class, (method, args) -> {
            if (method.equals("receive") && args != null && args.length == 1) {
                return queued.remove(messageId) ? deadMessage(messageId) : null;
            }
            if (method.equals("close")) {
                return null;
            }
            throw notFaked(JMSConsumer.class, method);
        });
    }

    /** Purge only takes the message; anything it asked of it would be a surprise. */
    private static Message deadMessage(String messageId) {
        return fake(Message.class, (method, args) -> {
            throw new UnsupportedOperationException("purge read dead message " + messageId + ": " + method);
        });
    }

    private interface Answers {
        Object answer(String method, Object[] args);
    }

    private static <T> T fake(Class<T> type, Answers answers) {
        return type.cast(Proxy.newProxyInstance(FakeDeadLetterQueue.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getName().equals("toString")
                        ? "fake " + type.getSimpleName()
                        : answers.answer(method.getName(), args)));
    }

    private static UnsupportedOperationException notFaked(Class<?> type, String method) {
        return new UnsupportedOperationException("FakeDeadLetterQueue does not answer " + type.getSimpleName() + "."
                + method);
    }
}
