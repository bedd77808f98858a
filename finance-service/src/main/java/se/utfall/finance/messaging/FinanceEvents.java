package se.utfall.finance.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.events.EventTypes;
import se.utfall.messaging.outbox.Outbox;

/**
 * The events this service publishes, written to the outbox in the caller's transaction: cases as public
 * aggregates ({@code utfall.finance.v1}), commitments internally ({@code utfall.internal.finance.v1}); all keyed by
 * the case, so a case's news arrive in order.
 */
@ApplicationScoped
public class FinanceEvents {
    private final Outbox outbox;

    public FinanceEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> caseOpened(CaseEventData data) {
        return caseEvent(EventTypes.CASE_OPENED, data);
    }

    public Uni<Void> caseFunded(CaseEventData data) {
        return caseEvent(EventTypes.CASE_FUNDED, data);
    }

    public Uni<Void> commitmentMade(CommitmentEventData data) {
        return commitment(EventTypes.COMMITMENT_MADE, data);
    }

    public Uni<Void> commitmentWithdrawn(CommitmentEventData data) {
        return commitment(EventTypes.COMMITMENT_WITHDRAWN, data);
    }

    /** {@code type}: contract signed or varied. */
    public Uni<Void> contract(String type, ContractEventData data) {
        return outbox.append(type, data.caseId().toString(), "cases/" + data.caseId() + "/contract", data)
                .replaceWithVoid();
    }

    public Uni<Void> contractTerminated(TerminationEventData data) {
        return outbox.append(EventTypes.CONTRACT_TERMINATED, data.caseId().toString(), "cases/" + data.caseId()
                + "/contract", data).replaceWithVoid();
    }

    public Uni<Void> outcomeVerified(OutcomeEventData data) {
        return outbox.append(EventTypes.OUTCOME_VERIFIED, data.caseId().toString(), "cases/" + data.caseId()
                + "/results/" + data.claimId(), data).replaceWithVoid();
    }

    /** {@code type}: one of the {@code se.utfall.claim.*} types. */
    public Uni<Void> claim(String type, ClaimEventData data) {
        return outbox.append(type, data.caseId().toString(), "cases/" + data.caseId() + "/claims/" + data.id(),
                data).replaceWithVoid();
    }

    public Uni<Void> paymentDue(PaymentEventData data) {
        return outbox.append(EventTypes.PAYMENT_DUE, data.caseId().toString(), "cases/" + data.caseId()
                + "/payments/" + data.id(), data).replaceWithVoid();
    }

    private Uni<Void> caseEvent(String type, CaseEventData data) {
        return outbox.append(type, data.id().toString(), "cases/" + data.id(), data).replaceWithVoid();
    }

    private Uni<Void> commitment(String type, CommitmentEventData data) {
        return outbox.append(type, data.caseId().toString(), "cases/" + data.caseId() + "/commitments/" + data.id(),
                data).replaceWithVoid();
    }
}
