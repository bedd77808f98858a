package se.utfall.challenge.repository;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PositionalParametersTest {

    @Test
    void aNameUsedTwiceIsOnePositionAndCastsAreLeftAlone() {
        List<Object> values = new ArrayList<>();
        String sql = ChallengeSearch.positional(
                "SELECT x::text FROM t WHERE a = :q OR b @> ARRAY[CAST(:org AS text)] OR c = :q LIMIT :limit",
                Map.of("q", "måltider", "org", "o", "limit", 20L), values);
        assertEquals("SELECT x::text FROM t WHERE a = $1 OR b @> ARRAY[CAST($2 AS text)] OR c = $1 LIMIT $3", sql);
        assertEquals(List.of("måltider", "o", 20L), values);
    }

    @Test
    void aNameWithoutAValueIsABug() {
        assertThrows(IllegalArgumentException.class,
                () -> ChallengeSearch.positional("SELECT :missing", Map.of(), new ArrayList<>()));
    }
}
