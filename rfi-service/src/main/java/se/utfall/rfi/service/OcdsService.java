package se.utfall.rfi.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.rfi.config.RfiConfig;
import se.utfall.money.Money;
import se.utfall.rfi.domain.Baseline;
import se.utfall.rfi.domain.Clarification;
import se.utfall.rfi.domain.ContractKind;
import se.utfall.rfi.domain.KnownChallenge;
import se.utfall.rfi.domain.OcdsRelease;
import se.utfall.rfi.domain.Participation;
import se.utfall.rfi.domain.Phase;
import se.utfall.rfi.domain.ProcurementContract;
import se.utfall.rfi.domain.ProcurementFile;
import se.utfall.rfi.domain.ProcurementStatus;
import se.utfall.rfi.domain.ResponseStatus;
import se.utfall.rfi.domain.RfiResponse;
import se.utfall.rfi.domain.Rfi;
import se.utfall.rfi.domain.RfiAmendment;
import se.utfall.rfi.domain.RfiStatus;
import se.utfall.rfi.domain.Windows;
import se.utfall.web.json.JsonText;
import se.utfall.web.security.Reader;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An RFI and the procurement that follows it as an Open Contracting (OCDS 1.1) release package, for anyone. Every
 * change publishes a release, kept as it was ({@link OcdsRelease}): the RFI's (tender, tenderAmendment,
 * tenderUpdate, tenderCancellation) with planning from the challenge's public event, enquiries from published
 * clarifications (enquiry extension), amendments, and once the window has closed the respondents' organisation
 * names as tenderers; the procurement's under its own ocid (related to the RFI's as its planning process), its
 * phases as lots (lots extension), awards and contracts with values. No contact person, no answer, no deliverable,
 * no score.
 */
@ApplicationScoped
public class OcdsService {
    static final String ENQUIRY_EXTENSION =
            "https://raw.githubusercontent.com/open-contracting-extensions/ocds_enquiry_extension/v1.1.5/extension.json";
    static final String LOTS_EXTENSION =
            "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json";
    /** The advisory lock space of an ocid's release numbers (the outbox uses 7001). */
    private static final String LOCK_OCID = "SELECT pg_advisory_xact_lock(hashtextextended(:ocid, 7002))";

    private final ObjectMapper json;
    private final RfiConfig config;
    private final ZoneId zone;

    public OcdsService(ObjectMapper json, RfiConfig config) {
        this.json = json;
        this.config = config;
        this.zone = config.timeZone();
    }

    /** The ocid of an RFI or a procurement: the configured prefix and the id. */
    public String ocid(UUID id) {
        return config.ocds().ocidPrefix() + "-" + id;
    }

    /**
     * The release package of a published RFI: every release of the RFI and of its procurement, in the order they
     * were published. An RFI published before releases were kept gets one release of its state now. A draft or
     * unknown id is 404.
     */
    @WithSession
    public Uni<ObjectNode> releasePackage(UUID id) {
        return Rfi.<Rfi>findById(id).chain(rfi -> {
            Reader.ANONYMOUS.visibleOrNotFound(rfi, Rfi::isPublic, x -> List.of(), "RFI");
            return OcdsRelease.<OcdsRelease>list("rfiId = ?1 order by releasedAt, ocid, number", id).chain(kept -> {
                if (!kept.isEmpty()) {
                    List<ObjectNode> releases = kept.stream().map(k -> stored(k.release)).toList();
                    return Uni.createFrom().item(pack(rfi, releases, kept.get(kept.size() - 1).releasedAt));
                }
                return rfiRelease(rfi, tagsOf(rfi), rfi.version, rfi.updatedAt)
                        .map(release -> pack(rfi, List.of(release), rfi.updatedAt));
            });
        });
    }

    /**
     * The record package of a published RFI: a record per ocid (the RFI's, its procurement's), each linking its
     * releases in the release package and carrying the compiled release. Every kept release is a full snapshot
     * and no field is ever taken away, so the compiled release is the newest one, tagged {@code compiled}.
     */
    @WithSession
    public Uni<ObjectNode> recordPackage(UUID id) {
        return releasePackage(id).map(releases -> {
            ObjectNode p = json.createObjectNode();
            String uri = releases.path("uri").asText();
            p.put("uri", uri + "/record");
            p.put("version", "1.1");
            p.set("extensions", releases.path("extensions").deepCopy());
            p.put("publishedDate", releases.path("publishedDate").asText());
            p.set("publisher", releases.path("publisher").deepCopy());
            p.putArray("packages").add(uri);
            Map<String, ObjectNode> records = new LinkedHashMap<>();
            for (JsonNode release : releases.path("releases")) {
                ObjectNode record = records.computeIfAbsent(release.path("ocid").asText(), ocid -> {
                    ObjectNode r = json.createObjectNode();
                    r.put("ocid", ocid);
                    r.putArray("releases");
                    return r;
                });
                ObjectNode link = ((ArrayNode) record.path("releases")).addObject();
                link.put("url", uri + "#" + release.path("id").asText());
                link.put("date", release.path("date").asText());
                link.set("tag", release.path("tag").deepCopy());
                ObjectNode compiled = release.deepCopy();
                compiled.put("id", release.path("ocid").asText() + "-compiled");
                compiled.putArray("tag").add("compiled");
                record.set("compiledRelease", compiled);
            }
            ArrayNode list = p.putArray("records");
            records.values().forEach(list::add);
            return p;
        });
    }

    /** Publishes the RFI's release as it is now, in the caller's transaction. */
    public Uni<Void> recordRfi(Rfi rfi, List<String> tags, Instant at) {
        String ocid = ocid(rfi.id);
        return flushAndLock(ocid).chain(() -> rfiRelease(rfi, tags, 0, at))
                .chain(release -> append(ocid, rfi.id, release, at));
    }

    /** Publishes the procurement's release as it is now, in the caller's transaction. */
    public Uni<Void> recordProcurement(ProcurementFile f, Rfi rfi, List<String> tags, Instant at) {
        String ocid = ocid(f.procurement().id);
        return flushAndLock(ocid).chain(() -> KnownChallenge.<KnownChallenge>findById(rfi.challengeId))
                .chain(challenge -> append(ocid, rfi.id, procurementRelease(f, rfi, challenge, tags, at), at));
    }

    private static Uni<Void> flushAndLock(String ocid) {
        return Panache.getSession().chain(s -> s.flush().chain(() -> s.createNativeQuery(LOCK_OCID)
                .setParameter("ocid", ocid).executeUpdate())).replaceWithVoid();
    }

    private Uni<Void> append(String ocid, UUID rfiId, ObjectNode release, Instant at) {
        return OcdsRelease.<OcdsRelease>find("ocid = ?1 order by number desc", ocid).firstResult().chain(last -> {
            OcdsRelease r = new OcdsRelease();
            r.id = UUID.randomUUID();
            r.ocid = ocid;
            r.number = last == null ? 1 : last.number + 1;
            r.rfiId = rfiId;
            // Dated in the order of their numbers: a writer that read the clock before another took the lock
            // is dated with the one before it.
            r.releasedAt = last != null && last.releasedAt.isAfter(at) ? last.releasedAt : at;
            release.put("id", ocid + "-" + r.number);
            release.put("date", time(r.releasedAt));
            r.release = JsonText.write(release);
            return r.persist();
        }).replaceWithVoid();
    }

    /** What an RFI's state says, for an RFI without kept releases. */
    private static List<String> tagsOf(Rfi rfi) {
        return switch (rfi.status) {
            case CLOSED, EVALUATED -> List.of("tenderUpdate");
            case CANCELLED -> List.of("tenderCancellation");
            default -> rfi.amendments > 0 ? List.of("tender", "tenderAmendment") : List.of("tender");
        };
    }

    private Uni<ObjectNode> rfiRelease(Rfi rfi, List<String> tags, long number, Instant at) {
        UUID id = rfi.id;
        boolean closed = rfi.status == RfiStatus.CLOSED || rfi.status == RfiStatus.EVALUATED;
        return KnownChallenge.<KnownChallenge>findById(rfi.challengeId).chain(challenge -> Clarification
                .<Clarification>list("rfiId = ?1 and number is not null order by number", id)
                .chain(enquiries -> RfiAmendment.<RfiAmendment>list("key.rfiId = ?1 order by key.number", id)
                        .chain(amendments -> (closed ? RfiResponse.<RfiResponse>list("rfiId = ?1 and status = ?2"
                                + " order by submittedAt", id, ResponseStatus.SUBMITTED)
                                : Uni.createFrom().item(List.<RfiResponse>of()))
                                .map(tenderers -> release(rfi, challenge, enquiries, amendments, tenderers, tags,
                                        number, at)))));
    }

    private ObjectNode pack(Rfi rfi, List<ObjectNode> releases, Instant published) {
        ObjectNode p = json.createObjectNode();
        String base = config.ocds().publicBaseUri().replaceAll("/+$", "");
        p.put("uri", base + "/api/v1/rfis/" + rfi.id + "/ocds");
        p.put("version", "1.1");
        p.putArray("extensions").add(ENQUIRY_EXTENSION).add(LOTS_EXTENSION);
        p.put("publishedDate", time(published));
        ObjectNode publisher = p.putObject("publisher");
        publisher.put("name", config.ocds().publisherName());
        publisher.put("uri", base);
        ArrayNode list = p.putArray("releases");
        releases.forEach(list::add);
        return p;
    }

    private ObjectNode release(Rfi rfi, KnownChallenge challenge, List<Clarification> enquiries,
            List<RfiAmendment> amendments, List<RfiResponse> tenderers, List<String> tags, long number,
            Instant at) {
        String ocid = ocid(rfi.id);
        JsonNode c = challenge == null || challenge.publicData == null ? json.createObjectNode() : challenge.publicData;
        ObjectNode r = json.createObjectNode();
        r.put("ocid", ocid);
        r.put("id", ocid + "-" + number);
        r.put("date", time(at));
        ArrayNode tag = r.putArray("tag");
        tags.forEach(tag::add);
        r.put("initiationType", "tender");
        r.put("language", "sv");
        ObjectNode buyerRef = parties(r, rfi, c);
        r.set("planning", planning(c));
        ObjectNode tender = tender(rfi, c, buyerRef, enquiries, amendments);
        if (rfi.status == RfiStatus.CLOSED || rfi.status == RfiStatus.EVALUATED) {
            tenderers(r, tender, tenderers.stream().map(x -> Map.entry(x.organisationId, name(x.organisationName)))
                    .toList());
        }
        r.set("tender", tender);
        return r;
    }

    /** The buyer as a party and the buyer reference. */
    private ObjectNode parties(ObjectNode r, Rfi rfi, JsonNode c) {
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
        return buyerRef;
    }

    /** Tenderers by organisation name only (never a contact person), as parties and in the tender. */
    private void tenderers(ObjectNode r, ObjectNode tender, List<Map.Entry<UUID, String>> organisations) {
        Map<UUID, String> distinct = new LinkedHashMap<>();
        organisations.forEach(e -> distinct.putIfAbsent(e.getKey(), e.getValue()));
        tender.put("numberOfTenderers", distinct.size());
        ArrayNode list = tender.putArray("tenderers");
        ArrayNode parties = (ArrayNode) r.path("parties");
        distinct.forEach((id, name) -> {
            list.addObject().put("id", "utfall-org-" + id).put("name", name);
            party(parties, id, name, "tenderer");
        });
    }

    private static void party(ArrayNode parties, UUID id, String name, String role) {
        String partyId = "utfall-org-" + id;
        for (JsonNode p : parties) {
            if (partyId.equals(p.path("id").asText())) {
                boolean has = false;
                for (JsonNode x : p.path("roles")) {
                    has |= role.equals(x.asText());
                }
                if (!has) {
                    ((ArrayNode) p.path("roles")).add(role);
                }
                return;
            }
        }
        ObjectNode p = parties.addObject();
        p.put("id", partyId);
        p.put("name", name);
        p.putArray("roles").add(role);
    }

    private static String name(String organisationName) {
        return organisationName == null || organisationName.isBlank() ? "Okänd organisation" : organisationName;
    }

    /**
     * The procurement's release: its own ocid, related to the RFI's as its planning; the tender with the phases
     * as lots (value = budget, contractPeriod = window), the suppliers of phase 1 as tenderers once it closed,
     * an award and a contract per phase contract (related to the phase's lot) and per awarded contract.
     */
    private ObjectNode procurementRelease(ProcurementFile f, Rfi rfi, KnownChallenge challenge, List<String> tags,
            Instant at) {
        var p = f.procurement();
        JsonNode c = challenge == null || challenge.publicData == null ? json.createObjectNode() : challenge.publicData;
        String base = config.ocds().publicBaseUri().replaceAll("/+$", "");
        ObjectNode r = json.createObjectNode();
        r.put("ocid", ocid(p.id));
        r.put("id", ocid(p.id));
        r.put("date", time(at));
        ArrayNode tag = r.putArray("tag");
        tags.forEach(tag::add);
        r.put("initiationType", "tender");
        r.put("language", "sv");
        ObjectNode buyerRef = parties(r, rfi, c);
        ObjectNode related = r.putArray("relatedProcesses").addObject();
        related.put("id", "rfi");
        related.putArray("relationship").add("planning");
        related.put("title", rfi.title);
        related.put("scheme", "ocid");
        related.put("identifier", ocid(rfi.id));
        related.put("uri", base + "/api/v1/rfis/" + rfi.id + "/ocds");
        r.set("planning", planning(c));

        ObjectNode t = r.putObject("tender");
        t.put("id", p.id.toString());
        t.put("title", p.title);
        if (p.description != null) {
            t.put("description", p.description);
        }
        t.put("status", p.status == ProcurementStatus.AWARDED ? "complete" : "active");
        t.set("procuringEntity", buyerRef.deepCopy());
        t.put("procurementMethod", "selective");
        t.put("procurementMethodDetails", "Förkommersiell upphandling i faser (PCP) efter en förfrågan om"
                + " information: de utvalda leverantörerna bjuds in till fas 1, efter varje fas avgör en"
                + " grind vilka som går vidare, efter sista fasen tilldelas kontraktet. Faserna är delar (lots).");
        t.put("mainProcurementCategory", "services");
        Phase first = f.phases().get(0);
        BigDecimal total = f.phases().stream().map(ph -> ph.budget).reduce(BigDecimal.ZERO, BigDecimal::add);
        t.set("value", value(total, first.currency));
        ObjectNode period = t.putObject("tenderPeriod");
        period.put("startDate", time(first.opensAt));
        period.put("endDate", time(first.closesAt));
        t.put("awardCriteria", "ratedCriteria");
        t.put("awardCriteriaDetails", f.phases().stream().map(ph -> "Fas " + ph.number + ": " + ph.criteria()
                .stream().map(x -> x.name() + " " + x.weight() + " %").collect(Collectors.joining("; ")))
                .collect(Collectors.joining(". ")));
        ArrayNode items = t.putArray("items");
        ArrayNode lots = t.putArray("lots");
        Instant now = at;
        for (Phase ph : f.phases()) {
            String lotId = "phase-" + ph.number;
            ObjectNode item = items.addObject();
            item.put("id", lotId);
            item.put("description", ph.name + ": " + String.join("; ", ph.deliverables()));
            item.put("relatedLot", lotId);
            ObjectNode lot = lots.addObject();
            lot.put("id", lotId);
            lot.put("title", "Fas " + ph.number + ": " + ph.name);
            if (ph.description != null) {
                lot.put("description", ph.description);
            }
            lot.put("status", ph.isDecided() ? "complete" : ph.number == p.currentPhase ? "active" : "planned");
            lot.set("value", value(ph.budget, ph.currency));
            ObjectNode window = lot.putObject("contractPeriod");
            window.put("startDate", time(ph.opensAt));
            window.put("endDate", time(ph.closesAt));
        }
        if (first.hasClosed(now) || first.isDecided()) {
            tenderers(r, t, f.in(first).stream().filter(Participation::isIn)
                    .map(x -> Map.entry(x.organisationId, name(x.organisationName))).toList());
        }
        if (!f.contracts().isEmpty()) {
            ArrayNode awards = r.putArray("awards");
            ArrayNode contracts = r.putArray("contracts");
            ArrayNode parties = (ArrayNode) r.path("parties");
            for (ProcurementContract k : f.contracts()) {
                Phase ph = f.phases().stream().filter(x -> x.id.equals(k.phaseId)).findFirst().orElse(f.last());
                String title = k.kind == ContractKind.AWARD ? "Tilldelning efter fas " + ph.number
                        : "Fas " + ph.number + ": " + ph.name;
                ObjectNode a = awards.addObject();
                a.put("id", "award-" + k.id);
                a.put("title", title);
                a.put("status", "active");
                a.put("date", time(k.signedAt));
                a.set("value", value(k.value, k.currency));
                a.putArray("suppliers").addObject().put("id", "utfall-org-" + k.organisationId)
                        .put("name", name(k.organisationName));
                if (k.kind == ContractKind.PHASE) {
                    a.putArray("relatedLots").add("phase-" + ph.number);
                }
                party(parties, k.organisationId, name(k.organisationName), "supplier");
                ObjectNode x = contracts.addObject();
                x.put("id", k.id.toString());
                x.put("awardID", "award-" + k.id);
                x.put("title", title);
                x.put("status", "active");
                x.set("value", value(k.value, k.currency));
                ObjectNode term = x.putObject("period");
                term.put("startDate", time(Windows.startOf(k.startsOn, zone)));
                term.put("endDate", time(Windows.endOf(k.endsOn, zone).minusSeconds(1)));
                x.put("dateSigned", time(k.signedAt));
            }
        }
        return r;
    }

    private ObjectNode stored(String release) {
        try {
            return (ObjectNode) json.readTree(release);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A kept OCDS release is not JSON", e);
        }
    }

    private ObjectNode value(BigDecimal amount, String currency) {
        ObjectNode v = json.createObjectNode();
        v.put("amount", amount);
        v.put("currency", currency);
        return v;
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
