package se.utfall.events;

/** One topic per aggregate family; the suffix is the major version of the contract. */
public final class Topics {
    public static final String CHALLENGES = "utfall.challenges.v1";
    public static final String RFIS = "utfall.rfis.v1";
    public static final String RESPONSES = "utfall.responses.v1";
    public static final String MATCHES = "utfall.matches.v1";
    public static final String FINANCE = "utfall.finance.v1";

    /** Records a consumer could not process end up here, with the reason in headers. */
    public static String deadLetterOf(String topic) {
        return topic + ".dlq";
    }

    private Topics() {
    }
}
