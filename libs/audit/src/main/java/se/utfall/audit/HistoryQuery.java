package se.utfall.audit;

import io.quarkus.panache.common.Parameters;

import java.util.UUID;

/**
 * Which entries of a subject's history a reader gets: all, the public ones, those of one organisation, or all
 * but some actions. The service decides which applies to whom; the library only runs it.
 */
public record HistoryQuery(Subject subject, boolean onlyPublic, UUID organisation, String excludedActionPrefix) {

    public static HistoryQuery of(Subject subject) {
        return new HistoryQuery(subject, false, null, null);
    }

    /** Only entries marked public (e.g. a published challenge's amendments, for anyone). */
    public HistoryQuery publicOnly() {
        return new HistoryQuery(subject, true, organisation, excludedActionPrefix);
    }

    /** Only what this organisation did (a respondent sees its own actions). */
    public HistoryQuery byOrganisation(UUID organisation) {
        return new HistoryQuery(subject, onlyPublic, organisation, excludedActionPrefix);
    }

    /** Leaves out actions starting with {@code prefix} (e.g. {@code CONSORTIUM_} for the buyer). */
    public HistoryQuery excludingActionsStartingWith(String prefix) {
        return new HistoryQuery(subject, onlyPublic, organisation, prefix);
    }

    String where() {
        StringBuilder q = new StringBuilder("subjectType = :type and subjectId = :id");
        if (onlyPublic) {
            q.append(" and publicEntry = true");
        }
        if (organisation != null) {
            q.append(" and actorOrgId = :org");
        }
        if (excludedActionPrefix != null) {
            q.append(" and action not like :prefix escape '!'");
        }
        return q.toString();
    }

    Parameters parameters() {
        Parameters p = Parameters.with("type", subject.type()).and("id", subject.id());
        if (organisation != null) {
            p = p.and("org", organisation);
        }
        if (excludedActionPrefix != null) {
            p = p.and("prefix", excludedActionPrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_")
                    + "%");
        }
        return p;
    }
}
