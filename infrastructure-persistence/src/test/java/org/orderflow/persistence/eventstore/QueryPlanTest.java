package org.orderflow.persistence.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderflow.persistence.support.TestDatabase;

/**
 * The hot queries use the index they were written for, on a log of realistic size (100k events):
 * a plan that falls back to a sequential scan and a sort makes every page cost the whole table.
 */
class QueryPlanTest {

    private static TestDatabase db;

    @BeforeAll
    static void aLogOfHundredThousandEvents() throws Exception {
        db = TestDatabase.create();
        try (Connection connection = db.connection(); Statement s = connection.createStatement()) {
            s.execute("""
                    INSERT INTO events (position, event_id, tenant_id, stream_id, stream_type, stream_version, event_type,
                                        schema_version, payload, metadata, recorded_at)
                    SELECT n, gen_random_uuid(), 'default', 's-' || (n / 10), 'Order', n % 10 + 1, 'OrderConfirmed', 1,
                           jsonb_build_object('orderId', gen_random_uuid(), 'totalCents', n),
                           jsonb_build_object('correlationId', 'req-' || (n / 3)), now()
                      FROM generate_series(1, 100000) AS n""");
            s.execute("ANALYZE events");
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void a_page_of_the_global_log_walks_the_global_order_index_without_sorting() throws Exception {
        // given the read as the store runs it, from the start and from the middle of the log
        for (String checkpoint : new String[] {"0, 0", "(SELECT transaction_id::text::bigint FROM events WHERE position = 50000), 50000"}) {
            String sql = JpaEventStore.READ_ALL
                    .replace("CAST(CAST(? AS text) AS xid8), ?", "CAST(CAST((" + checkpoint.split(", ")[0] + ") AS text) AS xid8), "
                            + checkpoint.substring(checkpoint.lastIndexOf(", ") + 2))
                    .replace("LIMIT ?", "LIMIT 1000");
            // when PostgreSQL plans it
            String plan = explain(sql);
            // then it reads the index in order and stops after the page
            assertThat(plan).as(plan).contains("events_global_order_idx").doesNotContain("\"Node Type\": \"Sort\"")
                    .doesNotContain("Seq Scan");
        }
    }

    @Test
    void following_a_correlation_id_walks_the_correlation_index() throws Exception {
        // given the correlation read as the store runs it, for one tenant and for all
        for (String tenant : new String[] {"'default'", "NULL"}) {
            String sql = JpaEventStore.CORRELATED.replaceFirst("\\?", "'req-42'").replaceFirst("\\?", "0")
                    .replaceFirst("\\?", tenant).replaceFirst("\\?", tenant).replaceFirst("\\?", "100");
            // when PostgreSQL plans it
            String plan = explain(sql);
            // then it looks the id up in the index instead of reading the log
            assertThat(plan).as(plan).contains("events_correlation_idx").doesNotContain("Seq Scan");
        }
    }

    private static String explain(String sql) throws Exception {
        try (Connection connection = db.connection(); Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN (FORMAT JSON) " + sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
