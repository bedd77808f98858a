package se.utfall.finance.mapping;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.utfall.finance.domain.CaseStatus;
import se.utfall.finance.domain.Commitment;
import se.utfall.finance.domain.Disclosure;
import se.utfall.finance.domain.DisclosureStatus;
import se.utfall.finance.domain.InvestmentCase;
import se.utfall.finance.domain.KnownChallenge;
import se.utfall.finance.domain.OutcomeClaim;
import se.utfall.finance.domain.OutcomeContract;
import se.utfall.finance.domain.Payment;
import se.utfall.finance.domain.Period;
import se.utfall.finance.domain.Terms;
import se.utfall.finance.domain.Tranche;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A contract as an INDIGO project document (the Government Outcomes Lab's data standard for impact bonds): the
 * outcome metrics and their pricing, the payers' commitments, the payments made per metric and period, the
 * investments per tranche, the verified results, linked to the RFI's OCDS ocid. Per-field and per-row statuses
 * follow the contract's disclosure; a PRIVATE field is left out with its status PRIVATE. Investors are never named
 * (investments are summed per tranche). Identifiers: {@code INDIGO-POJ-utfall-<case id>} and
 * {@code INDIGO-ORG-utfall-<organisation id>}; periods become their first and last day; amounts are numbers next
 * to their currency, a metric's cap a string, as the schema has them.
 */
public final class IndigoExport {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    /** A payment row's key when the terms are PRIVATE: the period's total, not per metric. */
    private static final UUID PERIOD_TOTAL = new UUID(0, 3);

    private IndigoExport() {
    }

    /** What the document is made of; {@code terms}: the latest version. */
    public record Input(InvestmentCase c, OutcomeContract contract, Terms terms, KnownChallenge challenge,
            List<Commitment> commitments, List<Payment> payments, List<OutcomeClaim> validated, String ocid) {
    }

    public static ObjectNode project(Input in) {
        InvestmentCase c = in.c();
        Disclosure d = in.contract().disclosed();
        Terms t = in.terms();
        ObjectNode p = JSON.objectNode();
        p.put("id", "INDIGO-POJ-utfall-" + c.id);
        p.put("status", "PUBLIC");
        p.set("name", value(c.title));
        p.set("stage_development", value(stage(c.status)).put("status", "PUBLIC"));
        ObjectNode dates = JSON.objectNode();
        dates.set("outcomes_contract_signed", value(in.contract().signedAt.atZone(STOCKHOLM).toLocalDate()
                .toString()).put("status", "PUBLIC"));
        dates.set("anticipated_duration_of_service_provision", JSON.objectNode().put("value", c.durationMonths)
                .put("status", "PUBLIC"));
        p.set("dates", dates);
        p.set("open_contracting_datas", JSON.arrayNode().add(JSON.objectNode().put("ocid", in.ocid())
                .put("status", "PUBLIC")));
        BigDecimal paid = in.payments().stream().map(x -> x.total).reduce(BigDecimal.ZERO, BigDecimal::add);
        ObjectNode finance = JSON.objectNode();
        finance.set("total_investment_commitment", JSON.objectNode().<ObjectNode>set("currency", currency(c,
                d.investments())).set("amount", JSON.objectNode().set("exact", amount(c.committed,
                d.investments()))));
        finance.set("maximum_potential_outcome_payment_v2", JSON.objectNode().<ObjectNode>set("currency",
                currency(c, d.terms())).set("amount", amount(t.overallCap(), d.terms())));
        finance.set("total_outcome_payments_made", JSON.objectNode().<ObjectNode>set("currency", currency(c,
                d.payments())).set("amount", amount(paid, d.payments())));
        p.set("overall_project_finance", finance);

        Map<UUID, String> metricIds = new LinkedHashMap<>();
        Map<UUID, KnownChallenge.Goal> goals = new LinkedHashMap<>();
        if (in.challenge() != null) {
            in.challenge().goals().forEach(g -> goals.put(g.id(), g));
        }
        ArrayNode metrics = JSON.arrayNode();
        ArrayNode pricings = JSON.arrayNode();
        for (Terms.MetricTerm m : t.metrics()) {
            String id = "metric-" + m.goalId();
            metricIds.put(m.goalId(), id);
            KnownChallenge.Goal g = goals.get(m.goalId());
            ObjectNode metric = JSON.objectNode().put("id", id);
            if (g != null && g.indicator() != null) {
                metric.set("definition", value(g.indicator()));
            }
            if (g != null && g.targetValue() != null) {
                metric.set("outcome_metric_target", value(g.targetValue().toPlainString()
                        + (g.unit() == null ? "" : " " + g.unit())));
            }
            metrics.add(metric.put("status", "PUBLIC"));
            if (Disclosure.shown(d.terms())) {
                pricings.add(JSON.objectNode().<ObjectNode>set("outcome_metric_id", value(id))
                        .<ObjectNode>set("currency", value(c.currency))
                        .<ObjectNode>set("price_per_unit", JSON.objectNode().set("amount", number(m.pricePerUnit())))
                        .<ObjectNode>set("maximum_price_if_all_targets_achieved", JSON.objectNode().set("amount",
                                value(m.cap().setScale(2).toPlainString())))
                        .put("status", d.terms().name()));
            }
        }
        p.set("outcome_metrics", metrics);
        p.set("outcome_pricings", pricings);

        ArrayNode commitments = JSON.arrayNode();
        for (Terms.PayerTerm payer : Disclosure.shown(d.terms()) ? t.payers() : List.<Terms.PayerTerm>of()) {
            BigDecimal byPayer = in.payments().stream().map(x -> x.perPayerMap().getOrDefault(payer.organisationId(),
                    BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
            commitments.add(JSON.objectNode().<ObjectNode>set("organisation_id", value(org(payer.organisationId())))
                    .<ObjectNode>set("organisation_role_category", value("Government/Public Sector/Public Bank"))
                    .<ObjectNode>set("maximum_potential_outcome_payment", JSON.objectNode()
                            .<ObjectNode>set("currency", currency(c, d.terms()))
                            .set("amount", plainAmount(payer.cap(), d.terms())))
                    .<ObjectNode>set("total_outcome_payments", JSON.objectNode()
                            .<ObjectNode>set("currency", currency(c, d.payments()))
                            .set("amount", plainAmount(byPayer, d.payments())))
                    .put("status", "PUBLIC"));
        }
        p.set("outcome_payment_commitments", commitments);

        ArrayNode payments = JSON.arrayNode();
        if (Disclosure.shown(d.payments())) {
            for (Payment pay : in.payments()) {
                // Per metric only when the terms are published: amount ÷ units would tell a PRIVATE price.
                Map<UUID, BigDecimal> parts = Disclosure.shown(d.terms()) ? pay.perMetricMap()
                        : Map.of(PERIOD_TOTAL, pay.total);
                for (Map.Entry<UUID, BigDecimal> e : parts.entrySet()) {
                    ObjectNode row = JSON.objectNode();
                    if (metricIds.containsKey(e.getKey())) {
                        row.set("outcome_metric_id", value(metricIds.get(e.getKey())));
                    } else {
                        row.put("notes", e.getKey().equals(Terms.BASE) ? "Base payment for delivery as planned"
                                : e.getKey().equals(PERIOD_TOTAL) ? "The period's payment in all"
                                : "Compensation of an early termination");
                    }
                    row.set("period", Payment.TERMINATION.equals(pay.kind) ? day(pay.period) : period(pay.period));
                    row.set("type", value("Actual"));
                    row.set("money", JSON.objectNode().<ObjectNode>set("currency", value(c.currency))
                            .set("amount", number(e.getValue())));
                    payments.add(row.put("status", d.payments().name()));
                }
            }
        }
        p.set("outcome_payments", payments);

        ArrayNode investments = JSON.arrayNode();
        if (Disclosure.shown(d.investments())) {
            Map<Tranche, BigDecimal> byTranche = new EnumMap<>(Tranche.class);
            in.commitments().forEach(m -> byTranche.merge(m.tranche, m.amount, BigDecimal::add));
            byTranche.forEach((tranche, sum) -> {
                ObjectNode row = JSON.objectNode().put("id", "investment-" + tranche.name().toLowerCase());
                row.set("investment_commitment", JSON.objectNode().<ObjectNode>set("currency", value(c.currency))
                        .set("amount", JSON.objectNode().set("exact", number(sum))));
                if (tranche == Tranche.SENIOR || tranche == Tranche.SUBORDINATED) {
                    row.set("investment_type", value("Debt"));
                }
                row.put("notes", "The " + tranche.name() + " tranche, summed over its investors (never named)");
                investments.add(row.put("status", d.investments().name()));
            });
        }
        p.set("investments", investments);

        ArrayNode results = JSON.arrayNode();
        if (Disclosure.shown(d.results())) {
            for (OutcomeClaim claim : in.validated()) {
                claim.unitsByGoal().forEach((goal, units) -> {
                    if (metricIds.containsKey(goal)) {
                        results.add(JSON.objectNode().<ObjectNode>set("outcome_metric_id", value(metricIds.get(goal)))
                                .<ObjectNode>set("result_level", value("Outcome level"))
                                .<ObjectNode>set("result_type", value(t.isFinal(claim.period) ? "Final" : "Interim"))
                                .<ObjectNode>set("period", period(claim.period))
                                .<ObjectNode>set("outcomes_achieved", value(units.toPlainString()))
                                .<ObjectNode>set("outcomes_validator_organisation_ids",
                                        value(org(in.contract().verifierOrgId)))
                                .put("status", d.results().name()));
                    }
                });
            }
        }
        p.set("results", results);
        return p;
    }

    private static String stage(CaseStatus s) {
        return switch (s) {
            case CONTRACTED -> "Contracted";
            case COMPLETED, TERMINATED -> "Complete";
            default -> "Implementation";
        };
    }

    /** A period as its first and last day. */
    private static ObjectNode period(String period) {
        return JSON.objectNode().<ObjectNode>set("start_date", value(Period.start(period).toString()))
                .set("end_date", value(Period.end(period).toString()));
    }

    /** A termination's payment: its day. */
    private static ObjectNode day(String day) {
        return JSON.objectNode().<ObjectNode>set("start_date", value(day)).set("end_date", value(day));
    }

    private static String org(UUID id) {
        return "INDIGO-ORG-utfall-" + id;
    }

    private static ObjectNode value(String v) {
        return JSON.objectNode().put("value", v);
    }

    private static ObjectNode number(BigDecimal v) {
        return JSON.objectNode().put("value", v.setScale(2));
    }

    private static ObjectNode currency(InvestmentCase c, DisclosureStatus s) {
        return JSON.objectNode().put("value", c.currency).put("status", s.name());
    }

    /** An amount with its status: left out when PRIVATE. */
    private static ObjectNode amount(BigDecimal v, DisclosureStatus s) {
        ObjectNode n = JSON.objectNode();
        if (Disclosure.shown(s)) {
            n.put("value", v.setScale(2));
        }
        return n.put("status", s.name());
    }

    /** An amount in a row (no per-field status there): left out when PRIVATE. */
    private static ObjectNode plainAmount(BigDecimal v, DisclosureStatus s) {
        ObjectNode n = JSON.objectNode();
        if (Disclosure.shown(s)) {
            n.put("value", v.setScale(2));
        }
        return n;
    }
}
