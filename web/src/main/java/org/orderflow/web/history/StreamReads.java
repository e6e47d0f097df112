package org.orderflow.web.history;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.orderflow.application.command.AggregateNotFound;
import org.orderflow.application.query.AggregateQueries;
import org.orderflow.application.query.VersionedView;

/** GET by id (now, at_version or as_of) and GET history, the same for every aggregate type. */
public final class StreamReads {

    /** The OpenAPI description of a GET by id that refuses its time-travel parameters. */
    public static final String POINT_IN_TIME_REFUSED = "at_version and as_of together, at_version below 1, as_of not an "
            + "ISO-8601 instant, X-Min-Position not a number, or another invalid parameter or header";

    private StreamReads() {
    }

    /**
     * The current state ({@code current}: the read model) with its version as ETag, or a past
     * state rebuilt from events (no ETag: it is not current).
     */
    public static <V extends VersionedView> Response get(AggregateQueries<?, V> queries, Supplier<Optional<V>> current,
                                                         String tenant, String type, String rawId, UUID id,
                                                         Long atVersion, String asOf, Function<V, ?> body) {
        V view = PointInTime.resolve(atVersion, asOf, current,
                        version -> queries.findAtVersion(tenant, id, version),
                        instant -> queries.findAsOf(tenant, id, instant))
                .orElseThrow(() -> new AggregateNotFound(type, rawId));
        Response.ResponseBuilder response = Response.ok(body.apply(view));
        if (atVersion == null && asOf == null) {
            response.tag(new EntityTag(Long.toString(view.version())));
        }
        return response.build();
    }

    /** A page of the stream's events; 404 if the stream does not exist. */
    public static HistoryPage history(AggregateQueries<?, ?> queries, String tenant, String type, String rawId, UUID id,
                                      long afterVersion, int limit) {
        var events = queries.history(tenant, id, afterVersion, limit);
        if (events.isEmpty() && queries.find(tenant, id).isEmpty()) {
            throw new AggregateNotFound(type, rawId);
        }
        return HistoryPage.of(rawId, events, limit);
    }
}
