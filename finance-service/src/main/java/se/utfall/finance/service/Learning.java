package se.utfall.finance.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.events.CloudEvent;
import se.utfall.events.EventTypes;
import se.utfall.finance.domain.KnownChallenge;
import se.utfall.finance.repository.ReadModels;
import se.utfall.messaging.inbox.PoisonEventException;
import se.utfall.money.Money;
import se.utfall.web.json.TextInput;
import se.utfall.web.json.JsonText;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What finance-service learns from events, never by calling another service: challenges (their buyers, sectors,
 * SDG targets and outcome goals) and the buyers' decisions on responses. A tolerant reader: other types and
 * unknown fields are ignored; an id that is not a UUID cannot get better by retrying and is poison.
 */
@ApplicationScoped
public class Learning {
    public static final String CHALLENGE_CONSUMER = "finance-service.challenges";
    public static final String RESPONSE_CONSUMER = "finance-service.responses";
    private static final Set<String> CHALLENGE_TYPES = Set.of(EventTypes.CHALLENGE_PUBLISHED,
            EventTypes.CHALLENGE_UPDATED, EventTypes.CHALLENGE_CLOSED, EventTypes.CHALLENGE_ARCHIVED);

    private final ReadModels models;

    public Learning(ReadModels models) {
        this.models = models;
    }

    /** Applies a challenge event in the inbox's transaction. */
    public Uni<Void> challenge(CloudEvent event) {
        if (!CHALLENGE_TYPES.contains(event.type())) {
            return Uni.createFrom().voidItem();
        }
        JsonNode d = event.data();
        UUID owner = uuid(d.path("ownerOrgId").asText(), "ownerOrgId");
        Set<UUID> buyers = new LinkedHashSet<>();
        buyers.add(owner);
        d.path("coBuyerOrgIds").forEach(n -> buyers.add(uuid(n.asText(), "coBuyerOrgIds")));
        List<UUID> goals = new ArrayList<>();
        List<KnownChallenge.Goal> described = new ArrayList<>();
        d.path("outcomeGoals").forEach(g -> {
            UUID id = uuid(g.path("id").asText(), "outcomeGoals.id");
            goals.add(id);
            described.add(new KnownChallenge.Goal(id, text(g, "indicator"), text(g, "unit"),
                    number(g, "baselineValue"), number(g, "targetValue")));
        });
        return models.challenge(new ReadModels.ChallengeRow(uuid(d.path("id").asText(), "id"),
                d.path("version").asLong(), d.path("status").asText(), owner, JsonText.write(List.copyOf(buyers)),
                d.path("title").asText(), text(d, "municipalityCode"), JsonText.write(texts(d.path("sectors"))),
                JsonText.write(texts(d.path("sdgTargets"))), JsonText.write(goals),
                JsonText.write(described)), event.id(), at(event));
    }

    /**
     * Applies a response decision or an awarded procurement contract in the inbox's transaction; submissions,
     * consortium news and phase contracts are not needed.
     */
    public Uni<Void> response(CloudEvent event) {
        if (EventTypes.PROCUREMENT_CONTRACT_SIGNED.equals(event.type())) {
            return award(event);
        }
        boolean shortlisted = EventTypes.RESPONSE_SHORTLISTED.equals(event.type());
        if (!shortlisted && !EventTypes.RESPONSE_NOT_SHORTLISTED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        JsonNode d = event.data();
        JsonNode cost = d.path("estimatedAnnualCost");
        BigDecimal amount = cost.path("amount").isNumber() ? cost.path("amount").decimalValue() : null;
        Instant decided = instant(text(d, "decidedAt"), "decidedAt");
        return models.decision(new ReadModels.DecisionRow(uuid(d.path("id").asText(), "id"),
                uuid(d.path("rfiId").asText(), "rfiId"), uuid(d.path("challengeId").asText(), "challengeId"),
                uuid(d.path("organisationId").asText(), "organisationId"), text(d, "organisationName"), amount,
                amount == null ? null : cost.path("currency").asText("SEK"), shortlisted,
                decided == null ? at(event) : decided), event.id());
    }

    /** A contract awarded after the last phase (kind AWARD); a phase contract (PHASE) is not finance's business. */
    private Uni<Void> award(CloudEvent event) {
        JsonNode d = event.data();
        if (!"AWARD".equals(d.path("kind").asText())) {
            return Uni.createFrom().voidItem();
        }
        JsonNode value = d.path("value");
        BigDecimal amount = value.path("amount").isNumber() ? value.path("amount").decimalValue() : null;
        Optional<String> problem = Money.problem(amount);
        if (problem.isPresent() || !isCurrency(value.path("currency").asText())) {
            // Stored, it would break every read of the case (or not fit its column): it cannot get better.
            throw new PoisonEventException("value is not an amount of money (" + problem.orElse("currency")
                    + "): " + value);
        }
        Instant signed = instant(text(d, "signedAt"), "signedAt");
        if (signed == null || signed.atOffset(ZoneOffset.UTC).getYear() > TextInput.MAX_YEAR
                || signed.atOffset(ZoneOffset.UTC).getYear() < TextInput.MIN_YEAR) {
            throw new PoisonEventException("signedAt is missing or beyond the years this service keeps");
        }
        return models.award(new ReadModels.AwardRow(uuid(d.path("id").asText(), "id"),
                uuid(d.path("procurementId").asText(), "procurementId"), uuid(d.path("rfiId").asText(), "rfiId"),
                uuid(d.path("responseId").asText(), "responseId"),
                uuid(d.path("organisationId").asText(), "organisationId"), text(d, "ocid"),
                amount, value.path("currency").asText(), date(d, "startsOn"),
                date(d, "endsOn"), signed), event.id());
    }

    private static LocalDate date(JsonNode d, String field) {
        try {
            LocalDate day = LocalDate.parse(d.path(field).asText());
            if (day.getYear() < TextInput.MIN_YEAR || day.getYear() > TextInput.MAX_YEAR) {
                throw new PoisonEventException(field + " is beyond the years this service keeps: " + day);
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(field + " is not a date: " + d.path(field).asText());
        }
    }

    private static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code);
            return code.matches("[A-Z]{3}");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Instant at(CloudEvent event) {
        return event.time() == null ? Instant.now() : event.time();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String text(JsonNode d, String field) {
        JsonNode n = d.path(field);
        return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }

    private static BigDecimal number(JsonNode d, String field) {
        JsonNode n = d.path(field);
        return n.isNumber() ? n.decimalValue() : null;
    }

    private static Instant instant(String value, String field) {
        try {
            return value == null ? null : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(field + " is not a date-time: " + value);
        }
    }

    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(field + " is not a UUID: " + value);
        }
    }
}
