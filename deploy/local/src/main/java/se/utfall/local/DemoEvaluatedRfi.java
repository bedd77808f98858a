package se.utfall.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A demo RFI that has been through everything: opened, answered (one consortium with its plan attached), closed,
 * scored by two evaluators, decided and evaluated. It goes through the public API like real data, so its window
 * is short and now, not the original one: it runs in the background after the stack is up.
 */
final class DemoEvaluatedRfi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ApiClient api;
    private final String rfis;
    private final String responses;
    private final Function<String, String> tokenOf;
    private final List<String> shortlisted = new ArrayList<>();
    private String rfiId;

    /** {@code tokenOf}: an organisation key to a token of its person; "tomelilla-2" a second evaluator. */
    DemoEvaluatedRfi(ApiClient api, String base, Function<String, String> tokenOf) {
        this.api = api;
        this.rfis = base + "/api/v1/rfis";
        this.responses = base + "/api/v1/responses";
        this.tokenOf = tokenOf;
    }

    /** Runs the whole life of the RFI described in {@code demo} for {@code challengeId}; answers a status line. */
    String run(String challengeId, String owner, JsonNode demo) throws Exception {
        String buyer = tokenOf.apply(owner);
        Instant opens = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        Instant closes = opens.plusSeconds(demo.path("windowSeconds").asInt(20) + 1);
        ObjectNode body = JSON.createObjectNode().put("challengeId", challengeId)
                .put("title", demo.path("title").asText()).put("description", demo.path("description").asText())
                .put("opensAt", opens.toString()).put("closesAt", closes.toString());
        body.set("questions", demo.path("questions"));
        body.set("criteria", demo.path("criteria"));
        JsonNode rfi = createWhenChallengeKnown(body, buyer);
        String id = rfi.path("id").asText();
        rfiId = id;
        rfi = api.call("POST", rfis + "/" + id + "/publish", buyer, null, 200, etag(rfi));

        List<String> ids = new ArrayList<>();
        for (JsonNode r : demo.path("responses")) {
            ids.add(respond(rfi, r));
        }
        while (Instant.now().isBefore(closes.plusSeconds(1))
                || !"CLOSED".equals(api.call("GET", rfis + "/" + id, buyer, null, 200).path("status").asText())) {
            Thread.sleep(500);
        }
        for (int i = 0; i < ids.size(); i++) {
            JsonNode r = demo.path("responses").get(i);
            JsonNode perEvaluator = r.path("scores");
            for (int e = 0; e < perEvaluator.size(); e++) {
                ObjectNode scores = JSON.createObjectNode();
                ArrayNode list = scores.putArray("scores");
                for (int c = 0; c < perEvaluator.get(e).size(); c++) {
                    list.addObject().put("criterionId", rfi.path("criteria").get(c).path("id").asText())
                            .put("score", perEvaluator.get(e).get(c).asInt());
                }
                api.call("PUT", responses + "/" + ids.get(i) + "/scores",
                        tokenOf.apply(e == 0 ? owner : owner + "-2"), scores, 200);
            }
            JsonNode current = api.call("GET", responses + "/" + ids.get(i), buyer, null, 200);
            if ("SHORTLISTED".equals(r.path("decision").asText())) {
                shortlisted.add(ids.get(i));
            }
            api.call("PUT", responses + "/" + ids.get(i) + "/decision", buyer, JSON.createObjectNode()
                    .put("decision", r.path("decision").asText()).put("feedback", r.path("feedback").asText()),
                    200, etag(current));
        }
        JsonNode closed = api.call("GET", rfis + "/" + id, buyer, null, 200);
        api.call("POST", rfis + "/" + id + "/evaluation/complete", buyer, null, 200, etag(closed));
        return "RFI evaluated (" + ids.size() + " responses, scored, decided): " + rfi.path("title").asText();
    }

    /** The RFI's id (after {@link #run}). */
    String rfiId() {
        return rfiId;
    }

    /** The responses the demo shortlisted, in the order of the demo file (after {@link #run}). */
    List<String> shortlisted() {
        return List.copyOf(shortlisted);
    }

    private String respond(JsonNode rfi, JsonNode r) throws Exception {
        String token = tokenOf.apply(r.path("org").asText());
        ObjectNode body = JSON.createObjectNode().put("summary", r.path("summary").asText());
        ArrayNode answers = body.putArray("answers");
        for (int q = 0; q < r.path("answers").size(); q++) {
            JsonNode a = r.path("answers").get(q);
            ObjectNode answer = answers.addObject().put("questionId",
                    rfi.path("questions").get(q).path("id").asText());
            if (a.isTextual()) {
                answer.put("text", a.asText());
            } else {
                answer.set("choices", a.path("choices"));
            }
        }
        body.set("consortium", r.path("consortium"));
        body.putObject("estimatedAnnualCost").put("amount", r.path("cost").asLong()).put("currency", "SEK");
        JsonNode created = api.call("POST", rfis + "/" + rfi.path("id").asText() + "/responses", token, body, 201);
        String id = created.path("id").asText();
        if (r.hasNonNull("attachment")) {
            created = api.upload(responses + "/" + id + "/attachments?filename="
                    + URLEncoder.encode(r.path("attachment").asText(), StandardCharsets.UTF_8), token,
                    plan(r.path("summary").asText()), 201, etag(created));
        }
        api.call("POST", responses + "/" + id + "/submit", token, null, 200, etag(created));
        return id;
    }

    private JsonNode createWhenChallengeKnown(ObjectNode body, String token) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return api.call("POST", rfis, token, body, 201);
            } catch (IllegalStateException e) {
                // rfi-service learns challenges from their events: "not known yet" (409, Retry-After: 1) right
                // after publishing is expected; anything else is a real refusal.
                if (attempt >= 30 || !e.getMessage().contains("not-yet-known")) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }

    private static String etag(JsonNode view) {
        return "\"" + view.path("version").asLong() + "\"";
    }

    /** A one-page PDF with the plan's summary. */
    static byte[] plan(String text) {
        String safe = text.replaceAll("[^\\x20-\\x7E]", "?").replace("(", "[").replace(")", "]");
        String stream = "BT /F1 11 Tf 50 780 Td (" + safe + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                    + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.length; i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> pdf.append(String.format("%010d 00000 n \n", o)));
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
