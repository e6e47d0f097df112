package org.orderflow.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.UUID;

/**
 * Builds a sample instance of any event record from plain placeholder values, so that tests can
 * cover every permitted subclass of a sealed event family without listing them by hand: a newly
 * added event type is picked up automatically.
 */
public final class SampleRecords {

    private static final UUID SAMPLE_UUID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    private SampleRecords() {
    }

    public static <R> R sampleOf(Class<R> type) {
        assertTrue(type.isRecord(), () -> type.getName() + " should be a record");
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(parameterTypes).map(SampleRecords::sampleValue).toArray();
        try {
            Constructor<R> canonical = type.getDeclaredConstructor(parameterTypes);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            return fail("the canonical constructor of " + type.getName() + " refused sample values", e.getCause());
        } catch (ReflectiveOperationException e) {
            return fail("cannot build a sample " + type.getName(), e);
        }
    }

    private static Object sampleValue(Class<?> type) {
        if (type == UUID.class) {
            return SAMPLE_UUID;
        }
        if (type == String.class) {
            return "sample";
        }
        if (type == int.class) {
            return 1;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type.isRecord()) {
            return sampleOf(type);
        }
        return fail("no sample value for a component of type " + type.getName() + "; teach SampleRecords one");
    }
}
