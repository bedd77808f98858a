package se.utfall.rfi;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import se.utfall.testing.Db;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static se.utfall.rfi.Fixtures.TOMELILLA;
import static se.utfall.rfi.Fixtures.YSTAD;
import static se.utfall.rfi.Fixtures.answers;
import static se.utfall.rfi.Fixtures.knownChallenge;
import static se.utfall.rfi.Fixtures.nowSeconds;
import static se.utfall.rfi.Fixtures.rfi;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.tokens;

/**
 * Evaluated RFIs to start procurements from, over the API: a challenge of Tomelilla co-bought by Ystad, an RFI,
 * submitted responses of named organisations (the first a consortium whose member accepted), the decisions and the
 * completed evaluation.
 */
final class Procurements {
    private Procurements() {
    }

    /** A supplier organisation with a token that carries its name. */
    record Org(UUID id, String name, String token) {
        static Org named(String name) {
            UUID id = UUID.randomUUID();
            return new Org(id, name, tokens().person("innovator-" + id.toString().substring(0, 8), "Anna Svensson",
                    "innovator", id, name));
        }
    }

    /** An evaluated RFI: its id, and per organisation (in order) its response id. */
    record Evaluated(String rfiId, Map<UUID, String> responses) {
    }

    /**
     * Runs an RFI to its evaluation: {@code shortlisted} and {@code notShortlisted} respond, the first shortlisted
     * one with {@code member} in its consortium (accepted) when given.
     */
    static Evaluated evaluated(List<Org> shortlisted, List<Org> notShortlisted, Org member) {
        String challengeId = knownChallenge(TOMELILLA, YSTAD);
        Instant closes = nowSeconds().plusSeconds(8 + 2L * (shortlisted.size() + notShortlisted.size()));
        String buyer = buyer(TOMELILLA);
        ExtractableResponse<Response> rfi = as(buyer).body(rfi(challengeId, nowSeconds().minusSeconds(60), closes))
                .post("/api/v1/rfis").then().statusCode(201).extract();
        String rfiId = rfi.path("id");
        rfi = as(buyer).header("If-Match", "\"0\"").post("/api/v1/rfis/" + rfiId + "/publish").then()
                .statusCode(200).extract();
        Map<UUID, String> responses = new HashMap<>();
        List<Org> all = new ArrayList<>(shortlisted);
        all.addAll(notShortlisted);
        for (Org org : all) {
            Map<String, Object> body = new HashMap<>(answers(rfi));
            body.put("consortium", List.of());
            body.put("summary", org.name() + ": så skulle vi göra");
            String id = as(org.token()).body(body).post("/api/v1/rfis/" + rfiId + "/responses").then()
                    .statusCode(201).extract().path("id");
            if (member != null && org == shortlisted.get(0)) {
                as(org.token()).body(Map.of("organisationId", member.id(), "name", member.name(), "role",
                        "Lagar maten")).post("/api/v1/responses/" + id + "/consortium/invitations").then()
                        .statusCode(201);
                String invitation = as(member.token()).get("/api/v1/consortia/invitations/mine").then()
                        .statusCode(200).extract().path("items[0].id");
                as(member.token()).header("If-Match", "\"0\"").post("/api/v1/consortia/invitations/" + invitation
                        + "/accept").then().statusCode(200);
            }
            String etag = as(org.token()).get("/api/v1/responses/" + id).then().statusCode(200).extract()
                    .header("ETag");
            as(org.token()).header("If-Match", etag).post("/api/v1/responses/" + id + "/submit").then()
                    .statusCode(200);
            responses.put(org.id(), id);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.count(
                "SELECT count(*) FROM rfi WHERE id = ?::uuid AND status = 'CLOSED'", rfiId) == 1);
        for (Org org : all) {
            String id = responses.get(org.id());
            String etag = as(buyer).get("/api/v1/responses/" + id).then().statusCode(200).extract().header("ETag");
            as(buyer).header("If-Match", etag).body(Map.of("decision", shortlisted.contains(org) ? "SHORTLISTED"
                    : "NOT_SHORTLISTED", "feedback", "Tack för ert svar.")).put("/api/v1/responses/" + id
                    + "/decision").then().statusCode(200);
        }
        String etag = as(buyer).get("/api/v1/rfis/" + rfiId).then().extract().header("ETag");
        as(buyer).header("If-Match", etag).post("/api/v1/rfis/" + rfiId + "/evaluation/complete").then()
                .statusCode(200);
        return new Evaluated(rfiId, responses);
    }

    /** A phase: budget in SEK, most suppliers, a window of instants, two criteria, one deliverable. */
    static Map<String, Object> phase(String name, long budget, int max, Instant opens, Instant closes) {
        return Map.of("name", name, "description", name + " för dagliga måltider",
                "budget", Map.of("amount", budget, "currency", "SEK"), "maxSuppliers", max,
                "opensAt", opens.toString(), "closesAt", closes.toString(),
                "criteria", List.of(Map.of("name", "Kvalitet för de äldre", "weight", 60),
                        Map.of("name", "Leveranssäkerhet", "weight", 40)),
                "deliverables", List.of(name + ": rapport"));
    }

    /** Waits until {@code at} has passed on this machine's clock (the service's too). */
    static void after(Instant at) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().isAfter(at.plusMillis(300)));
    }
}
