package se.utfall.events;

import java.util.regex.Pattern;

/**
 * Event type names follow {@code se.utfall.<aggregate>.<event>.v<major>}. Every type listed here has a JSON Schema
 * under {@code utfall/events/schemas/<type>.json}, checked by {@link EventSchemas}.
 */
public final class EventTypes {
    public static final String CHALLENGE_PUBLISHED = "se.utfall.challenge.published.v1";
    public static final String CHALLENGE_UPDATED = "se.utfall.challenge.updated.v1";
    public static final String CHALLENGE_CLOSED = "se.utfall.challenge.closed.v1";
    public static final String CHALLENGE_ARCHIVED = "se.utfall.challenge.archived.v1";
    public static final String WORKSHOP_SCHEDULED = "se.utfall.workshop.scheduled.v1";
    public static final String WORKSHOP_SEATS_CHANGED = "se.utfall.workshop.seats-changed.v1";
    public static final String WORKSHOP_UPDATED = "se.utfall.workshop.updated.v1";
    public static final String WORKSHOP_CANCELLED = "se.utfall.workshop.cancelled.v1";
    public static final String WORKSHOP_REGISTERED = "se.utfall.workshop.registered.v1";
    public static final String WORKSHOP_REGISTRATION_CANCELLED = "se.utfall.workshop.registration-cancelled.v1";
    public static final String RFI_PUBLISHED = "se.utfall.rfi.published.v1";
    public static final String RFI_OPENED = "se.utfall.rfi.opened.v1";
    public static final String RFI_CLOSED = "se.utfall.rfi.closed.v1";
    public static final String RFI_AMENDED = "se.utfall.rfi.amended.v1";
    public static final String RFI_CANCELLED = "se.utfall.rfi.cancelled.v1";
    public static final String RFI_EVALUATED = "se.utfall.rfi.evaluated.v1";
    public static final String CLARIFICATION_ANSWERED = "se.utfall.clarification.answered.v1";
    public static final String RESPONSE_SUBMITTED = "se.utfall.response.submitted.v1";
    public static final String RESPONSE_WITHDRAWN = "se.utfall.response.withdrawn.v1";
    public static final String PROCUREMENT_STARTED = "se.utfall.procurement.started.v1";
    public static final String PROCUREMENT_GATE_DECIDED = "se.utfall.procurement.gate-decided.v1";
    public static final String PROCUREMENT_AWARDED = "se.utfall.procurement.awarded.v1";
    public static final String PROCUREMENT_CONTRACT_SIGNED = "se.utfall.procurement.contract-signed.v1";
    public static final String RESPONSE_SHORTLISTED = "se.utfall.response.shortlisted.v1";
    public static final String RESPONSE_NOT_SHORTLISTED = "se.utfall.response.not-shortlisted.v1";
    public static final String CONSORTIUM_INVITED = "se.utfall.consortium.invited.v1";
    public static final String CONSORTIUM_ACCEPTED = "se.utfall.consortium.accepted.v1";
    public static final String CONSORTIUM_DECLINED = "se.utfall.consortium.declined.v1";
    public static final String CONSORTIUM_MEMBER_LEFT = "se.utfall.consortium.member-left.v1";
    public static final String CONSORTIUM_MEMBER_REMOVED = "se.utfall.consortium.member-removed.v1";
    public static final String MATCH_RECOMMENDED = "se.utfall.match.recommended.v1";
    public static final String CASE_OPENED = "se.utfall.case.opened.v1";
    public static final String CASE_FUNDED = "se.utfall.case.funded.v1";
    public static final String COMMITMENT_MADE = "se.utfall.commitment.made.v1";
    public static final String COMMITMENT_WITHDRAWN = "se.utfall.commitment.withdrawn.v1";
    public static final String CONTRACT_SIGNED = "se.utfall.contract.signed.v1";
    public static final String CLAIM_SUBMITTED = "se.utfall.claim.submitted.v1";
    public static final String CLAIM_VALIDATED = "se.utfall.claim.validated.v1";
    public static final String CLAIM_DISPUTED = "se.utfall.claim.disputed.v1";
    public static final String PAYMENT_DUE = "se.utfall.payment.due.v1";
    public static final String CONTRACT_VARIED = "se.utfall.contract.varied.v1";
    public static final String CONTRACT_TERMINATED = "se.utfall.contract.terminated.v1";
    public static final String OUTCOME_VERIFIED = "se.utfall.outcome.verified.v1";

    private static final Pattern NAME = Pattern.compile("se\\.utfall\\.[a-z][a-z-]*\\.[a-z][a-z-]*\\.v[1-9][0-9]*");

    public static boolean isWellFormed(String type) {
        return type != null && NAME.matcher(type).matches();
    }

    private EventTypes() {
    }
}
