package se.utfall.rfi;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.testing.CloudEventRecords;
import se.utfall.testing.Db;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;

/** The organisations of the tests, challenge events as challenge-service publishes them, and RFI bodies. */
public final class Fixtures {
    public static final UUID TOMELILLA = UUID.fromString("1270a000-0000-4000-8000-000000000002");
    public static final UUID YSTAD = UUID.fromString("1286a000-0000-4000-8000-000000000006");
    public static final UUID LJUSDAL = UUID.fromString("2161a000-0000-4000-8000-000000000001");
    public static final UUID RAMSJO_SHOP = UUID.fromString("5e110000-0000-4000-8000-000000000003");

    private Fixtures() {
    }

    public static KafkaProducer<String, byte[]> producer() {
        return CloudEventRecords.producer();
    }

    /** A challenge event record as challenge-service's relay writes it. */
    public static ProducerRecord<String, byte[]> challengeEvent(String eventId, String type, String data,
            String challengeId) {
        return CloudEventRecords.record(Topics.CHALLENGES, "/utfall/challenge-service", eventId, type, data,
                challengeId, "challenges/" + challengeId);
    }

    /** The public state of a challenge of {@code owner} (Tomelilla's "Hela barnet"), at {@code version}. */
    public static String challenge(String id, UUID owner, List<UUID> coBuyers, String status, long version) {
        String buyers = coBuyers.stream().map(u -> "\"" + u + "\"").reduce((a, b) -> a + "," + b).orElse("");
        return """
                {"id": "%s", "ownerOrgId": "%s", "ownerOrgName": "Tomelilla kommun", "coBuyerOrgIds": [%s],
                 "observerOrgIds": [], "title": "Hela barnet", "municipalityCode": "1270",
                 "municipalityName": "Tomelilla", "sectors": ["social-care"], "cpvCodes": [], "sdgTargets": [],
                 "baseline": {"description": "Placeringar", "unitCost": {"amount": 1200000.00, "currency": "SEK"},
                   "unit": "placering", "period": "YEAR", "volumePerPeriod": 10,
                   "costPerPeriod": {"amount": 12000000.00, "currency": "SEK"}},
                 "outcomeGoals": [], "needInsights": [], "processTrail": [], "status": "%s", "version": %d,
                 "createdAt": "2022-03-01T08:00:00Z", "updatedAt": "2022-03-01T08:00:00Z",
                 "publishedAt": "2022-03-02T08:00:00Z"}""".formatted(id, owner, buyers, status, version);
    }

    /** Publishes a challenge of {@code owner} on the topic and waits until rfi-service knows it. */
    public static String knownChallenge(UUID owner, UUID... coBuyers) {
        String id = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> p = producer()) {
            p.send(challengeEvent(UUID.randomUUID().toString(), EventTypes.CHALLENGE_PUBLISHED,
                    challenge(id, owner, List.of(coBuyers), "PUBLISHED", 1), id));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count("SELECT count(*) FROM known_challenge WHERE id = ?::uuid", id) == 1);
        return id;
    }

    /** An RFI body with a window given as instants. */
    public static Map<String, Object> rfi(String challengeId, Instant opensAt, Instant closesAt) {
        return Map.of("challengeId", challengeId,
                "title", "Hela barnet: hur når vi barn och unga i tid?",
                "description", "Vi vill höra hur idéburna organisationer, företag och forskare skulle arbeta.",
                "questions", List.of(
                        Map.of("text", "Beskriv er idé", "type", "TEXT", "maxLength", 4000),
                        Map.of("text", "Vilken roll vill ni ha?", "type", "SINGLE_CHOICE",
                                "options", List.of("Utförare", "Partner", "Finansiär"))),
                "criteria", List.of(Map.of("name", "Effekt för barnen", "weight", 60),
                        Map.of("name", "Kostnad jämfört med idag", "weight", 40)),
                "opensAt", opensAt.toString(), "closesAt", closesAt.toString());
    }

    /** A published RFI of Tomelilla with the given window, as its publication answered. */
    public static ExtractableResponse<Response> publishedRfi(Instant opens, Instant closes) {
        String challengeId = knownChallenge(TOMELILLA);
        String id = as(buyer(TOMELILLA)).body(rfi(challengeId, opens, closes)).post("/api/v1/rfis").then()
                .statusCode(201).extract().path("id");
        return as(buyer(TOMELILLA)).header("If-Match", "\"0\"").post("/api/v1/rfis/" + id + "/publish").then()
                .statusCode(200).extract();
    }

    /** A complete response of the Ramsjö shop and the campsite kitchen, with a confidential answer. */
    public static Map<String, Object> answers(ExtractableResponse<Response> rfi) {
        String text = rfi.path("questions[0].id");
        String choice = rfi.path("questions[1].id");
        return Map.of("summary", "Byns butik och campingens kök lagar och kör ut",
                "answers", List.of(Map.of("questionId", text, "text", "Vi lagar i campingens kök och kör ut."),
                        Map.of("questionId", choice, "choices", List.of("Utförare"), "confidential", true)),
                "consortium", List.of(Map.of("name", "Ramsjö Camping (kök)", "role", "Lagar maten")),
                "estimatedAnnualCost", Map.of("amount", 9_500_000, "currency", "SEK"));
    }

    /** Now, to the second (windows in tests are a few seconds long). */
    public static Instant nowSeconds() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
