package se.utfall.rfi.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.rfi.config.RfiConfig;
import se.utfall.money.Money;
import se.utfall.rfi.domain.Baseline;
import se.utfall.rfi.domain.Clarification;
import se.utfall.rfi.domain.KnownChallenge;
import se.utfall.rfi.domain.Rfi;
import se.utfall.rfi.domain.RfiAmendment;
import se.utfall.rfi.domain.RfiStatus;
import se.utfall.rfi.domain.Windows;
import se.utfall.web.security.Reader;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An RFI as an Open Contracting (OCDS 1.1) release package, for anyone: the RFI's public state, planning from the
 * challenge's public event (rationale, budget, public need insights), enquiries from published clarifications
 * (the enquiry extension) and amendments. Only what the public API shows goes in: no respondent, no response.
 */
@ApplicationScoped
public class OcdsService {
    static final String ENQUIRY_EXTENSION =
            "https://raw.githubusercontent.com/open-contracting-extensions/ocds_enquiry_extension/v1.1.5/extension.json";

    private final ObjectMapper json;
    private final RfiConfig config;
    private final ZoneId zone;

    public OcdsService(ObjectMapper json, RfiConfig config) {
        this.json = json;
        this.config = config;
        this.zone = config.timeZone();
    }

    /** The release package of a published RFI; a draft or unknown id is 404. */
    @WithSession
    public Uni<ObjectNode> releasePackage(UUID id) {
        return Rfi.<Rfi>findById(id).chain(rfi -> {
            Reader.ANONYMOUS.visibleOrNotFound(rfi, Rfi::isPublic, x -> List.of(), "RFI");
            return KnownChallenge.<KnownChallenge>findById(rfi.challengeId).chain(challenge -> Clarification
                    .<Clarification>list("rfiId = ?1 and number is not null order by number", id)
                    .chain(enquiries -> RfiAmendment.<RfiAmendment>list("key.rfiId = ?1 order by key.number", id)
                            .map(amendments -> pack(rfi, challenge, enquiries, amendments))));
        });
    }

    private ObjectNode pack(Rfi rfi, KnownChallenge challenge, List<Clarification> enquiries,
            List<RfiAmendment> amendments) {
        ObjectNode p = json.createObjectNode();
        String base = config.ocds().publicBaseUri().replaceAll("/+$", "");
        p.put("uri", base + "/api/v1/rfis/" + rfi.id + "/ocds");
        p.put("version", "1.1");
        p.putArray("extensions").add(ENQUIRY_EXTENSION);
        p.put("publishedDate", time(rfi.updatedAt));
        ObjectNode publisher = p.putObject("publisher");
        publisher.put("name", config.ocds().publisherName());
        publisher.put("uri", base);
        p.putArray("releases").add(release(rfi, challenge, enquiries, amendments));
        return p;
    }

    private ObjectNode release(Rfi rfi, KnownChallenge challenge, List<Clarification> enquiries,
            List<RfiAmendment> amendments) {
        String ocid = config.ocds().ocidPrefix() + "-" + rfi.id;
        JsonNode c = challenge == null || challenge.publicData == null ? json.createObjectNode() : challenge.publicData;
        ObjectNode r = json.createObjectNode();
        r.put("ocid", ocid);
        r.put("id", ocid + "-" + rfi.version);
        r.put("date", time(rfi.updatedAt));
        ArrayNode tag = r.putArray("tag");
        switch (rfi.status) {
            case CLOSED, EVALUATED -> tag.add("tenderUpdate");
            case CANCELLED -> tag.add("tenderCancellation");
            default -> {
                tag.add("tender");
                if (rfi.amendments > 0) {
                    tag.add("tenderAmendment");
                }
            }
        }
        r.put("initiationType", "tender");
        r.put("language", "sv");

        String buyerId = "utfall-org-" + rfi.ownerOrgId;
        // The name the challenge was published under, when the RFI is its owner's; else the buyer's token said it.
        String buyerName = rfi.ownerOrgId.toString().equals(c.path("ownerOrgId").asText())
                && c.hasNonNull("ownerOrgName") ? c.path("ownerOrgName").asText() : rfi.ownerOrgName;
        ObjectNode buyer = r.putArray("parties").addObject();
        buyer.put("id", buyerId);
        buyer.put("name", buyerName);
        buyer.putArray("roles").add("buyer").add("procuringEntity");
        ObjectNode address = buyer.putObject("address");
        if (c.hasNonNull("municipalityName")) {
            address.put("locality", c.path("municipalityName").asText());
        }
        address.put("countryName", "Sverige");
        ObjectNode buyerRef = r.putObject("buyer");
        buyerRef.put("id", buyerId);
        buyerRef.put("name", buyerName);

        r.set("planning", planning(c));
        r.set("tender", tender(rfi, c, buyerRef, enquiries, amendments));
        return r;
    }

    /** Why the need exists and what it costs today, from the challenge's public state. */
    private ObjectNode planning(JsonNode c) {
        ObjectNode planning = json.createObjectNode();
        StringBuilder rationale = new StringBuilder(c.path("problemStatement").asText(c.path("summary").asText("")));
        JsonNode insights = c.path("needInsights");
        if (insights.isArray() && !insights.isEmpty()) {
            rationale.append(rationale.isEmpty() ? "" : "\n\n").append("Behov vi har sett:");
            insights.forEach(i -> rationale.append("\n- ").append(i.path("text").asText())
                    .append(i.hasNonNull("source") ? " (" + i.path("source").asText() + ")" : ""));
        }
        if (!rationale.isEmpty()) {
            planning.put("rationale", rationale.toString());
        }
        Optional<Money> budget = Baseline.money(c.path("budget"));
        Optional<Baseline> baseline = Baseline.of(c);
        if (budget.isPresent() || baseline.isPresent()) {
            ObjectNode b = planning.putObject("budget");
            b.put("id", "budget");
            budget.ifPresent(m -> b.putObject("amount").put("amount", m.amount())
                    .put("currency", m.currency().getCurrencyCode()));
            baseline.flatMap(Baseline::perYear).ifPresent(y -> b.put("description", "Kostnad i dag: " + y.text()
                    + " per år" + (baseline.get().description() == null ? "" : " ("
                    + baseline.get().description() + ")")));
        }
        return planning;
    }

    private ObjectNode tender(Rfi rfi, JsonNode c, ObjectNode buyerRef, List<Clarification> enquiries,
            List<RfiAmendment> amendments) {
        ObjectNode t = json.createObjectNode();
        t.put("id", rfi.id.toString());
        t.put("title", rfi.title);
        String description = rfi.description == null ? "" : rfi.description;
        if (rfi.status == RfiStatus.CANCELLED && rfi.cancellationReason != null) {
            description += (description.isEmpty() ? "" : "\n\n") + "Avbruten: " + rfi.cancellationReason;
        }
        if (!description.isEmpty()) {
            t.put("description", description);
        }
        t.put("status", switch (rfi.status) {
            case SCHEDULED -> "planned";
            case OPEN, CLOSED -> "active";
            case EVALUATED -> "complete";
            case CANCELLED -> "cancelled";
            case DRAFT -> "planning";
        });
        t.set("procuringEntity", buyerRef.deepCopy());
        ObjectNode item = t.putArray("items").addObject();
        item.put("id", "1");
        item.put("description", c.path("title").asText(rfi.title));
        List<String> cpv = c.path("cpvCodes").isArray() ? json.convertValue(c.path("cpvCodes"),
                json.getTypeFactory().constructCollectionType(List.class, String.class)) : List.of();
        if (!cpv.isEmpty()) {
            item.set("classification", cpv(cpv.get(0)));
        }
        if (cpv.size() > 1) {
            ArrayNode more = item.putArray("additionalClassifications");
            cpv.stream().skip(1).forEach(code -> more.add(cpv(code)));
        }
        t.put("procurementMethod", "open");
        t.put("procurementMethodDetails", "Request for Information (förfrågan om information): en öppen"
                + " marknadsdialog inför en möjlig innovationsupphandling; inget kontrakt tilldelas här.");
        t.putArray("submissionMethod").add("electronicSubmission");
        t.put("submissionMethodDetails", "Svar lämnas i Utfall före sista svarsdag; kvitto med SHA-256.");
        ObjectNode period = t.putObject("tenderPeriod");
        period.put("startDate", time(rfi.opensAt));
        period.put("endDate", time(rfi.closesAt));
        t.set("enquiryPeriod", period.deepCopy());
        if (!rfi.criteria().isEmpty()) {
            t.put("awardCriteria", "ratedCriteria");
            t.put("awardCriteriaDetails", "Svaren bedöms efter: " + rfi.criteria().stream()
                    .map(x -> x.name() + " " + x.weight() + " %").collect(Collectors.joining("; ")));
        }
        t.put("hasEnquiries", !enquiries.isEmpty());
        ArrayNode list = t.putArray("enquiries");
        for (Clarification q : enquiries) {
            ObjectNode e = list.addObject();
            e.put("id", Integer.toString(q.number));
            e.put("date", time(q.answeredAt));
            e.put("title", "Fråga " + q.number);
            e.put("description", q.publishedQuestion);
            e.put("answer", q.answer);
            e.put("dateAnswered", time(q.answeredAt));
        }
        if (!amendments.isEmpty()) {
            ArrayNode a = t.putArray("amendments");
            for (RfiAmendment m : amendments) {
                ObjectNode x = a.addObject();
                x.put("id", Integer.toString(m.key.number));
                x.put("date", time(m.at));
                x.put("description", "Ändrat: " + String.join(", ", m.fields));
                if (m.note != null) {
                    x.put("rationale", m.note);
                }
            }
        }
        return t;
    }

    private ObjectNode cpv(String code) {
        ObjectNode x = json.createObjectNode();
        x.put("scheme", "CPV");
        x.put("id", code);
        return x;
    }

    private String time(Instant at) {
        return at == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Windows.local(at, zone));
    }
}
