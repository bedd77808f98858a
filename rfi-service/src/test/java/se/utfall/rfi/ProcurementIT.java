package se.utfall.rfi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.rfi.Procurements.Evaluated;
import se.utfall.rfi.Procurements.Org;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static se.utfall.rfi.OcdsSchemas.RECORD_PACKAGE;
import static se.utfall.rfi.OcdsSchemas.RELEASE_PACKAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static se.utfall.rfi.Fixtures.LJUSDAL;
import static se.utfall.rfi.Fixtures.TOMELILLA;
import static se.utfall.rfi.Fixtures.YSTAD;
import static se.utfall.rfi.Fixtures.nowSeconds;
import static se.utfall.rfi.Procurements.after;
import static se.utfall.rfi.Procurements.evaluated;
import static se.utfall.rfi.Procurements.phase;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.innovator;

/**
 * A procurement after an evaluated RFI, the IMAILE way: eight shortlisted suppliers in phase 1, four in phase 2,
 * two in phase 3, an award to one; a consortium goes through as one supplier; the buyer and a co-buyer score;
 * the gates keep no more than the next phase takes; phase contracts stay within the budget; every step is an
 * event and a valid OCDS release.
 */
@QuarkusTest
class ProcurementIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> scores(JsonNode phase, int first, int second) {
        return Map.of("scores", List.of(
                Map.of("criterionId", phase.path("criteria").path(0).path("id").asText(), "score", first),
                Map.of("criterionId", phase.path("criteria").path(1).path("id").asText(), "score", second)));
    }

    /** Twenty criteria of weight 5, each with a description of 2 000 characters. */
    private static List<Map<String, Object>> criteria(int n) {
        return IntStream.range(0, n).mapToObj(i -> Map.<String, Object>of("name", "Kriterium " + i,
                "description", "k".repeat(2000), "weight", 100 / n)).toList();
    }

    /** A phase at its limits: 20 criteria, 20 deliverables of 2 000 characters, a description of 20 000. */
    private static Map<String, Object> atLimit(Map<String, Object> phase) {
        Map<String, Object> big = new HashMap<>(phase);
        big.put("criteria", criteria(20));
        big.put("deliverables", IntStream.range(0, 20).mapToObj(i -> "d".repeat(2000)).toList());
        big.put("description", "b".repeat(20000));
        return big;
    }

    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }

    /** The participations of one phase, as the buyer sees them, by organisation id. */
    private static Map<String, JsonNode> inPhase(String procurementId, int phase) throws Exception {
        JsonNode all = json(as(buyer(TOMELILLA)).get("/api/v1/procurements/" + procurementId + "/participations")
                .then().statusCode(200).extract().asString());
        Map<String, JsonNode> byOrg = new LinkedHashMap<>();
        all.forEach(x -> {
            if (x.path("phase").asInt() == phase) {
                byOrg.put(x.path("organisationId").asText(), x);
            }
        });
        return byOrg;
    }

    private static String etag(String procurementId) {
        return anonymous().get("/api/v1/procurements/" + procurementId).then().statusCode(200).extract()
                .header("ETag");
    }

    @Test
    void eightSuppliersGoThroughThreePhasesToOneAwardAndEveryStepIsAnEventAndAValidRelease() throws Exception {
        List<Org> suppliers = new ArrayList<>();
        for (String name : List.of("Ramsjö Livs", "Matlådan AB", "Hälsinge Mat", "Byakök Ek. för.", "Norrlandskost",
                "Kök på hjul", "Gårdsmat i Ljusdal", "Varm mat AB")) {
            suppliers.add(Org.named(name));
        }
        Org camping = Org.named("Ramsjö Camping");
        Org late = Org.named("Sen Leverantör AB");
        Org shop = suppliers.get(0);
        Evaluated rfi = evaluated(suppliers, List.of(late), camping);

        try (EventTopic publicTopic = EventTopic.from(Topics.RFIS);
                EventTopic internal = EventTopic.from(Topics.RESPONSES_INTERNAL)) {
            Instant t0 = nowSeconds().plusSeconds(1);
            Instant c1 = t0.plusSeconds(20);
            Instant c2 = c1.plusSeconds(20);
            Instant c3 = c2.plusSeconds(15);
            Map<String, Object> body = Map.of("rfiId", rfi.rfiId(), "title", "Dagliga måltider i Ramsjö: PCP",
                    "phases", List.of(phase("Lösningsdesign", 800_000, 8, t0, c1), phase("Prototyp", 400_000, 4, c1,
                            c2), phase("Fälttest", 600_000, 2, c2, c3)));
            // Only the buying organisation begins it: another buyer sees no RFI, a co-buyer neither (it is not
            // its RFI), an innovator's token may not.
            as(buyer(LJUSDAL)).body(body).post("/api/v1/procurements").then().statusCode(404);
            as(buyer(YSTAD)).body(body).post("/api/v1/procurements").then().statusCode(404);
            as(innovator(shop.id())).body(body).post("/api/v1/procurements").then().statusCode(403);
            JsonNode created = json(as(buyer(TOMELILLA)).body(body).post("/api/v1/procurements").then()
                    .statusCode(201).header("ETag", "\"0\"").body("currentPhase", equalTo(1))
                    .body("phases[0].invited", equalTo(8)).extract().asString());
            String id = created.path("id").asText();
            as(buyer(TOMELILLA)).body(body).post("/api/v1/procurements").then().statusCode(409)
                    .body("type", endsWith("procurement-exists"));
            assertThat(created.path("ocid").asText()).isEqualTo("ocds-utfall-" + id);
            anonymous().get("/api/v1/procurements?rfiId=" + rfi.rfiId()).then().statusCode(200)
                    .body("id", equalTo(List.of(id))).body("[0].phases[1].decisionReasons", nullValue());

            // Phase 1: the eight shortlisted are invited, the one not shortlisted is not.
            Map<String, JsonNode> phase1 = inPhase(id, 1);
            assertThat(phase1).hasSize(8).doesNotContainKey(late.id().toString());
            String shopIn1 = phase1.get(shop.id().toString()).path("id").asText();
            String otherIn1 = phase1.get(suppliers.get(1).id().toString()).path("id").asText();
            // The consortium member reads its invitation but the lead answers; others: 404; once only.
            as(camping.token()).get("/api/v1/participations/" + shopIn1).then().statusCode(200)
                    .body("consortium.organisationId", hasItem(camping.id().toString()));
            as(camping.token()).post("/api/v1/participations/" + shopIn1 + "/accept").then().statusCode(403);
            as(late.token()).post("/api/v1/participations/" + shopIn1 + "/accept").then().statusCode(404);
            as(suppliers.get(1).token()).get("/api/v1/participations/" + shopIn1).then().statusCode(404);
            after(t0);
            for (Org s : suppliers) {
                String p = phase1.get(s.id().toString()).path("id").asText();
                as(s.token()).post("/api/v1/participations/" + p + "/accept").then().statusCode(200)
                        .body("status", equalTo("ACCEPTED"));
                as(s.token()).body(Map.of("text", "Vår lösningsdesign från " + s.name() + " (konfidentiell)"))
                        .put("/api/v1/participations/" + p + "/deliverable").then().statusCode(200);
            }
            as(shop.token()).post("/api/v1/participations/" + shopIn1 + "/accept").then().statusCode(409)
                    .body("type", endsWith("invitation-answered"));
            as(camping.token()).body(Map.of("text", "x")).put("/api/v1/participations/" + shopIn1 + "/deliverable")
                    .then().statusCode(403);
            // A supplier sees only itself: no other deliverable, no scores.
            as(shop.token()).get("/api/v1/procurements/" + id + "/participations").then().statusCode(200)
                    .body("size()", equalTo(1)).body("[0].scores", nullValue());
            as(innovator(UUID.randomUUID())).get("/api/v1/procurements/" + id + "/participations").then()
                    .statusCode(200).body("size()", equalTo(0));
            // Nothing is scored while the phase is open.
            JsonNode p1 = created.path("phases").path(0);
            as(buyer(TOMELILLA)).body(scores(p1, 5, 5)).put("/api/v1/participations/" + shopIn1 + "/scores").then()
                    .statusCode(409);

            after(c1);
            as(shop.token()).body(Map.of("text", "för sent")).put("/api/v1/participations/" + shopIn1
                    + "/deliverable").then().statusCode(409).body("type",
                    endsWith("phase-closed"));
            // The buyer and the co-buyer score; a stranger cannot.
            as(buyer(LJUSDAL)).body(scores(p1, 5, 5)).put("/api/v1/participations/" + shopIn1 + "/scores").then()
                    .statusCode(404);
            int rank = 8;
            for (Org s : suppliers) {
                String p = phase1.get(s.id().toString()).path("id").asText();
                as(buyer(TOMELILLA)).body(scores(p1, Math.min(5, rank), Math.max(0, rank - 3))).put(
                        "/api/v1/participations/" + p + "/scores").then().statusCode(200);
                as(buyer(YSTAD)).body(scores(p1, Math.min(5, rank), Math.max(0, rank - 3))).put(
                        "/api/v1/participations/" + p + "/scores").then().statusCode(200);
                rank--;
            }
            as(buyer(TOMELILLA)).get("/api/v1/participations/" + shopIn1).then().statusCode(200)
                    .body("weightedTotal", equalTo(100.0f)).body("scores[0].scores.size()", equalTo(2));
            as(shop.token()).get("/api/v1/participations/" + shopIn1).then().statusCode(200)
                    .body("weightedTotal", nullValue()).body("scores", nullValue()).body("outcome", nullValue());

            // Gate 1: five is more than phase 2 takes; every supplier left out needs feedback; one decision.
            List<String> firstFour = suppliers.subList(0, 4).stream()
                    .map(s -> phase1.get(s.id().toString()).path("id").asText()).toList();
            List<Map<String, Object>> feedback = suppliers.subList(4, 8).stream().map(s -> Map.<String, Object>of(
                    "participationId", phase1.get(s.id().toString()).path("id").asText(), "feedback",
                    "Er design var svagare på leveranssäkerhet.")).toList();
            List<String> five = new ArrayList<>(firstFour);
            five.add(phase1.get(suppliers.get(4).id().toString()).path("id").asText());
            String tag = etag(id);
            as(buyer(TOMELILLA)).header("If-Match", tag).body(Map.of("continued", five, "feedback", feedback,
                    "reasons", "x")).post("/api/v1/procurements/" + id + "/phases/1/gate").then().statusCode(400)
                    .body("errors.field", hasItem("continued"));
            as(buyer(TOMELILLA)).header("If-Match", tag).body(Map.of("continued", firstFour, "feedback",
                    feedback.subList(0, 3), "reasons", "x")).post("/api/v1/procurements/" + id + "/phases/1/gate")
                    .then().statusCode(400).body("errors.field", hasItem("feedback"));
            as(buyer(YSTAD)).header("If-Match", tag).body(Map.of("continued", firstFour, "feedback", feedback,
                    "reasons", "x")).post("/api/v1/procurements/" + id + "/phases/1/gate").then().statusCode(403);
            as(buyer(TOMELILLA)).body(Map.of("continued", firstFour, "feedback", feedback, "reasons", "x"))
                    .post("/api/v1/procurements/" + id + "/phases/1/gate").then().statusCode(428);
            assertThat(Db.count("SELECT count(*) FROM phase_participation WHERE procurement_id = ?::uuid", id))
                    .isEqualTo(8);
            as(buyer(TOMELILLA)).header("If-Match", tag).body(Map.of("continued", firstFour, "feedback", feedback,
                    "reasons", "De fyra högst poängsatta designerna går vidare (bedömning enligt kriterierna)."))
                    .post("/api/v1/procurements/" + id + "/phases/1/gate").then().statusCode(200)
                    .body("currentPhase", equalTo(2)).body("phases[0].decisionReasons",
                            startsWith("De fyra"));
            as(buyer(TOMELILLA)).header("If-Match", tag).body(Map.of("continued", firstFour, "feedback", feedback,
                    "reasons", "x")).post("/api/v1/procurements/" + id + "/phases/1/gate").then().statusCode(412);
            // Each supplier reads its own decision; the consortium member too.
            as(camping.token()).get("/api/v1/participations/" + shopIn1).then().statusCode(200)
                    .body("outcome", equalTo("CONTINUED"));
            as(suppliers.get(7).token()).get("/api/v1/participations/" + phase1.get(suppliers.get(7).id()
                    .toString()).path("id").asText()).then().statusCode(200).body("outcome",
                    equalTo("NOT_CONTINUED")).body("feedback", equalTo("Er design var svagare på leveranssäkerhet."));
            // An unknown phase, a supplier of no phase: refused, nothing changed.
            as(buyer(TOMELILLA)).header("If-Match", etag(id)).body(Map.of("continued", List.of(otherIn1),
                    "feedback", List.of(), "reasons", "x")).post("/api/v1/procurements/" + id + "/phases/9/gate")
                    .then().statusCode(404);
            as(buyer(TOMELILLA)).body(Map.of("participationId", UUID.randomUUID(), "value", Map.of("amount",
                    1000, "currency", "SEK"), "startsOn", "2027-01-01", "endsOn", "2027-03-31"))
                    .post("/api/v1/procurements/" + id + "/phases/2/contracts").then().statusCode(400)
                    .body("errors.field", hasItem("participationId"));
            as(buyer(YSTAD)).body(Map.of("participationId", UUID.randomUUID(), "value", Map.of("amount",
                    1000, "currency", "SEK"), "startsOn", "2027-01-01", "endsOn", "2027-03-31"))
                    .post("/api/v1/procurements/" + id + "/phases/2/contracts").then().statusCode(403);

            // Phase 2: four, each with a phase contract within the 400 000 budget.
            Map<String, JsonNode> phase2 = inPhase(id, 2);
            String shopIn2 = phase2.get(shop.id().toString()).path("id").asText();
            as(shop.token()).body(Map.of("text", "innan svar")).put("/api/v1/participations/" + shopIn2
                    + "/deliverable").then().statusCode(409).body("type", endsWith("not-accepted"));
            assertThat(phase2).hasSize(4).containsKeys(suppliers.subList(0, 4).stream().map(s -> s.id().toString())
                    .toArray(String[]::new));
            for (Org s : suppliers.subList(0, 4)) {
                String p = phase2.get(s.id().toString()).path("id").asText();
                as(s.token()).post("/api/v1/participations/" + p + "/accept").then().statusCode(200);
                as(buyer(TOMELILLA)).body(Map.of("participationId", p, "value", Map.of("amount", 100_000,
                        "currency", "SEK"), "startsOn", "2027-01-01", "endsOn", "2027-03-31"))
                        .post("/api/v1/procurements/" + id + "/phases/2/contracts").then().statusCode(201);
                as(s.token()).body(Map.of("text", "Prototyp från " + s.name()))
                        .put("/api/v1/participations/" + p + "/deliverable").then().statusCode(200);
            }
            as(buyer(TOMELILLA)).body(Map.of("participationId", phase2.get(shop.id().toString()).path("id")
                    .asText(), "value", Map.of("amount", 1, "currency", "SEK"), "startsOn", "2027-01-01", "endsOn",
                    "2027-03-31")).post("/api/v1/procurements/" + id + "/phases/2/contracts").then().statusCode(409);
            anonymous().get("/api/v1/procurements/" + id).then().body("phases[1].contracted.amount",
                    equalTo(400_000.0f)).body("contracts.size()", equalTo(4));
            JsonNode p2 = created.path("phases").path(1);
            after(c2);
            rank = 4;
            for (Org s : suppliers.subList(0, 4)) {
                String p = phase2.get(s.id().toString()).path("id").asText();
                as(buyer(TOMELILLA)).body(scores(p2, rank + 1, rank)).put("/api/v1/participations/" + p + "/scores")
                        .then().statusCode(200);
                rank--;
            }
            List<String> two = suppliers.subList(0, 2).stream().map(s -> phase2.get(s.id().toString()).path("id")
                    .asText()).toList();
            as(buyer(TOMELILLA)).header("If-Match", etag(id)).body(Map.of("continued", two, "feedback",
                    suppliers.subList(2, 4).stream().map(s -> Map.of("participationId", phase2.get(s.id().toString())
                            .path("id").asText(), "feedback", "Prototypen höll inte hela vägen.")).toList(),
                    "reasons", "De två bästa prototyperna fälttestas.")).post("/api/v1/procurements/" + id
                    + "/phases/2/gate").then().statusCode(200).body("currentPhase", equalTo(3));

            // Phase 3: two; then the award to one, with its contract.
            Map<String, JsonNode> phase3 = inPhase(id, 3);
            assertThat(phase3).hasSize(2);
            for (Org s : suppliers.subList(0, 2)) {
                String p = phase3.get(s.id().toString()).path("id").asText();
                as(s.token()).post("/api/v1/participations/" + p + "/accept").then().statusCode(200);
                as(s.token()).body(Map.of("text", "Fälttest i Ramsjö: " + s.name()))
                        .put("/api/v1/participations/" + p + "/deliverable").then().statusCode(200);
            }
            after(c3);
            String winner = phase3.get(shop.id().toString()).path("id").asText();
            String runnerUp = phase3.get(suppliers.get(1).id().toString()).path("id").asText();
            // Two awards that add up to more than money holds: 400, nothing awarded.
            as(buyer(TOMELILLA)).header("If-Match", etag(id)).body(Map.of("awarded", List.of(
                    Map.of("participationId", winner, "value", Map.of("amount", 9_000_000_000_000L, "currency", "SEK"),
                            "startsOn", "2027-09-01", "endsOn", "2029-08-31"),
                    Map.of("participationId", runnerUp, "value", Map.of("amount", 9_000_000_000_000L, "currency",
                            "SEK"), "startsOn", "2027-09-01", "endsOn", "2029-08-31")), "feedback", List.of(),
                    "reasons", "x")).post("/api/v1/procurements/" + id + "/award").then().statusCode(400)
                    .body("errors.field", hasItem("awarded"));
            as(buyer(TOMELILLA)).header("If-Match", etag(id)).body(Map.of("continued", List.of(winner), "feedback",
                    List.of(), "reasons", "x")).post("/api/v1/procurements/" + id + "/phases/3/gate").then()
                    .statusCode(409);
            as(buyer(TOMELILLA)).header("If-Match", etag(id)).body(Map.of("awarded", List.of(Map.of(
                    "participationId", winner, "value", Map.of("amount", 2_400_000, "currency", "SEK"),
                    "startsOn", "2027-09-01", "endsOn", "2029-08-31")), "feedback", List.of(Map.of(
                    "participationId", runnerUp, "feedback", "Fälttestet visade färre nöjda matgäster.")),
                    "reasons", "Bäst i fälttestet på kvalitet och leveranssäkerhet."))
                    .post("/api/v1/procurements/" + id + "/award").then().statusCode(200)
                    .body("status", equalTo("AWARDED")).body("contracts.size()", equalTo(5));
            as(camping.token()).get("/api/v1/participations/" + winner).then().statusCode(200)
                    .body("outcome", equalTo("AWARDED"));

            // Events: public state without suppliers; the contracts internally, with them.
            List<EventTopic.Event> news = publicTopic.await(4, e -> id.equals(e.key())
                    && e.type().startsWith("se.utfall.procurement."));
            assertThat(news.stream().map(EventTopic.Event::type)).containsExactly(EventTypes.PROCUREMENT_STARTED,
                    EventTypes.PROCUREMENT_GATE_DECIDED, EventTypes.PROCUREMENT_GATE_DECIDED,
                    EventTypes.PROCUREMENT_AWARDED);
            assertThat(news.get(3).body().toString()).doesNotContain(shop.id().toString())
                    .doesNotContain("Ramsjö Livs");
            assertThat(news.get(3).body().path("phases").path(0).path("continued").asInt())
                    .isEqualTo(4);
            List<EventTopic.Event> contracts = internal.await(5, e -> EventTypes.PROCUREMENT_CONTRACT_SIGNED
                    .equals(e.type()) && rfi.rfiId().equals(e.key()));
            JsonNode award = contracts.get(4).body();
            assertThat(award.path("kind").asText()).isEqualTo("AWARD");
            assertThat(award.path("responseId").asText()).isEqualTo(rfi.responses().get(shop.id()));
            assertThat(award.path("value").path("amount").asDouble()).isEqualTo(2_400_000.0);

            // OCDS: every release of the RFI and the procurement, valid, none with a deliverable or a person.
            JsonNode pkg = json(anonymous().get("/api/v1/rfis/" + rfi.rfiId() + "/ocds").then().statusCode(200)
                    .extract().asString());
            assertThat(RELEASE_PACKAGE.validate(pkg)).isEmpty();
            List<JsonNode> releases = new ArrayList<>();
            pkg.path("releases").forEach(releases::add);
            Set<String> ids = new HashSet<>();
            releases.forEach(r -> assertThat(ids.add(r.path("id").asText())).isTrue());
            List<JsonNode> ofProcurement = releases.stream().filter(r -> r.path("ocid").asText()
                    .equals("ocds-utfall-" + id)).toList();
            // started, 4 phase contracts, 2 gates, the award.
            assertThat(ofProcurement).hasSize(8);
            assertThat(ofProcurement.get(0).path("tag").toString()).isEqualTo("[\"tender\"]");
            JsonNode last = ofProcurement.get(ofProcurement.size() - 1);
            assertThat(last.path("tag").toString()).isEqualTo("[\"award\",\"contract\"]");
            assertThat(last.path("tender").path("lots").size()).isEqualTo(3);
            assertThat(last.path("tender").path("numberOfTenderers").asInt()).isEqualTo(8);
            assertThat(last.path("tender").path("tenderers").toString()).contains("Matlådan AB");
            assertThat(last.path("awards").size()).isEqualTo(5);
            assertThat(last.path("contracts").size()).isEqualTo(5);
            assertThat(last.path("relatedProcesses").path(0).path("identifier").asText())
                    .isEqualTo("ocds-utfall-" + rfi.rfiId());
            JsonNode ofRfi = releases.stream().filter(r -> r.path("ocid").asText().equals("ocds-utfall-"
                    + rfi.rfiId())).reduce((a, b) -> b).orElseThrow();
            assertThat(ofRfi.path("tender").path("numberOfTenderers").asInt()).isEqualTo(9);
            assertThat(pkg.toString()).doesNotContain("konfidentiell").doesNotContain("Anna Svensson")
                    .doesNotContain("Prototyp från");
            // The record package: one record per process, the compiled release the procurement's newest state.
            JsonNode records = json(anonymous().get("/api/v1/rfis/" + rfi.rfiId() + "/ocds/record").then()
                    .statusCode(200).extract().asString());
            assertThat(RECORD_PACKAGE.validate(records)).isEmpty();
            assertThat(records.path("records").size()).isEqualTo(2);
            JsonNode compiled = records.path("records").path(1).path("compiledRelease");
            assertThat(compiled.path("tag").toString()).isEqualTo("[\"compiled\"]");
            assertThat(compiled.path("awards").size()).isEqualTo(5);
            assertThat(records.path("records").path(1).path("releases").size()).isEqualTo(8);
        }
    }

    /**
     * Twenty contracts at once against one phase budget that holds five never add up to more than it; two
     * buyers deciding one gate at once leave one decision.
     */
    @Test
    void concurrentContractsStayWithinTheBudgetAndAGateIsDecidedOnce() throws Exception {
        List<Org> suppliers = IntStream.range(0, 10).mapToObj(i -> Org.named("Leverantör " + i)).toList();
        Org declining = Org.named("Tackar nej AB");
        List<Org> all = new ArrayList<>(suppliers);
        all.add(declining);
        Evaluated rfi = evaluated(all, List.of(), null);
        Instant t0 = nowSeconds();
        Instant c1 = t0.plusSeconds(20);
        Instant c2 = c1.plusSeconds(2);
        // Bad phases: each problem named by its field, nothing created.
        Map<String, Object> growing = new HashMap<>(phase("Prototyp", 300_000, 12, c1, c2));
        growing.put("budget", Map.of("amount", 300_000, "currency", "EUR"));
        growing.put("criteria", List.of(Map.of("name", "Kvalitet", "weight", 50)));
        as(buyer(TOMELILLA)).body(Map.of("rfiId", rfi.rfiId(), "title", "Fel", "phases", List.of(
                phase("Design", 500_000, 10, t0, c1), growing))).post("/api/v1/procurements").then().statusCode(400)
                .body("errors.field", hasItem("phases[0].maxSuppliers"))
                .body("errors.field", hasItem("phases[1].maxSuppliers"))
                .body("errors.field", hasItem("phases[1].budget.currency"))
                .body("errors.field", hasItem("phases[1].criteria"));
        as(buyer(TOMELILLA)).body(Map.of("rfiId", rfi.rfiId(), "title", "Fel", "phases", List.of(
                phase("Design", 500_000, 11, t0, c1), phase("Prototyp", 300_000, 3, t0, c2))))
                .post("/api/v1/procurements").then().statusCode(400)
                .body("errors.field", hasItem("phases[1].opensAt"));
        as(buyer(TOMELILLA)).body(Map.of("rfiId", rfi.rfiId(), "title", "Fel", "phases", List.of(Map.of(
                "name", "x")))).post("/api/v1/procurements").then().statusCode(400);
        as(buyer(TOMELILLA)).body("{\"rfiId\": ").post("/api/v1/procurements").then().statusCode(400);
        as(buyer(TOMELILLA)).body(Map.of("rfiId", UUID.randomUUID(), "title", "Fel", "phases", List.of(
                phase("Design", 500_000, 11, t0, c1)))).post("/api/v1/procurements").then().statusCode(404);
        assertThat(Db.count("SELECT count(*) FROM procurement WHERE rfi_id = ?::uuid", rfi.rfiId())).isZero();
        // One phase more than allowed criteria is refused; phases at their limits (20 criteria with long
        // descriptions, 20 long deliverables, the longest description) are taken whole.
        Map<String, Object> tooMany = new HashMap<>(atLimit(phase("Design", 500_000, 11, t0, c1)));
        List<Map<String, Object>> criteria21 = new ArrayList<>(criteria(20));
        criteria21.add(Map.of("name", "En till", "weight", 1));
        tooMany.put("criteria", criteria21);
        as(buyer(TOMELILLA)).body(Map.of("rfiId", rfi.rfiId(), "title", "Fel", "phases", List.of(tooMany)))
                .post("/api/v1/procurements").then().statusCode(400).body("errors.field",
                        hasItem(startsWith("phases[0].criteria")));
        JsonNode created = json(as(buyer(TOMELILLA)).body(Map.of("rfiId", rfi.rfiId(), "title", "Parallellt",
                "phases", List.of(atLimit(phase("Design", 500_000, 11, t0, c1)), atLimit(phase("Prototyp", 300_000,
                        3, c1, c2))))).post("/api/v1/procurements").then().statusCode(201).extract().asString());
        assertThat(created.path("phases").path(0).path("criteria").size()).isEqualTo(20);
        assertThat(created.path("phases").path(1).path("deliverables").path(19).asText()).hasSize(2000);
        String id = created.path("id").asText();
        Map<String, JsonNode> phase1 = inPhase(id, 1);
        // A decline is final: accepting afterwards is refused, and a supplier that declined gets no contract.
        String declined = phase1.get(declining.id().toString()).path("id").asText();
        as(declining.token()).post("/api/v1/participations/" + declined + "/decline").then().statusCode(200)
                .body("status", equalTo("DECLINED"));
        as(declining.token()).post("/api/v1/participations/" + declined + "/accept").then().statusCode(409);
        as(buyer(TOMELILLA)).body(Map.of("participationId", declined, "value", Map.of("amount", 1000, "currency",
                "SEK"), "startsOn", "2027-01-01", "endsOn", "2027-02-28")).post("/api/v1/procurements/" + id
                + "/phases/1/contracts").then().statusCode(409);
        List<String> accepted = new ArrayList<>();
        for (Org s : suppliers) {
            String p = phase1.get(s.id().toString()).path("id").asText();
            as(s.token()).post("/api/v1/participations/" + p + "/accept").then().statusCode(200);
            as(s.token()).body(Map.of("text", "Design")).put("/api/v1/participations/" + p + "/deliverable").then()
                    .statusCode(200);
            accepted.add(p);
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> writes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String p = accepted.get(i % 10);
                writes.add(() -> as(buyer(TOMELILLA)).body(Map.of("participationId", p, "value", Map.of("amount",
                        100_000, "currency", "SEK"), "startsOn", "2027-01-01", "endsOn", "2027-02-28"))
                        .post("/api/v1/procurements/" + id + "/phases/1/contracts").then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(writes)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(5);
            assertThat(Db.count("SELECT count(*) FROM procurement_contract WHERE procurement_id = ?::uuid", id))
                    .isEqualTo(5);
            assertThat(Db.count("SELECT coalesce(sum(value), 0)::bigint FROM procurement_contract"
                    + " WHERE procurement_id = ?::uuid", id)).isEqualTo(500_000);

            // The gate comes after phase 2's window closed: those continuing could not take part, unless the gate
            // extends it (never shortens it).
            after(c2);
            String tag = etag(id);
            List<Map<String, Object>> rest = accepted.subList(3, 10).stream().map(p -> Map.<String, Object>of(
                    "participationId", p, "feedback", "Inte vidare")).toList();
            as(buyer(TOMELILLA)).header("If-Match", tag).body(Map.of("continued", accepted.subList(0, 3),
                    "feedback", rest, "reasons", "Beslut")).post("/api/v1/procurements/" + id + "/phases/1/gate")
                    .then().statusCode(409).body("type", endsWith("next-phase-closed"));
            String later = nowSeconds().plusSeconds(120).toString();
            List<Callable<Integer>> gates = new ArrayList<>();
            for (int g = 0; g < 2; g++) {
                List<String> keep = accepted.subList(g, g + 3);
                List<Map<String, Object>> feedback = accepted.stream().filter(p -> !keep.contains(p))
                        .map(p -> Map.<String, Object>of("participationId", p, "feedback", "Inte vidare")).toList();
                gates.add(() -> as(buyer(TOMELILLA)).header("If-Match", tag).body(Map.of("continued", keep,
                        "feedback", feedback, "reasons", "Beslut", "nextPhaseClosesAt", later))
                        .post("/api/v1/procurements/" + id + "/phases/1/gate").then().extract().statusCode());
            }
            List<Integer> decided = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(gates)) {
                decided.add(f.get());
            }
            assertThat(decided).containsExactlyInAnyOrder(200, 412);
            assertThat(Db.count("SELECT count(*) FROM phase_participation WHERE procurement_id = ?::uuid"
                    + " AND phase_number = 2", id)).isEqualTo(3);
            assertThat(Db.count("SELECT count(*) FROM phase_participation WHERE procurement_id = ?::uuid"
                    + " AND outcome = 'CONTINUED'", id)).isEqualTo(3);
            assertThat(Db.count("SELECT count(*) FROM procurement_phase WHERE procurement_id = ?::uuid"
                    + " AND number = 2 AND closes_at = ?::timestamptz", id, later)).isEqualTo(1);
            // The extension is an amendment in the OCDS releases; every release valid, the record package too.
            JsonNode pkg = json(anonymous().get("/api/v1/rfis/" + rfi.rfiId() + "/ocds").then().statusCode(200)
                    .extract().asString());
            assertThat(RELEASE_PACKAGE.validate(pkg)).isEmpty();
            assertThat(pkg.toString()).contains("\"tenderAmendment\"");
            assertThat(RECORD_PACKAGE.validate(json(anonymous().get("/api/v1/rfis/" + rfi.rfiId() + "/ocds/record")
                    .then().statusCode(200).extract().asString()))).isEmpty();
            anonymous().get("/api/v1/procurements/" + id).then().body("phases[1].acceptingDeliverables",
                    equalTo(true));
        } finally {
            pool.shutdownNow();
        }
    }
}
