package se.utfall.challenge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Organisations and request bodies of the challenge-service tests; requests as a role of an organisation come from
 * {@link se.utfall.testing.Api}.
 */
public final class Fixtures {
    public static final UUID LJUSDAL = UUID.fromString("2161a000-0000-4000-8000-000000000001");
    public static final UUID TOMELILLA = UUID.fromString("1270a000-0000-4000-8000-000000000002");
    public static final UUID RAMSJO_SHOP = UUID.fromString("5e110000-0000-4000-8000-000000000003");
    public static final UUID RAMSJO_CAMPING = UUID.fromString("5e110000-0000-4000-8000-000000000005");
    public static final UUID IMPACT_FUND = UUID.fromString("f0d00000-0000-4000-8000-000000000004");

    private Fixtures() {
    }

    /** A complete Ramsjö challenge body, ready to publish. */
    public static Map<String, Object> ramsjo() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Dagliga måltider för äldre i Ramsjö");
        body.put("summary",
                "Äldre i Ramsjö får i dag matlådor en gång i veckan. Vi söker ett sätt att ge dem ett lagat mål mat "
                        + "varje dag.");
        body.put("problemStatement",
                "\"Maten kommer på tisdagar och ska räcka hela veckan. Jag vill äta något nylagat och träffa folk.\" "
                        + "Äldre i byn vill ha färsk mat varje dag, nära hemmet.");
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
