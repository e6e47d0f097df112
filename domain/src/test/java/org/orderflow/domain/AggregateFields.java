package org.orderflow.domain;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every instance field of an aggregate, read reflectively: for snapshot tests, so that a field a
 * snapshot forgets to carry (or a restore forgets to set) shows up even when the snapshot form
 * itself round-trips.
 */
public final class AggregateFields {

    private AggregateFields() {
    }

    public static Map<String, Object> of(Object aggregate) {
        Map<String, Object> fields = new TreeMap<>();
        for (Field field : aggregate.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            try {
                field.setAccessible(true);
                Object value = field.get(aggregate);
                if (value instanceof Map<?, ?> map) {
                    value = new ArrayList<>(map.entrySet()); // entry order counts (lines keep theirs)
                } else if (value instanceof Collection<?> collection) {
                    value = new ArrayList<>(collection);
                }
                fields.put(field.getName(), value);
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        if (fields.isEmpty()) {
            throw new AssertionError(aggregate.getClass() + " has no fields to compare");
        }
        return fields;
    }
}
