package se.utfall.events;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kubernetes topic job provisions exactly the catalogue's topics, so production never lacks one. */
class TopicProvisioningTest {
    @Test
    void theKubernetesJobListsEveryCatalogueTopicAndItsDeadLetterTopic() throws Exception {
        String job = Files.readString(Path.of("../../deploy/k8s/base/kafka-topics.yaml"));
        String list = job.substring(job.indexOf("value: >-") + "value: >-".length(), job.indexOf("command:"));
        TreeSet<String> listed = new TreeSet<>(Arrays.stream(list.trim().split("\\s+")).toList());
        assertThat(listed).isEqualTo(Topics.provisioned());
        assertThat(Topics.provisioned()).contains("utfall.challenges.v1", "utfall.internal.challenges.v1",
                "utfall.challenges.v1.dlq");
    }
}
