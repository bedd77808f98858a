package se.utfall.finance;

import io.quarkus.test.junit.QuarkusTest;
import se.utfall.testing.ProtocolContractTests;

/** Every error of either port is a problem document; junk requests add no metrics series. */
@QuarkusTest
class ProtocolIT extends ProtocolContractTests {
}
