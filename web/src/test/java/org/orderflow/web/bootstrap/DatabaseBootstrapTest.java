package org.orderflow.web.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseBootstrapTest {

    @Test
    void reads_the_database_name_from_a_postgresql_url() {
        assertThat(DatabaseBootstrap.databaseName("jdbc:postgresql://127.0.0.1:5432/orderflow")).isEqualTo("orderflow");
        assertThat(DatabaseBootstrap.databaseName("jdbc:postgresql://db/orders_eu?ssl=true&x=/y")).isEqualTo("orders_eu");
    }

    @Test
    void refuses_a_url_without_a_database_name() {
        assertThatThrownBy(() -> DatabaseBootstrap.databaseName("jdbc:postgresql://127.0.0.1:5432"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabaseBootstrap.databaseName("jdbc:mysql://h/db"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recognises_a_missing_database_by_sql_state_even_when_wrapped() {
        SQLException missing = new SQLException("FATAL: database \"x\" does not exist", "3D000");

        assertThat(DatabaseBootstrap.isMissingDatabase(new RuntimeException(missing))).isTrue();
        assertThat(DatabaseBootstrap.isMissingDatabase(new SQLException("connection refused", "08001"))).isFalse();
    }
}
