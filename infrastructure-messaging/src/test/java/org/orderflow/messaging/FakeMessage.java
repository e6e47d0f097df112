package org.orderflow.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JMS message that remembers what was set on it and answers only the few calls
 * {@link EventMessages} makes; any other call fails loudly rather than answer something made up.
 * A dynamic proxy keeps it short: {@code Message} has some fifty methods.
 */
final class FakeMessage {

    /** The text of a text message; may throw like a broker's message whose body cannot be read. */
    interface Text {
        String get() throws JMSException;
    }

    /** Application properties by name, with the boxed type of the setter that set them. */
    final Map<String, Object> properties = new LinkedHashMap<>();

    /** {@code JMSType} and {@code JMSCorrelationID}, present only when set. */
    final Map<String, String> headers = new LinkedHashMap<>();

    private final String messageId;
    private final Text text;

    private FakeMessage(String messageId, Text text) {
        this.messageId = messageId;
        this.text = text;
    }

    /** A text message without a body yet, as a producer creates it before setting properties. */
    static FakeMessage blank() {
        return new FakeMessage("ID:blank", () -> null);
    }

    static FakeMessage withText(String body) {
        return new FakeMessage("ID:text", () -> body);
    }

    static FakeMessage withUnreadableText(JMSException failure) {
        return new FakeMessage("ID:unreadable", () -> {
            throw failure;
        });
    }

    /** A message that is not a {@link TextMessage} (a bytes or map message, say). */
    static FakeMessage notText(String messageId) {
        return new FakeMessage(messageId, null);
    }

    Message jms() {
        Class<?> type = text == null ? Message.class : TextMessage.class;
        return (Message) Proxy.newProxyInstance(FakeMessage.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer(method, args));
    }

    private Object answer(Method method, Object[] args) throws JMSException {
        String name = method.getName();
        if (name.startsWith("set") && name.endsWith("Property")) {
            properties.put((String) args[0], args[1]);
            return null;
        }
        switch (name) {
            case "setJMSType":
                headers.put("JMSType", (String) args[0]);
                return null;
            case "setJMSCorrelationID":
                headers.put("JMSCorrelationID", (String) args[0]);
                return null;
            case "getJMSMessageID":
                return messageId;
            case "getText":
                return text.get();
            case "toString":
                return "FakeMessage " + messageId;
            default:
                throw new UnsupportedOperationException("FakeMessage does not answer " + method);
        }
    }
}
