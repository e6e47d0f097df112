package org.orderflow.persistence.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderflow.application.command.CommandResult;
import org.orderflow.application.command.IdempotencyKeys;
import org.orderflow.persistence.support.TestDatabase;

class JpaIdempotencyKeysTest {

    private static final Instant DAY_ONE = Instant.parse("2026-11-01T00:00:00Z");
    private static TestDatabase db;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static JpaIdempotencyKeys keys(jakarta.persistence.EntityManager em, Instant now) {
        return new JpaIdempotencyKeys(em, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Optional<IdempotencyKeys.Remembered> find(String tenant, String key) {
        return db.inTransaction(em -> keys(em, DAY_ONE).find(tenant, key));
    }

    private final CommandResult result = new CommandResult("stream-1", 3, 42, "line-1", false);

    @Test
    void a_remembered_key_returns_its_fingerprint_and_result() {
        db.run(em -> keys(em, DAY_ONE).remember("t", "k1", "fp", result));

        Optional<IdempotencyKeys.Remembered> found = db.inTransaction(em -> keys(em, DAY_ONE).find("t", "k1"));

        assertThat(found).contains(new IdempotencyKeys.Remembered("fp", result));
        assertThat(find("other-tenant", "k1")).isEmpty();
    }

    @Test
    void the_same_key_twice_is_a_typed_race_not_a_generic_error() {
        db.run(em -> keys(em, DAY_ONE).remember("t", "k2", "fp", result));

        assertThatThrownBy(() -> db.run(em -> keys(em, DAY_ONE).remember("t", "k2", "fp", result)))
                .isInstanceOf(IdempotencyKeys.KeyAlreadyUsed.class);
    }

    @Test
    void keys_older_than_the_cutoff_are_forgotten() {
        db.run(em -> keys(em, DAY_ONE).remember("retention", "old", "fp", result));
        db.run(em -> keys(em, DAY_ONE.plusSeconds(7200)).remember("retention", "new", "fp", result));

        int forgotten = db.inTransaction(em -> keys(em, DAY_ONE).forgetOlderThan(DAY_ONE.plusSeconds(3600)));

        assertThat(forgotten).isGreaterThanOrEqualTo(1);
        assertThat(find("retention", "old")).isEmpty();
        assertThat(find("retention", "new")).isPresent();
    }
}
