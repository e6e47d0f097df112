package org.orderflow.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.orderflow.application.published.PublishedContract;
import org.orderflow.application.published.PublishedEvent;
import org.orderflow.domain.DomainEvent;
import org.orderflow.persistence.support.SampleEvents;

/**
 * Pins the published JSON of every event type with golden files in
 * {@code src/test/resources/published/<type>/v<N>.json} (fixed ids, from {@link SampleEvents}) —
 * the contract subscribers code against, kept apart from the stored form
 * ({@code contracts/}, {@code EventContractTest}): a change in how events are stored does not
 * change what is published, and a change of what is published is a new contract version.
 *
 * <p>Never edit a golden file to make this pass: add a new version of the published record in
 * {@code PublishedEvent}, its golden file, and its description in {@code docs/asyncapi.yaml}.
 */
class PublishedContractFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_event_is_published_exactly_as_its_golden_file() throws IOException {
        for (DomainEvent sample : SampleEvents.all()) {
            // when the sample is mapped to its published form and written as the outbox writes it
            PublishedEvent published = PublishedContract.of(sample);
            String written = JpaOutbox.json(published);
            // then it is the golden file of its type and contract version
            String golden = golden(published.type(), published.version());
            if (golden == null) {
                fail("No golden file published/%s/v%d.json; for a new type or version add it with:%n%s",
                        published.type(), published.version(), written);
            }
            assertThat(JSON.readTree(written))
                    .as("the published %s v%d changed shape: publish a new version instead", published.type(), published.version())
                    .isEqualTo(JSON.readTree(golden));
        }
    }

    @Test
    void every_published_version_is_described_in_the_asyncapi_document() throws IOException {
        String asyncApi = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../docs/asyncapi.yaml")),
                StandardCharsets.UTF_8);
        for (DomainEvent sample : SampleEvents.all()) {
            PublishedEvent published = PublishedContract.of(sample);
            assertThat(asyncApi).as("docs/asyncapi.yaml describes %s v%d", published.type(), published.version())
                    .contains("title: '" + published.type() + " (schemaVersion " + published.version() + ")'");
        }
    }

    private static String golden(String type, int version) {
        String path = "published/" + type + "/v" + version + ".json";
        try (InputStream in = PublishedContractFilesTest.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
