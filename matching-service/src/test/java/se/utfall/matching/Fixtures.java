package se.utfall.matching;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.testing.CloudEventRecords;
import se.utfall.testing.Db;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static se.utfall.testing.Api.admin;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.innovator;

/** Organisations, profiles as innovators write them, and challenge and RFI events as their services publish them. */
public final class Fixtures {
    public static final UUID LJUSDAL = UUID.fromString("2161a000-0000-4000-8000-000000000001");
    public static final UUID HUDIKSVALL = UUID.fromString("2184a000-0000-4000-8000-000000000001");
    public static final UUID TOMELILLA = UUID.fromString("1270a000-0000-4000-8000-000000000002");

    private Fixtures() {
    }

    public static KafkaProducer<String, byte[]> producer() {
        return CloudEventRecords.producer();
    }

    /** A CloudEvent record in binary mode, as a service's outbox relay writes it. */
    public static ProducerRecord<String, byte[]> event(String topic, String eventId, String type, String data,
            String key, String subject) {
        return CloudEventRecords.record(topic, "/utfall/test", eventId, type, data, key, subject);
    }

    public static ProducerRecord<String, byte[]> challengeEvent(String eventId, String type, String data, String id) {
        return event(Topics.CHALLENGES, eventId, type, data, id, "challenges/" + id);
    }

    /** Ljusdal's Ramsjö meals need, at a version and status, with co-buyers. */
    public static String ramsjo(String id, String status, long version, UUID... coBuyers) {
        return challenge(id, LJUSDAL, "Ljusdals kommun", "Dagliga måltider för äldre i Ramsjö",
                "Äldre i byn Ramsjö behöver en varm måltid varje dag, lagad i ett kök nära byn och levererad hem.",
                "I dag körs kylda matlådor från Ljusdal en gång i veckan. Många äter för lite och är ensamma.",
                "Äldre med hemtjänst i Ramsjö", "Ramsjö", "2161", List.of("elderly-care", "food"), status, version,
                coBuyers);
    }

    public static String challenge(String id, UUID owner, String ownerName, String title, String summary,
            String problem, String target, String locality, String municipality, List<String> sectors, String status,
            long version, UUID... coBuyers) {
        String buyers = String.join(",", Arrays.stream(coBuyers).map(u -> "\"" + u + "\"").toList());
        String sectorList = String.join(",", sectors.stream().map(s -> "\"" + s + "\"").toList());
        return """
                {"id": "%s", "ownerOrgId": "%s", "ownerOrgName": "%s", "coBuyerOrgIds": [%s], "observerOrgIds": [],
                 "title": "%s", "summary": "%s", "problemStatement": "%s", "targetGroup": "%s", "locality": "%s",
                 "municipalityCode": "%s", "municipalityName": "Ljusdal", "sectors": [%s], "cpvCodes": [],
                 "sdgTargets": [], "outcomeGoals": [], "needInsights": [], "processTrail": [], "status": "%s",
                 "version": %d, "createdAt": "2026-03-01T08:00:00Z", "updatedAt": "2026-03-01T08:00:00Z",
                 "publishedAt": "2026-03-02T08:00:00Z"}""".formatted(id, owner, ownerName, buyers, title, summary,
                problem, target, locality, municipality, sectorList, status, version);
    }

    /** An RFI of a challenge as rfi-service publishes it. */
    public static String rfi(String id, String challengeId, UUID owner, String title, String description,
            String status, long version) {
        return """
                {"id": "%s", "challengeId": "%s", "ownerOrgId": "%s", "ownerOrgName": "Ljusdals kommun",
                 "title": "%s", "description": "%s", "municipalityCode": "2161", "status": "%s",
                 "opensAt": "2026-03-10T00:00:00+01:00", "closesAt": "2099-03-28T00:00:00+01:00",
                 "timeZone": "Europe/Stockholm", "questions": [], "criteria": [], "version": %d, "amendments": 0}"""
                .formatted(id, challengeId, owner, title, description, status, version);
    }

    /** Publishes a challenge event and waits until the need index has it at that version. */
    public static void publishAndAwait(ProducerRecord<String, byte[]> record, String needId, long version) {
        try (KafkaProducer<String, byte[]> p = producer()) {
            p.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ExtractableResponse<Response> r = anonymous().get("/api/v1/needs/" + needId).then().extract();
            return r.statusCode() == 200 && ((Number) r.path("version")).longValue() >= version;
        });
    }

    /** A profile body. */
    public static Map<String, Object> profile(String name, String type, String description, List<String> capabilities,
            List<String> sectors, List<String> regions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("description", description);
        body.put("capabilities", capabilities);
        body.put("sectors", sectors);
        body.put("regionsServed", regions);
        body.put("languages", List.of("sv"));
        body.put("contact", Map.of("name", "Anna Andersson", "email", "anna@example.se"));
        return body;
    }

    /** Creates the organisation's profile; returns its id. */
    public static String createProfile(UUID org, Map<String, Object> body) {
        return as(innovator(org)).body(body).put("/api/v1/profiles/mine").then().statusCode(201).extract().path("id");
    }

    /** Waits until this replica's ranking index holds at least {@code n} profiles. */
    public static void awaitIndexed(long n) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) as(admin()).get("/api/v1/admin/profile-index")
                .then().statusCode(200).extract().path("profiles")).longValue() >= n);
    }

    /** How many profiles exist now. */
    public static long profileCount() {
        return Db.count("SELECT count(*) FROM profile");
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    static ProducerRecord<String, byte[]> challengePublished(String id, String data) {
        return challengeEvent(newId(), EventTypes.CHALLENGE_PUBLISHED, data, id);
    }
}
