package se.utfall.matching.ranking;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Ramsjö lesson, in small: the local actors who can do the job first, not the obvious or the same-named. */
class RankerTest {
    private static final Need RAMSJO = new Need("N", "Dagliga måltider för äldre i Ramsjö",
            "Äldre i byn Ramsjö behöver en varm måltid varje dag; i dag körs kylda matlådor från tätorten en gång"
                    + " i veckan.", "Äldre med hemtjänst i Ramsjö", List.of("elderly-care", "food"), "2161",
            "Ramsjö", "sv");

    private static Profile profile(String key, String name, String description, List<String> capabilities,
            List<String> regions, String language) {
        return new Profile(key, name, "LOCAL_BUSINESS", description, capabilities, List.of("food"), regions,
                language);
    }

    @Test
    void theVillageKitchenBeatsTheNationalMealBoxAndTheSameNamedHotel() {
        Profile kitchen = profile("kitchen", "Ramsjö Camping (kök)", "Campingens kök lagar husmanskost varje dag"
                + " och kan köra ut lunch till byborna.", List.of("laga mat", "hemleverans"), List.of("2161"), "sv");
        Profile mealBox = profile("box", "Matlådan Sverige AB", "Kylda matlådor för äldre, levererade med bud"
                + " en gång i veckan i hela landet.", List.of("matlådor", "leverans"), List.of("SE"), "sv");
        Profile hotel = profile("hotel", "Ramsjö Hotell & Konferens", "Konferenser och övernattning i Ramsjö;"
                + " Ramsjö Ramsjö Ramsjö, äldre byggnad vid sjön.", List.of("konferens", "logi"), List.of("2161"),
                "sv");
        Profile english = profile("en", "Hudiksvall Community Kitchen", "We cook fresh hot meals and deliver them"
                + " to older people's homes every day.", List.of("cooking", "home delivery"), List.of("2184", "2161"),
                "en");
        List<Ranker.Match> ranked = new Ranker(Concepts.standard(), List.of(hotel, mealBox, kitchen, english))
                .rank(RAMSJO, 10);
        List<String> order = ranked.stream().map(m -> m.profile().key()).toList();
        assertThat(order.indexOf("kitchen")).isLessThan(order.indexOf("box"));
        assertThat(order.indexOf("en")).isLessThan(order.indexOf("box"));
        assertThat(order.indexOf("hotel") < 0 || order.indexOf("hotel") > order.indexOf("kitchen")).isTrue();
        assertThat(ranked.get(0).placeBound()).isTrue();
    }

    @Test
    void aLocalProviderIsConsideredHoweverManyOthersUseMoreOfTheNeedsWords() {
        List<Profile> profiles = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            profiles.add(profile("far" + i, "Måltidsservice " + i, "Dagliga varma måltider för äldre, kylda"
                    + " matlådor från tätorten varje vecka.", List.of("måltider", "matlådor"), List.of("0180"), "sv"));
        }
        profiles.add(profile("local", "Byns kafé", "Kafé som serverar lunch.", List.of(), List.of("2161"), "sv"));
        List<Ranker.Match> ranked = new Ranker(Concepts.standard(), profiles).rank(RAMSJO, 10);
        // On words it comes last of 401, far outside the candidates; serving the village, it is first.
        assertThat(ranked.get(0).profile().key()).isEqualTo("local");
        assertThat(ranked.get(0).text()).isLessThan(ranked.get(1).text());
    }

    @Test
    void changesAreRankedWithoutBuildingAnew() {
        Profile kitchen = profile("kitchen", "Ramsjö Camping (kök)", "Campingens kök lagar husmanskost varje dag.",
                List.of("laga mat"), List.of("2161"), "sv");
        Profile shop = profile("shop", "Ramsjö Livs", "Byns affär kör hem varor till äldre.", List.of("hemleverans"),
                List.of("2161"), "sv");
        Ranker ranker = new Ranker(Concepts.standard(), List.of(kitchen, shop));
        assertThat(ranker.rank(RAMSJO, 10)).extracting(m -> m.profile().key())
                .containsExactlyInAnyOrder("kitchen", "shop");

        // The kitchen closes and sells antiques instead; a café opens.
        Profile antiques = profile("kitchen", "Antikhandeln", "Antikviteter och kuriosa.", List.of(),
                List.of("0180"), "sv");
        Profile cafe = profile("cafe", "Byns kafé", "Kaféet lagar lunch och kör ut varm mat till äldre i byn.",
                List.of("laga mat", "hemleverans"), List.of("2161"), "sv");
        ranker.apply(List.of(antiques, cafe), List.of());
        assertThat(ranker.rank(RAMSJO, 10)).extracting(m -> m.profile().key())
                .containsExactlyInAnyOrder("cafe", "shop");
        assertThat(ranker.size()).isEqualTo(3);
        assertThat(ranker.superseded()).isEqualTo(1);
        assertThat(ranker.profile("kitchen")).contains(antiques);

        ranker.apply(List.of(), List.of("cafe", "no-such-key"));
        assertThat(ranker.rank(RAMSJO, 10)).extracting(m -> m.profile().key()).containsExactly("shop");
        assertThat(ranker.size()).isEqualTo(2);
        assertThat(ranker.profile("cafe")).isEmpty();
    }

    @Test
    void repeatingAWordBuysNothing() {
        Profile once = profile("once", "Sjövillan", "Konferens och logi vid sjön. Äldre trähus.",
                List.of("konferens"), List.of("2161"), "sv");
        Profile stuffed = profile("stuffed", "Sjövillan", "Konferens och logi vid sjön. Äldre trähus. Äldre, äldre,"
                + " äldre, äldre, äldre, äldre, äldre, äldre, äldre, äldre, äldre, äldre!", List.of("konferens",
                "konferens", "konferens"), List.of("2161"), "sv");
        Profile kitchen = profile("kitchen", "Ramsjö Camping (kök)", "Campingens kök lagar husmanskost varje dag"
                + " och kan köra ut lunch till byns äldre.", List.of("laga mat", "hemleverans"), List.of("2161"), "sv");
        List<Ranker.Match> ranked = new Ranker(Concepts.standard(), List.of(stuffed, once, kitchen)).rank(RAMSJO, 10);
        assertThat(ranked.get(0).profile().key()).isEqualTo("kitchen");
        double onceScore = ranked.stream().filter(m -> m.profile().key().equals("once")).findFirst().orElseThrow()
                .score();
        double stuffedScore = ranked.stream().filter(m -> m.profile().key().equals("stuffed")).findFirst()
                .orElseThrow().score();
        assertThat(stuffedScore).isCloseTo(onceScore, within(1e-9));
    }

    @Test
    void theKommunBeforeTheLanBeforeElsewhereAndNationalServesWhereNothingIsDoneOnSite() {
        List<String> ljusdal = List.of("2161");
        List<String> hudiksvall = List.of("2184");
        List<String> vetlanda = List.of("0685");
        List<String> national = List.of("SE");
        assertThat(Ranker.locality("2161", ljusdal, true)).isGreaterThan(Ranker.locality("2161", hudiksvall, true));
        assertThat(Ranker.locality("2161", hudiksvall, true)).isGreaterThan(Ranker.locality("2161", national, true));
        assertThat(Ranker.locality("2161", national, true)).isGreaterThan(Ranker.locality("2161", vetlanda, true));
        assertThat(Ranker.locality("2161", vetlanda, true)).isZero();
        // A digital service can serve anywhere when the need is not done on site.
        assertThat(Ranker.locality("2161", national, false)).isEqualTo(Ranker.locality("2161", ljusdal, false));
    }
}
