package se.utfall.challenge;

import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventSchemas;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.testing.Api;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;
import se.utfall.testing.UtfallTestResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static se.utfall.challenge.Fixtures.LJUSDAL;
import static se.utfall.challenge.Fixtures.RAMSJO_CAMPING;
import static se.utfall.challenge.Fixtures.RAMSJO_SHOP;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.innovator;

@QuarkusTest
class WorkshopIT {

    private static String publishedChallenge() {
        String token = buyer(LJUSDAL);
        String id = as(token).body(Fixtures.ramsjo()).post("/api/v1/challenges").then().statusCode(201)
                .extract().path("id");
        as(token).header("If-Match", "\"0\"").post("/api/v1/challenges/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private static String schedule(String challengeId, int capacity) {
        Instant start = Instant.now().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return as(buyer(LJUSDAL)).body(Map.of("title", "Workshop: måltider i Ramsjö", "startsAt", start.toString(),
                        "endsAt", start.plus(3, ChronoUnit.HOURS).toString(), "location", "Ramsjö bygdegård",
                        "capacity", capacity))
                .post("/api/v1/challenges/" + challengeId + "/workshops").then().statusCode(201)
                .body("seatsLeft", equalTo(capacity)).extract().path("id");
    }

    @Test
    void scheduleAndRegisterAreStoredAndAnnounced() {
        String challengeId = publishedChallenge();
        try (EventTopic topic = EventTopic.from(Topics.CHALLENGES);
                EventTopic internal = EventTopic.from(Topics.CHALLENGES_INTERNAL)) {
            String workshopId = schedule(challengeId, 10);
            String listed = anonymous().get("/api/v1/challenges/" + challengeId + "/workshops").then()
                    .statusCode(200).body("items[0].id", equalTo(workshopId)).body("total", equalTo(1))
                    .extract().path("items[0].etag");
            // Each item carries the ETag a change needs, the same the workshop's own read answers.
            assertThat(listed).isEqualTo(anonymous().get("/api/v1/workshops/" + workshopId).then().extract()
                    .header("ETag"));
            as(innovator(RAMSJO_SHOP)).body(Map.of("organisationName", "Ramsjö Livs", "participants", 2))
                    .post("/api/v1/workshops/" + workshopId + "/registrations").then().statusCode(201)
                    .body("organisationId", equalTo(RAMSJO_SHOP.toString()));
            as(innovator(RAMSJO_SHOP)).body(Map.of()).post("/api/v1/workshops/" + workshopId + "/registrations")
                    .then().statusCode(409).contentType("application/problem+json");
            anonymous().get("/api/v1/workshops/" + workshopId).then().statusCode(200)
                    .body("registeredCount", equalTo(1)).body("seatsLeft", equalTo(9));
            as(buyer(LJUSDAL)).get("/api/v1/workshops/" + workshopId + "/registrations").then().statusCode(200)
                    .body("items.organisationName", equalTo(List.of("Ramsjö Livs"))).body("total", equalTo(1));

            as(innovator(RAMSJO_SHOP)).delete("/api/v1/workshops/" + workshopId + "/registrations/mine").then()
                    .statusCode(204);
            as(innovator(RAMSJO_SHOP)).delete("/api/v1/workshops/" + workshopId + "/registrations/mine").then()
                    .statusCode(404).contentType("application/problem+json");
            anonymous().get("/api/v1/workshops/" + workshopId).then().statusCode(200)
                    .body("registeredCount", equalTo(0));
            assertThat(Db.count("SELECT count(*) FROM workshop_registration WHERE workshop_id = ?",
                    UUID.fromString(workshopId))).isZero();

            // Partners see that seats changed, never who registered.
            List<EventTopic.Event> events = topic.await(3, EventTopic.about(workshopId));
            assertThat(events).extracting(EventTopic.Event::type).containsExactly(EventTypes.WORKSHOP_SCHEDULED,
                    EventTypes.WORKSHOP_SEATS_CHANGED, EventTypes.WORKSHOP_SEATS_CHANGED);
            assertThat(events.get(1).body().path("registeredCount").asInt()).isEqualTo(1);
            assertThat(events.get(2).body().path("seatsLeft").asInt()).isEqualTo(10);
            events.forEach(e -> assertThat(e.body().toString()).doesNotContain("Ramsjö Livs")
                    .doesNotContain(RAMSJO_SHOP.toString()).doesNotContain("participants"));
            // Services get the registrations on the internal topic.
            List<EventTopic.Event> registrations = internal.await(2, EventTopic.about(workshopId));
            assertThat(registrations).extracting(EventTopic.Event::type).containsExactly(
                    EventTypes.WORKSHOP_REGISTERED, EventTypes.WORKSHOP_REGISTRATION_CANCELLED);
            assertThat(registrations.get(0).body().path("registration").path("organisationId").asText())
                    .isEqualTo(RAMSJO_SHOP.toString());
            assertThat(registrations.get(1).body().path("workshop").path("seatsLeft").asInt()).isEqualTo(10);
            events.forEach(e -> assertThat(EventSchemas.validate(e.type(), e.body())).isEmpty());
            registrations.forEach(e -> assertThat(EventSchemas.validate(e.type(), e.body())).isEmpty());
        }
    }

    @Test
    void contributionsAreForTheBuyersAndRegisteredParticipantsInTheirOwnName() {
        String workshopId = schedule(publishedChallenge(), 5);
        String camping = innovator(RAMSJO_CAMPING);
        as(camping).body(Map.of()).post("/api/v1/workshops/" + workshopId + "/registrations").then().statusCode(201);
        as(camping).body(Map.of("author", "Ramsjö Camping", "text", "Köket kan laga mat året runt"))
                .post("/api/v1/workshops/" + workshopId + "/contributions").then().statusCode(409);
        Db.execute("UPDATE workshop SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour'"
                + " WHERE id = ?", UUID.fromString(workshopId));
        as(camping).body(Map.of("author", "Ramsjö Camping", "text", "Köket kan laga mat året runt",
                        "organisationId", LJUSDAL.toString()))
                .post("/api/v1/workshops/" + workshopId + "/contributions").then().statusCode(400)
                .body("errors.field", Matchers.hasItem("organisationId"));
        as(camping).body(Map.of("author", "Ramsjö Camping", "text", "Köket kan laga mat året runt"))
                .post("/api/v1/workshops/" + workshopId + "/contributions").then().statusCode(201)
                .body("organisationId", equalTo(RAMSJO_CAMPING.toString()));
        as(buyer(LJUSDAL)).get("/api/v1/workshops/" + workshopId + "/contributions").then().statusCode(200)
                .body("items.author", equalTo(List.of("Ramsjö Camping"))).body("total", equalTo(1));
        as(camping).get("/api/v1/workshops/" + workshopId + "/contributions").then().statusCode(200);
        anonymous().get("/api/v1/workshops/" + workshopId + "/contributions").then().statusCode(401)
                .contentType("application/problem+json");
        as(innovator(RAMSJO_SHOP)).get("/api/v1/workshops/" + workshopId + "/contributions").then().statusCode(403)
                .contentType("application/problem+json");
        as(innovator(RAMSJO_SHOP)).body(Map.of("author", "Någon", "text", "Obehörig"))
                .post("/api/v1/workshops/" + workshopId + "/contributions").then().statusCode(403);
        assertThat(Db.count("SELECT count(*) FROM workshop_contribution WHERE workshop_id = ?",
                UUID.fromString(workshopId))).isEqualTo(1);
        as(innovator(RAMSJO_SHOP)).body(Map.of()).post("/api/v1/workshops/" + workshopId + "/registrations")
                .then().statusCode(409);
    }

    @Test
    void theMeetingLinkIsForTheBuyersAndRegisteredParticipantsAndNeverInEvents() {
        String challengeId = publishedChallenge();
        Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String link = "https://meet.example.org/ramsjo-" + UUID.randomUUID();
        try (EventTopic topic = EventTopic.from(Topics.CHALLENGES)) {
            String workshopId = as(buyer(LJUSDAL)).body(Map.of("title", "Digital workshop",
                            "startsAt", start.toString(), "endsAt", start.plus(2, ChronoUnit.HOURS).toString(),
                            "onlineUrl", link, "capacity", 10))
                    .post("/api/v1/challenges/" + challengeId + "/workshops").then().statusCode(201)
                    .body("onlineUrl", equalTo(link)).extract().path("id");
            anonymous().get("/api/v1/workshops/" + workshopId).then().statusCode(200)
                    .body("onlineUrl", Matchers.nullValue());
            anonymous().get("/api/v1/challenges/" + challengeId + "/workshops").then().statusCode(200)
                    .body("items[0].onlineUrl", Matchers.nullValue());
            String shop = innovator(RAMSJO_SHOP);
            as(shop).get("/api/v1/workshops/" + workshopId).then().body("onlineUrl", Matchers.nullValue());
            as(shop).body(Map.of()).post("/api/v1/workshops/" + workshopId + "/registrations").then().statusCode(201);
            as(shop).get("/api/v1/workshops/" + workshopId).then().body("onlineUrl", equalTo(link));
            as(buyer(LJUSDAL)).get("/api/v1/workshops/" + workshopId).then().body("onlineUrl", equalTo(link));
            topic.await(2, EventTopic.about(workshopId)).forEach(e ->
                    assertThat(e.body().toString()).doesNotContain(link).doesNotContain("onlineUrl"));
        }
    }

    /**
     * A registration racing a close: the close's transaction has changed the challenge but not committed when the
     * registration arrives. The registration must wait and then be refused, not slip in.
     */
    @Test
    void aRegistrationCannotSlipInWhileTheChallengeIsBeingClosed() throws Exception {
        String challengeId = publishedChallenge();
        String workshopId = schedule(challengeId, 5);
        String token = innovator(UUID.randomUUID());
        try (Connection c = DriverManager.getConnection(
                System.getProperty(UtfallTestResource.JDBC_URL),
                System.getProperty(UtfallTestResource.DB_USER),
                System.getProperty(UtfallTestResource.DB_PASSWORD))) {
            c.setAutoCommit(false);
            try (var ps = c.prepareStatement("UPDATE challenge SET status = 'CLOSED', closed_at = now(),"
                    + " version = version + 1 WHERE id = ?")) {
                ps.setObject(1, UUID.fromString(challengeId));
                ps.executeUpdate();
            }
            CompletableFuture<Integer> registration = CompletableFuture
                    .supplyAsync(() -> as(token).body(Map.of())
                            .post("/api/v1/workshops/" + workshopId + "/registrations").then().extract().statusCode());
            Thread.sleep(1_500);
            c.commit();
            assertThat(registration.get(30, TimeUnit.SECONDS)).isEqualTo(409);
        }
        assertThat(Db.count("SELECT count(*) FROM workshop_registration WHERE workshop_id = ?",
                UUID.fromString(workshopId))).isZero();
    }

    @Test
    void parallelRegistrationsNeverExceedCapacity() throws Exception {
        int capacity = 5;
        int organisations = 24;
        String workshopId = schedule(publishedChallenge(), capacity);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < organisations; i++) {
                String token = innovator(UUID.randomUUID());
                calls.add(() -> as(token).body(Map.of()).post("/api/v1/workshops/" + workshopId + "/registrations")
                        .then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(capacity);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(organisations - capacity);
        } finally {
            pool.shutdownNow();
        }
        UUID id = UUID.fromString(workshopId);
        assertThat(Db.count("SELECT count(*) FROM workshop_registration WHERE workshop_id = ?", id))
                .isEqualTo(capacity);
        assertThat(Db.count("SELECT registered_count FROM workshop WHERE id = ?", id)).isEqualTo(capacity);
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND event_type = ?",
                workshopId, EventTypes.WORKSHOP_REGISTERED)).isEqualTo(capacity);
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND event_type = ?",
                workshopId, EventTypes.WORKSHOP_SEATS_CHANGED)).isEqualTo(capacity);
    }

    @Test
    void theOrganiserChangesOrCancelsAWorkshopBeforeItStartsAndEveryoneIsTold() {
        String challengeId = publishedChallenge();
        try (EventTopic topic = EventTopic.from(Topics.CHALLENGES)) {
            String workshopId = schedule(challengeId, 10);
            String path = "/api/v1/workshops/" + workshopId;
            anonymous().get(path).then().statusCode(200).header("ETag", "\"0.1\"")
                    .header("Cache-Control", "public, no-cache").body("registrationOpen", equalTo(true))
                    .body("registered", Matchers.nullValue());
            anonymous().header("If-None-Match", "\"0.1\"").get(path).then().statusCode(304);
            String location = as(innovator(RAMSJO_SHOP)).body(Map.of()).post(path + "/registrations").then()
                    .statusCode(201).header("Location", Matchers.endsWith(path + "/registrations/mine"))
                    .extract().header("Location");
            as(innovator(RAMSJO_SHOP)).get(location).then().statusCode(200)
                    .body("organisationId", equalTo(RAMSJO_SHOP.toString()));
            as(innovator(RAMSJO_CAMPING)).get(location).then().statusCode(404);
            as(innovator(RAMSJO_CAMPING)).body(Map.of()).post(path + "/registrations").then().statusCode(201);

            Instant start = Instant.now().plus(21, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
            Map<String, Object> changed = new HashMap<>(Map.of("title", "Workshop: måltider i Ramsjö (ny tid)",
                    "startsAt", start.toString(), "endsAt", start.plus(2, ChronoUnit.HOURS).toString(),
                    "location", "Ramsjö bygdegård", "capacity", 12));
            as(buyer(UUID.randomUUID())).header("If-Match", "\"2.1\"").body(changed).put(path).then().statusCode(403);
            as(buyer(LJUSDAL)).header("If-Match", "\"0.1\"").body(changed).put(path).then().statusCode(412);
            changed.put("capacity", 1);
            as(buyer(LJUSDAL)).header("If-Match", "\"2.1\"").body(changed).put(path).then().statusCode(409)
                    .body("errors[0].field", equalTo("capacity"));
            changed.put("capacity", 12);
            as(buyer(LJUSDAL)).header("If-Match", "\"2.1\"").body(changed).put(path).then().statusCode(200)
                    .header("ETag", "\"3.1\"").body("capacity", equalTo(12)).body("seatsLeft", equalTo(10));

            as(buyer(LJUSDAL)).header("If-Match", "\"3.1\"").body(Map.of()).post(path + "/cancel").then()
                    .statusCode(400).body("errors[0].field", equalTo("reason"));
            as(buyer(LJUSDAL)).header("If-Match", "\"3.1\"").body(Map.of("reason", "Bygdegården är stängd"))
                    .post(path + "/cancel").then().statusCode(200).body("cancelledAt", Matchers.notNullValue())
                    .body("registrationOpen", equalTo(false)).body("seatsLeft", equalTo(0));
            as(innovator(UUID.randomUUID())).body(Map.of()).post(path + "/registrations").then().statusCode(409);
            as(buyer(LJUSDAL)).header("If-Match", "\"4.1\"").body(changed).put(path).then().statusCode(409);
            anonymous().get(path).then().statusCode(200).body("cancellationReason", equalTo("Bygdegården är stängd"))
                    .body("seatsLeft", equalTo(0));

            List<EventTopic.Event> events = topic.await(5, EventTopic.about(workshopId));
            assertThat(events).extracting(EventTopic.Event::type).containsExactly(EventTypes.WORKSHOP_SCHEDULED,
                    EventTypes.WORKSHOP_SEATS_CHANGED, EventTypes.WORKSHOP_SEATS_CHANGED, EventTypes.WORKSHOP_UPDATED,
                    EventTypes.WORKSHOP_CANCELLED);
            assertThat(events.get(4).body().path("cancellationReason").asText()).isEqualTo("Bygdegården är stängd");
            assertThat(events.get(4).body().path("seatsLeft").asInt()).isZero();
            events.forEach(e -> assertThat(EventSchemas.validate(e.type(), e.body())).isEmpty());
        }
    }

    @Test
    void anOrganisationSeesWhereItIsRegisteredAndItsNameComesFromItsSignIn() {
        String challengeId = publishedChallenge();
        String first = schedule(challengeId, 5);
        String second = schedule(challengeId, 5);
        UUID org = UUID.randomUUID();
        String token = Api.tokens().token("kim", "innovator", org, "Ramsjö Camping & Kök", Duration.ofHours(1));
        as(token).body(Map.of("organisationName", "Something else")).post("/api/v1/workshops/" + second
                + "/registrations").then().statusCode(201).body("organisationName", equalTo("Ramsjö Camping & Kök"));
        as(token).get("/api/v1/workshops/registered").then().statusCode(200)
                .body("items.id", equalTo(List.of(second))).body("items.registered", equalTo(List.of(true)))
                .body("total", equalTo(1));
        as(token).get("/api/v1/challenges/" + challengeId + "/workshops").then().statusCode(200)
                .body("items.find { it.id == '" + second + "' }.registered", equalTo(true))
                .body("items.find { it.id == '" + first + "' }.registered", equalTo(false));
        anonymous().get("/api/v1/challenges/" + challengeId + "/workshops").then().statusCode(200)
                .body("items.registered", everyItem(Matchers.nullValue()));

        UUID municipality = UUID.randomUUID();
        String buyerToken = Api.tokens().token("eva", "buyer", municipality, "Ljusdals kommun", Duration.ofHours(1));
        String id = as(buyerToken).body(Fixtures.ramsjo()).post("/api/v1/challenges").then().statusCode(201)
                .body("ownerOrgName", equalTo("Ljusdals kommun")).extract().path("id");
        as(buyerToken).get("/api/v1/challenges/mine").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.ownerOrgName", equalTo("Ljusdals kommun"));
    }

    @Test
    void aWorkshopReadChangesWhenItsChallengeClosesSoNoCacheKeepsOfferingSeats() {
        String token = buyer(LJUSDAL);
        String challengeId = publishedChallenge();
        String path = "/api/v1/workshops/" + schedule(challengeId, 10);
        String etag = anonymous().get(path).then().statusCode(200).body("seatsLeft", equalTo(10)).extract()
                .header("ETag");
        as(token).header("If-Match", "\"1\"").post("/api/v1/challenges/" + challengeId + "/close").then()
                .statusCode(200);
        anonymous().header("If-None-Match", etag).get(path).then().statusCode(200)
                .body("registrationOpen", equalTo(false)).body("seatsLeft", equalTo(0));
        as(innovator(RAMSJO_SHOP)).body(Map.of()).post(path + "/registrations").then().statusCode(409);
        as(token).header("If-Match", anonymous().get(path).then().extract().header("ETag"))
                .body(Map.of("title", "Ny titel", "startsAt", Instant.now().plus(30, ChronoUnit.DAYS).toString(),
                        "endsAt", Instant.now().plus(31, ChronoUnit.DAYS).toString(), "location", "Ramsjö",
                        "capacity", 10))
                .put(path).then().statusCode(409);
    }
}
