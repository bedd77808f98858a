package se.utfall.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import se.utfall.testing.UtfallTestResource;

@QuarkusTestResource(value = UtfallTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
