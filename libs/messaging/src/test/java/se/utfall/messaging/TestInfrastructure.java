package se.utfall.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import se.utfall.testing.UtfallTestResource;

@QuarkusTestResource(value = UtfallTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "messaging"),
        @ResourceArg(name = "topics", value = "utfall.inboxtest.v1,utfall.relaytest.v1,utfall.purgetest.v1")})
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
