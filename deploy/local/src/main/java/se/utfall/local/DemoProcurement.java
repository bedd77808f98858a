package se.utfall.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A procurement after an evaluated RFI, the whole way through the public API: an RFI run to its evaluation
 * ({@link DemoEvaluatedRfi}), a procurement with short phases (seconds, not months: the demo must finish while
 * the stack starts), the shortlisted suppliers accepting and handing in, phase contracts, two evaluators scoring,
 * the gate keeping the first ones of the demo file, and the award with its contract.
 */
final class DemoProcurement {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ApiClient api;
    private final String base;
    private final Function<String, String> tokenOf;
    private final Map<String, String> keyOfOrganisation;

    /** {@code keyOfOrganisation}: an organisation id to its key in the demo files. */
    DemoProcurement(ApiClient api, String base, Function<String, String> tokenOf,
            Map<String, String> keyOfOrganisation) {
        this.api = api;
        this.base = base;
        this.tokenOf = tokenOf;
        this.keyOfOrganisation = keyOfOrganisation;
    }

    String run(String challengeId, String owner, JsonNode demo) throws Exception {
        DemoEvaluatedRfi rfi = new DemoEvaluatedRfi(api, base, tokenOf);
        rfi.run(challengeId, owner, demo.path("rfi"));
        String buyer = tokenOf.apply(owner);
        Instant opens = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
        ObjectNode body = JSON.createObjectNode().put("rfiId", rfi.rfiId()).put("title", demo.path("title").asText())
                .put("description", demo.path("description").asText());
        ArrayNode phases = body.putArray("phases");
        List<Instant> closes = new ArrayList<>();
        Instant start = opens;
        for (JsonNode p : demo.path("phases")) {
            Instant end = start.plusSeconds(p.path("seconds").asInt(25));
            ObjectNode phase = phases.addObject().put("name", p.path("name").asText())
                    .put("description", p.path("description").asText()).put("maxSuppliers", p.path("maxSuppliers")
                            .asInt()).put("opensAt", start.toString()).put("closesAt", end.toString());
            phase.putObject("budget").put("amount", p.path("budget").asLong()).put("currency", "SEK");
            phase.set("criteria", p.path("criteria"));
            phase.set("deliverables", p.path("deliverables"));
            closes.add(end);
            start = end;
        }
        JsonNode procurement = api.call("POST", base + "/api/v1/procurements", buyer, body, 201);
        String id = procurement.path("id").asText();
        String url = base + "/api/v1/procurements/" + id;
        List<String> order = new ArrayList<>();
        demo.path("rfi").path("responses").forEach(r -> order.add(r.path("org").asText()));
        for (int n = 1; n <= closes.size(); n++) {
            JsonNode phaseDemo = demo.path("phases").get(n - 1);
            JsonNode phase = procurement.path("phases").get(n - 1);
            List<JsonNode> in = new ArrayList<>();
            for (JsonNode x : api.call("GET", url + "/participations", buyer, null, 200)) {
                if (x.path("phase").asInt() == n) {
                    in.add(x);
                }
            }
            in.sort((a, b) -> order.indexOf(key(a)) - order.indexOf(key(b)));
            while (Instant.now().isBefore(n == 1 ? opens : closes.get(n - 2))) {
                Thread.sleep(200);
            }
            for (JsonNode x : in) {
                String token = tokenOf.apply(key(x));
                String pid = x.path("id").asText();
                api.call("POST", base + "/api/v1/participations/" + pid + "/accept", token, null, 200);
                api.call("PUT", base + "/api/v1/participations/" + pid + "/deliverable", token, JSON.createObjectNode()
                        .put("text", phaseDemo.path("deliverable").asText() + " (" + x.path("organisationName")
                                .asText() + ")"), 200);
                ObjectNode contract = JSON.createObjectNode().put("participationId", pid)
                        .put("startsOn", LocalDate.now().toString()).put("endsOn", LocalDate.now().plusMonths(3)
                                .toString());
                contract.putObject("value").put("amount", phaseDemo.path("contractValue").asLong())
                        .put("currency", "SEK");
                api.call("POST", url + "/phases/" + n + "/contracts", buyer, contract, 201);
            }
            while (Instant.now().isBefore(closes.get(n - 1).plusMillis(500))) {
                Thread.sleep(200);
            }
            for (int i = 0; i < in.size(); i++) {
                ObjectNode scores = JSON.createObjectNode();
                ArrayNode list = scores.putArray("scores");
                for (int c = 0; c < phase.path("criteria").size(); c++) {
                    list.addObject().put("criterionId", phase.path("criteria").get(c).path("id").asText())
                            .put("score", Math.max(1, 5 - i));
                }
                String pid = in.get(i).path("id").asText();
                api.call("PUT", base + "/api/v1/participations/" + pid + "/scores", buyer, scores, 200);
                api.call("PUT", base + "/api/v1/participations/" + pid + "/scores", tokenOf.apply(owner + "-2"),
                        scores, 200);
            }
            JsonNode current = api.call("GET", url, buyer, null, 200);
            String etag = "\"" + current.path("version").asLong() + "\"";
            int keep = n < closes.size() ? demo.path("phases").get(n).path("maxSuppliers").asInt() : 1;
            ObjectNode decision = JSON.createObjectNode().put("reasons", phaseDemo.path("reasons").asText());
            ArrayNode feedback = decision.putArray("feedback");
            ArrayNode chosen = decision.putArray(n < closes.size() ? "continued" : "awarded");
            for (int i = 0; i < in.size(); i++) {
                String pid = in.get(i).path("id").asText();
                if (i >= keep) {
                    feedback.addObject().put("participationId", pid).put("feedback", phaseDemo.path("feedback")
                            .asText());
                } else if (n < closes.size()) {
                    chosen.add(pid);
                } else {
                    ObjectNode award = chosen.addObject().put("participationId", pid)
                            .put("startsOn", LocalDate.now().plusMonths(1).withDayOfMonth(1).toString())
                            .put("endsOn", LocalDate.now().plusMonths(1).withDayOfMonth(1).plusMonths(demo
                                    .path("award").path("months").asInt(24)).minusDays(1).toString());
                    award.putObject("value").put("amount", demo.path("award").path("value").asLong())
                            .put("currency", "SEK");
                }
            }
            procurement = api.call("POST", n < closes.size() ? url + "/phases/" + n + "/gate" : url + "/award",
                    buyer, decision, 200, etag);
        }
        return "procurement awarded (" + demo.path("title").asText() + "): " + url + " ; OCDS: " + base
                + "/api/v1/rfis/" + rfi.rfiId() + "/ocds";
    }

    private String key(JsonNode participation) {
        return keyOfOrganisation.get(participation.path("organisationId").asText());
    }
}
