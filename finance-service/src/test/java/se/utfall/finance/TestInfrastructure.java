package se.utfall.finance;

import io.quarkus.test.common.QuarkusTestResource;
import se.utfall.testing.UtfallTestResource;

/**
 * Real PostgreSQL and Kafka for every test of this module (one instance per test JVM); the database is named after
 * the application ({@code finance_service}).
 */
@QuarkusTestResource(UtfallTestResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
