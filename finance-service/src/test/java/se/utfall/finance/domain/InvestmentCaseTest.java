package se.utfall.finance.domain;

import org.junit.jupiter.api.Test;
import se.utfall.money.Money;
import se.utfall.web.json.JsonText;
import se.utfall.web.problem.RuleViolation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The commitment rule and the fit, without a database. */
class InvestmentCaseTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private static InvestmentCase open(String capital) {
        InvestmentCase c = new InvestmentCase();
        c.id = UUID.randomUUID();
        c.capitalRequired = new BigDecimal(capital);
        c.committed = new BigDecimal("0.00");
        c.currency = "SEK";
        c.status = CaseStatus.OPEN;
        c.municipalityCode = "2161";
        c.sectors = JsonText.write(List.of("elderly-care"));
        c.sdgTargets = JsonText.write(List.of("3.8", "11.2"));
        c.outcomeGoalIds = JsonText.write(List.of());
        return c;
    }

    private static Investor investor(String min, String max, boolean national, List<String> municipalities) {
        Investor i = new Investor();
        i.sectors = JsonText.write(List.of("elderly-care"));
        i.sdgTargets = JsonText.write(List.of("3.8"));
        i.municipalityCodes = JsonText.write(municipalities);
        i.national = national;
        i.ticketMin = new BigDecimal(min);
        i.ticketMax = new BigDecimal(max);
        i.currency = "SEK";
        i.instruments = JsonText.write(List.of(Instrument.OUTCOME_BASED));
        return i;
    }

    @Test
    void commitmentsReachTheCapitalExactlyOnceAndNeverPassIt() {
        InvestmentCase c = open("2000000.00");
        assertThat(c.commit(Money.sek("1500000.00"), NOW)).isFalse();
        assertThatThrownBy(() -> c.commit(Money.sek("500000.01"), NOW)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.type()).isEqualTo("over-committed"));
        assertThat(c.committed).isEqualByComparingTo("1500000.00");
        assertThat(c.commit(Money.sek("500000.00"), NOW)).isTrue();
        assertThat(c.status).isEqualTo(CaseStatus.FUNDED);
        assertThat(c.fundedAt).isEqualTo(NOW);
        assertThat(c.remaining()).isEqualTo(Money.sek("0.00"));
        assertThatThrownBy(() -> c.commit(Money.sek("1.00"), NOW)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.type()).isEqualTo("case-not-open"));
        assertThatThrownBy(() -> c.release(Money.sek("500000.00"), NOW)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void aCommitmentInAnotherCurrencyIsRefused() {
        InvestmentCase c = open("1000.00");
        assertThatThrownBy(() -> c.commit(Money.of("10.00", "EUR"), NOW))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.problems().get(0).field())
                        .isEqualTo("amount.currency"));
    }

    @Test
    void aFittingMandateScoresFullAndSaysWhyInBothLanguages() {
        Fit fit = Fit.of(investor("100000.00", "900000.00", false, List.of("2161")), open("2000000.00"));
        assertThat(fit.score()).isEqualTo(100);
        assertThat(fit.eligible()).isTrue();
        assertThat(fit.reasons()).extracting(Fit.Reason::criterion)
                .containsExactly("sector", "sdg", "region", "ticket", "instrument", "return");
        assertThat(fit.reasons().get(2).sv()).isEqualTo("Kommun 2161 ingår i mandatet");
    }

    @Test
    void aMandateElsewhereOrWithTooLargeATicketIsNotEligibleAndSaysWhy() {
        Fit elsewhere = Fit.of(investor("100000.00", "900000.00", false, List.of("1270")), open("2000000.00"));
        assertThat(elsewhere.eligible()).isFalse();
        assertThat(elsewhere.reasons().get(2).matched()).isFalse();
        Fit tooLarge = Fit.of(investor("3000000.00", "5000000.00", true, List.of()), open("2000000.00"));
        assertThat(tooLarge.eligible()).isFalse();
        assertThat(tooLarge.reasons().get(3).en()).contains("3000000.00").contains("2000000.00");
    }
}
