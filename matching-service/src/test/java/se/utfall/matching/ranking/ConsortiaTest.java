package se.utfall.matching.ranking;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A consortium suggestion says which activities nobody in it covers; a quality such as "local" is none. */
class ConsortiaTest {
    @Test
    void whatIsStillMissingIsAnActivityNeverAQualityLikeLocal() {
        Need need = new Need("N", "Lokal mat för äldre i Ramsjö", "Äldre i byn behöver varm mat varje dag, lagad"
                + " lokalt och levererad hem; i dag kommer matlådor en gång i veckan.", "Äldre i Ramsjö",
                List.of("food"), "2161", "Ramsjö", "sv");
        Profile kitchen = new Profile("kitchen", "Campingens kök", "LOCAL_BUSINESS", "Vi lagar mat i campingens"
                + " kök.", List.of("laga mat"), List.of("food"), List.of("2161"), "sv");
        Profile shop = new Profile("shop", "Byns affär", "LOCAL_BUSINESS", "Vi kör hem varor till äldre.",
                List.of("hemleverans"), List.of("food"), List.of("2161"), "sv");
        Concepts concepts = Concepts.standard();
        List<Ranker.Match> ranked = new Ranker(concepts, List.of(kitchen, shop)).rank(need, 10);
        List<Consortia.Suggestion> suggestions = new Consortia(concepts).suggest(need, ranked, 3);

        assertThat(suggestions).isNotEmpty();
        for (Consortia.Suggestion s : suggestions) {
            assertThat(s.missing()).allMatch(concepts::isPlaceBound);
            assertThat(s.missing().stream().map(c -> concepts.name(c, "sv"))).doesNotContain("lokal");
        }
    }
}
