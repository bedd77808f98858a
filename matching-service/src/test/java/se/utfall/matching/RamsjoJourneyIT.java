package se.utfall.matching;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventSchemas;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.testing.EventTopic;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static se.utfall.matching.Fixtures.LJUSDAL;
import static se.utfall.matching.Fixtures.awaitIndexed;
import static se.utfall.matching.Fixtures.challengeEvent;
import static se.utfall.matching.Fixtures.createProfile;
import static se.utfall.matching.Fixtures.newId;
import static se.utfall.matching.Fixtures.profile;
import static se.utfall.matching.Fixtures.profileCount;
import static se.utfall.matching.Fixtures.publishAndAwait;
import static se.utfall.matching.Fixtures.ramsjo;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.innovator;

/**
 * The Ramsjö lesson end to end: Ljusdal's meals need arrives as a challenge event; the village shop and the
 * campsite kitchen rank above a national meal-box company and a Ramsjö-named hotel that cannot cook; the
 * consortium suggestion pairs shop and kitchen; each strong match is announced once.
 */
@QuarkusTest
class RamsjoJourneyIT {

    @Test
    @SuppressWarnings("unchecked")
    void theVillageShopAndTheCampsiteKitchenTogether() {
        UUID shopOrg = UUID.randomUUID();
        UUID kitchenOrg = UUID.randomUUID();
        UUID boxOrg = UUID.randomUUID();
        UUID hotelOrg = UUID.randomUUID();
        String shop = createProfile(shopOrg, profile("Ramsjö Lanthandel", "LOCAL_BUSINESS",
                "Byns lanthandel med dagligvaror. Vi kör hem varor till äldre i byn varje vardag med egen bil.",
                List.of("hemleverans", "dagligvaror"), List.of("retail"), List.of("2161")));
        String kitchen = createProfile(kitchenOrg, profile("Ramsjö Camping, köket", "LOCAL_BUSINESS",
                "Campingens kök lagar husmanskost året runt och kan laga lunch till byns äldre.",
                List.of("laga mat", "storkök"), List.of("food"), List.of("2161")));
        String box = createProfile(boxOrg, profile("Matlådan Sverige AB", "COMPANY",
                "Kylda matlådor för äldre, levererade med bud en gång i veckan i hela landet.",
                List.of("matlådor", "leverans"), List.of("food", "elderly-care"), List.of("SE")));
        String hotel = createProfile(hotelOrg, profile("Ramsjö Hotell & Konferens", "LOCAL_BUSINESS",
                "Konferens och övernattning vid sjön i Ramsjö. Ramsjö, Ramsjö, Ramsjö: äldre trähus i byn.",
                List.of("konferens", "logi"), List.of("tourism"), List.of("2161")));
        awaitIndexed(profileCount());

        String need = newId();
        try (EventTopic matches = EventTopic.from(Topics.MATCHES_INTERNAL)) {
            String published = newId();
            publishAndAwait(challengeEvent(published, EventTypes.CHALLENGE_PUBLISHED, ramsjo(need, "PUBLISHED", 1),
                    need), need, 1);

            // Ljusdal's buyer sees the local actors first, and why.
            List<Map<String, Object>> ranked = as(buyer(LJUSDAL)).get("/api/v1/needs/" + need
                    + "/recommendations?limit=20").then().statusCode(200).extract().path("");
            List<String> order = ranked.stream().map(r -> (String) r.get("profileId")).toList();
            assertThat(order).as(ranked.toString()).contains(shop, kitchen, box);
            assertThat(order.indexOf(kitchen)).as(ranked.toString()).isLessThan(order.indexOf(box));
            assertThat(order.indexOf(shop)).isLessThan(order.indexOf(box));
            // The hotel shares the village's name and the word "äldre" (its old houses), but cannot cook.
            assertThat(!order.contains(hotel) || order.indexOf(hotel) > order.indexOf(shop)
                    && order.indexOf(hotel) > order.indexOf(kitchen)).isTrue();
            Map<String, Object> first = ranked.get(order.indexOf(kitchen));
            assertThat(first.get("locality")).isEqualTo("MUNICIPALITY");
            assertThat(first.get("placeBound")).isEqualTo(true);
            // The municipality by its name; the village of the need is in it, not taken for it.
            assertThat((String) first.get("explanation"))
                    .contains("Verkar i behovets kommun (Ljusdal, där Ramsjö ligger)", "Arbetar på svenska");
            assertThat(first.get("responded")).isEqualTo(false);
            assertThat(ranked.get(order.indexOf(box)).get("locality")).isEqualTo("NATIONAL");
            // The contact person is not part of a recommendation.
            assertThat(ranked.toString()).doesNotContain("Anna Andersson", "anna@example.se");
            // The same reasons in English, for an English-speaking reader.
            String english = as(buyer(LJUSDAL)).queryParam("lang", "en").get("/api/v1/needs/" + need
                    + "/recommendations").then().statusCode(200).extract().asString();
            assertThat(english).contains("Works in the municipality of the need (Ljusdal, where Ramsjö is)",
                    "Works in Swedish");
            // A browser's Accept-Language is read by its weights: English preferred over Swedish here.
            String preferred = as(buyer(LJUSDAL)).header("Accept-Language", "de-DE, sv;q=0.5, en;q=0.8")
                    .get("/api/v1/needs/" + need + "/recommendations").then().statusCode(200).extract().asString();
            assertThat(preferred).contains("Works in the municipality of the need (Ljusdal, where Ramsjö is)");

            // The consortium suggestion pairs the shop (delivery) and the kitchen (cooking).
            List<Map<String, Object>> consortia = as(buyer(LJUSDAL)).get("/api/v1/needs/" + need + "/consortia")
                    .then().statusCode(200).extract().path("");
            assertThat(consortia).isNotEmpty();
            // Other local actors of other tests may be suggested too; one suggestion is the shop and the kitchen.
            Map<String, Object> pair = consortia.stream().filter(c -> ((List<Map<String, Object>>) c.get("members"))
                    .stream().map(m -> m.get("profileId")).collect(Collectors.toSet()).equals(Set.of(shop, kitchen)))
                    .findFirst().orElseThrow(() -> new AssertionError("no shop and kitchen pair in " + consortia));
            Map<Object, Object> brings = ((List<Map<String, Object>>) pair.get("members")).stream()
                    .collect(Collectors.toMap(m -> m.get("profileId"), m -> m.get("brings")));
            assertThat((List<String>) brings.get(kitchen)).contains("laga mat");
            assertThat((List<String>) brings.get(shop)).contains("leverera");
            assertThat((String) pair.get("explanation")).startsWith("Tillsammans täcker");

            // Strong matches are announced once per pair, internally, valid against the catalogue's schema.
            List<EventTopic.Event> announced = matches.await(2, e -> need.equals(e.key())
                    && (shop.equals(e.body().path("profileId").asText())
                            || kitchen.equals(e.body().path("profileId").asText())), Duration.ofSeconds(30));
            for (EventTopic.Event e : announced) {
                assertThat(e.type()).isEqualTo(EventTypes.MATCH_RECOMMENDED);
                assertThat(EventSchemas.validate(e.type(), e.body())).isEmpty();
                assertThat(e.body().toString()).doesNotContain("Anna", "anna@example.se");
            }
            // The same event again and a later amendment announce nothing anew.
            try (KafkaProducer<String, byte[]> p = Fixtures.producer()) {
                p.send(challengeEvent(published, EventTypes.CHALLENGE_PUBLISHED, ramsjo(need, "PUBLISHED", 1), need))
                        .get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            publishAndAwait(challengeEvent(newId(), EventTypes.CHALLENGE_UPDATED, ramsjo(need, "PUBLISHED", 3),
                    need), need, 3);
            List<EventTopic.Event> all = matches.collect(e -> need.equals(e.key()), Duration.ofSeconds(3));
            Map<String, Long> perProfile = all.stream().collect(Collectors.groupingBy(
                    e -> e.body().path("profileId").asText(), Collectors.counting()));
            assertThat(perProfile).containsEntry(shop, 1L).containsEntry(kitchen, 1L);
            assertThat(perProfile.values()).allMatch(n -> n == 1L);
        }

        // The innovators see the need among theirs, with the same reasons.
        List<Map<String, Object>> forShop = as(innovator(shopOrg)).get("/api/v1/recommendations/mine").then()
                .statusCode(200).body("page", equalTo(0)).body("size", equalTo(20))
                .body("total", greaterThanOrEqualTo(1)).extract().path("items");
        assertThat(forShop).extracting(r -> r.get("needId")).contains(need);
        // Who buys and where, by name, for an innovator's list.
        Map<String, Object> ours = forShop.stream().filter(r -> need.equals(r.get("needId"))).findFirst()
                .orElseThrow();
        assertThat(ours).containsEntry("buyerName", "Ljusdals kommun").containsEntry("municipalityName", "Ljusdal")
                .containsEntry("municipalityCode", "2161");
    }
}
