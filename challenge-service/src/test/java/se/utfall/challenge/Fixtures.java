package se.utfall.challenge;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import se.utfall.testing.Tokens;
import se.utfall.testing.UtfallTestResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Organisations, tokens and request bodies shared by the challenge-service tests. */
public final class Fixtures {
    public static final UUID LJUSDAL = UUID.fromString("2161a000-0000-4000-8000-000000000001");
    public static final UUID TOMELILLA = UUID.fromString("1270a000-0000-4000-8000-000000000002");
    public static final UUID RAMSJO_SHOP = UUID.fromString("5e110000-0000-4000-8000-000000000003");
    public static final UUID RAMSJO_CAMPING = UUID.fromString("5e110000-0000-4000-8000-000000000005");
    public static final UUID IMPACT_FUND = UUID.fromString("f0d00000-0000-4000-8000-000000000004");

    private Fixtures() {
    }

    public static Tokens tokens() {
        return UtfallTestResource.tokens();
    }

    public static String buyer(UUID org) {
        return tokens().token("buyer-" + org.toString().substring(0, 8), "buyer", org);
    }

    public static String innovator(UUID org) {
        return tokens().token("innovator-" + org.toString().substring(0, 8), "innovator", org);
    }

    public static String admin() {
        return tokens().token("admin-support", "admin", null);
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** The management interface (health, metrics), which is not on the API port. */
    public static RequestSpecification management() {
        int port = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.management.test-port", Integer.class);
        return RestAssured.given().port(port);
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON);
    }

    /** A complete Ramsjö challenge body, ready to publish. */
    public static Map<String, Object> ramsjo() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Dagliga måltider för äldre i Ramsjö");
        body.put("summary", "Äldre i Ramsjö får i dag matlådor en gång i veckan. Vi söker ett sätt att ge dem ett lagat mål mat varje dag.");
        body.put("problemStatement", "\"Maten kommer på tisdagar och ska räcka hela veckan. Jag vill äta något nylagat och träffa folk.\" Äldre i byn vill ha färsk mat varje dag, nära hemmet.");
        body.put("targetGroup", "Äldre med beslut om matdistribution i Ramsjö");
        body.put("locality", "Ramsjö");
        body.put("municipalityCode", "2161");
        body.put("sectors", List.of("elderly-care", "food"));
        body.put("cpvCodes", List.of("55321000-6", "15894200-3"));
        body.put("sdgTargets", List.of("2.1", "3.4", "11.a"));
        body.put("budget", Map.of("amount", 450000, "currency", "SEK"));
        body.put("baseline", Map.of("description", "Matlådor körs från Ljusdal till Ramsjö en gång i veckan",
                "unitCost", Map.of("amount", 78.50, "currency", "SEK"), "unit", "portion", "period", "year",
                "volumePerPeriod", 5840));
        body.put("outcomeGoals", new ArrayList<>(List.of(goal())));
        body.put("needInsights", List.of(Map.of("source", "HOME_VISIT",
                "text", "Flera äldre äter bara varannan dag när matlådorna tar slut.", "observedOn", "2026-03-12")));
        return body;
    }

    public static Map<String, Object> goal() {
        Map<String, Object> goal = new HashMap<>();
        goal.put("indicator", "Andel äldre som äter ett lagat mål mat varje dag");
        goal.put("definition", "Brukare som uppger att de ätit ett lagat mål mat dagligen senaste veckan");
        goal.put("unit", "percent");
        goal.put("baselineValue", 35);
        goal.put("baselineDate", "2026-03-01");
        goal.put("baselineSource", "Hembesök, kostenheten Ljusdal");
        goal.put("targetValue", 90);
        goal.put("targetDate", "2027-12-31");
        goal.put("measurementMethod", "Enkät vid hembesök varje kvartal");
        goal.put("dataSource", "Hemtjänstens verksamhetssystem");
        goal.put("frequency", "QUARTERLY");
        goal.put("verifier", "RISE Social and Health Impact Center");
        return goal;
    }
}
