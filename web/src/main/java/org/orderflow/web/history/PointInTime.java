package org.orderflow.web.history;

import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The {@code at_version} / {@code as_of} query parameters of GET by id: at most one of them;
 * none means "now".
 */
public final class PointInTime {

    private PointInTime() {
    }

    public static <T> Optional<T> resolve(Long atVersion, String asOf, Supplier<Optional<T>> now,
                                          LongFunction<Optional<T>> byVersion, Function<Instant, Optional<T>> byInstant) {
        if (atVersion != null && asOf != null) {
            throw new BadRequestException("Use at_version or as_of, not both");
        }
        if (atVersion != null) {
            if (atVersion < 1) {
                throw new BadRequestException("at_version must be >= 1");
            }
            return byVersion.apply(atVersion);
        }
        if (asOf != null) {
            try {
                return byInstant.apply(Instant.parse(asOf));
            } catch (DateTimeParseException e) {
                throw new BadRequestException("as_of must be an ISO-8601 instant such as 2026-11-23T10:15:30Z");
            }
        }
        return now.get();
    }
}
