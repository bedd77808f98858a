package se.utfall.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.UUID;

/**
 * Requests against the service under test as the people who use it: a role of an organisation (a token signed
 * by this test JVM's key, see {@link UtfallTestResource}), anonymous, or the operator on the management port.
 * Every service's tests start here; their own fixtures hold only their domain's bodies and organisations.
 */
public final class Api {
    private Api() {
    }

    public static Tokens tokens() {
        return UtfallTestResource.tokens();
    }

    /** A token for one person with {@code role} in {@code org}; the subject names the role and organisation. */
    public static String token(String role, UUID org) {
        return tokens().token(role + "-" + (org == null ? "none" : org.toString().substring(0, 8)), role, org);
    }

    public static String buyer(UUID org) {
        return token("buyer", org);
    }

    public static String innovator(UUID org) {
        return token("innovator", org);
    }

    public static String investor(UUID org) {
        return token("investor", org);
    }

    public static String coordinator(UUID org) {
        return token("coordinator", org);
    }

    /** The platform operator: no organisation of its own. */
    public static String admin() {
        return tokens().token("admin-support", "admin", null);
    }

    /** A JSON request with a bearer token. */
    public static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A JSON request without a token. */
    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON);
    }

    /** The management interface (health, metrics), which is not on the API port. */
    public static RequestSpecification management() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return RestAssured.given().port(port);
    }
}
