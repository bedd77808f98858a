package se.utfall.matching.service;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.utfall.testing.Db;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fingerprint PostgreSQL computes over the profiles is the one the index computes over what it took in: were
 * they to differ, every replica would compare all rows every second, for nothing.
 */
@QuarkusTest
class ProfileFingerprintIT {

    @Test
    void theDatabaseAndTheIndexHashRowsAlike() {
        for (int i = 0; i < 3; i++) {
            Db.execute("INSERT INTO profile (id, org_id, name, type, description, capabilities, sectors,"
                    + " regions_served, languages, version, created_at, created_by, updated_at) VALUES (?::uuid,"
                    + " ?::uuid, 'Fingeravtryck', 'COMPANY', 'Ett test.', '[]', '[]', '[\"SE\"]', '[]', 0, now(),"
                    + " 'test', now())", UUID.randomUUID().toString(), UUID.randomUUID().toString());
        }
        List<Map<String, Object>> rows = Db.rows("SELECT id::text AS id, generation FROM profile");
        BigInteger sum = BigInteger.ZERO;
        for (Map<String, Object> r : rows) {
            sum = sum.add(BigInteger.valueOf(ProfileIndex.hash((String) r.get("id"),
                    ((Number) r.get("generation")).longValue())));
        }
        String stored = (String) Db.rows(ProfileIndex.FINGERPRINT).get(0).get("fingerprint");
        assertThat(stored).isEqualTo(rows.size() + ":" + sum);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
    }
}
