package org.orderflow.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.orderflow.it.support.Api.Reply;

/** Starts rebuild jobs through the operator API and follows them to their end. */
public final class Rebuilds {

    private Rebuilds() {
    }

    /** Starts a full rebuild of the projector: 202 with the job at its Location; returns the job's API path. */
    public static String start(Api api, String projector) {
        Reply started = api.post("/ops/projections/" + projector + "/rebuild");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.text("state")).isEqualTo("running");
        String location = started.header("Location");
        assertThat(location).contains("/ops/projections/" + projector + "/rebuilds/" + started.number("job_id"));
        return URI.create(location).getPath().substring("/orderflow/api".length());
    }

    /** Polls the job until it is no longer running; returns its last state. */
    public static Reply awaitEnd(Api api, String job, Duration within) {
        return Eventually.await(() -> api.get(job), reply -> !"running".equals(reply.text("state")), within,
                "rebuild " + job + " finished");
    }

    /** Starts a rebuild and waits until it is done. */
    public static Reply run(Api api, String projector) {
        Reply done = awaitEnd(api, start(api, projector), Duration.ofMinutes(2));
        assertThat(done.text("state")).as(done.toString()).isEqualTo("done");
        return done;
    }
}
