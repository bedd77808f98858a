package se.utfall.challenge;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import se.utfall.testing.UtfallTestResource;

/** Real PostgreSQL and Kafka for every test of this module (one instance per test JVM). */
@QuarkusTestResource(value = UtfallTestResource.class, initArgs = @ResourceArg(name = "database", value = "challenge"))
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
