package se.utfall.events;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One topic per aggregate family and audience; the suffix is the major version of the contract. Public topics
 * ({@code utfall.<family>.v1}) are for partners; internal ones ({@code utfall.internal.<family>.v1}) for Utfall's
 * services only. Which type goes where is the catalogue's decision ({@link EventSchemas#topicOf}).
 */
public final class Topics {
    public static final String CHALLENGES = "utfall.challenges.v1";
    public static final String CHALLENGES_INTERNAL = "utfall.internal.challenges.v1";
    public static final String RFIS = "utfall.rfis.v1";
    public static final String RESPONSES = "utfall.responses.v1";
    public static final String RESPONSES_INTERNAL = "utfall.internal.responses.v1";
    public static final String MATCHES = "utfall.matches.v1";
    public static final String MATCHES_INTERNAL = "utfall.internal.matches.v1";
    public static final String FINANCE = "utfall.finance.v1";
    public static final String FINANCE_INTERNAL = "utfall.internal.finance.v1";

    /** Records a consumer could not process end up here, with the reason in headers. */
    public static String deadLetterOf(String topic) {
        return topic + ".dlq";
    }

    /** Every topic the catalogue names, with its dead-letter topic: what an operator provisions. */
    public static SortedSet<String> provisioned() {
        SortedSet<String> topics = new TreeSet<>();
        EventSchemas.catalogue().values().forEach(e -> {
            topics.add(e.topic());
            topics.add(deadLetterOf(e.topic()));
        });
        return topics;
    }

    private Topics() {
    }
}
