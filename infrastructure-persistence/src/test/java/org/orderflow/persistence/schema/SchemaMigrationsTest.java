package org.orderflow.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

    @Test
    void every_script_in_the_migration_folder_is_listed_in_version_order() throws IOException, URISyntaxException {
        Path folder = Path.of(SchemaMigrations.class.getClassLoader().getResource(SchemaMigrations.LOCATION).toURI());
        List<String> onDisk;
        try (Stream<Path> files = Files.list(folder)) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted(
                    (a, b) -> Integer.compare(version(a), version(b))).toList();
        }

        assertThat(SchemaMigrations.SCRIPTS).containsExactlyElementsOf(onDisk);
    }

    private static int version(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }
}
