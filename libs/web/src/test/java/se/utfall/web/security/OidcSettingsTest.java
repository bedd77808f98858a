package se.utfall.web.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OidcSettingsTest {
    private static final Optional<String> ISSUER = Optional.of("https://auth.example.org/realms/utfall");
    private static final Optional<String> AUDIENCE = Optional.of("utfall-api");

    private static String bearer(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "Bearer " + b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    /** A missing OIDC_ISSUER must stop the start, naming the variable and the host-name pitfall. */
    @Test
    void aServiceWithoutAPinnedIssuerOrAProviderDoesNotStart() {
        assertThat(OidcSettings.problems(Optional.of("https://auth.example.org/realms/utfall"), Optional.empty(),
                ISSUER, AUDIENCE)).isEmpty();
        assertThat(OidcSettings.problems(Optional.of("https://auth.example.org/realms/utfall"), Optional.empty(),
                Optional.of(" "), AUDIENCE)).singleElement().asString().contains("OIDC_ISSUER").contains("127.0.0.1");
        assertThat(OidcSettings.problems(Optional.empty(), Optional.empty(), ISSUER, AUDIENCE)).singleElement()
                .asString().contains("OIDC_AUTH_SERVER_URL");
        assertThat(OidcSettings.problems(Optional.empty(), Optional.of("MIIB..."), ISSUER, Optional.empty()))
                .singleElement().asString().contains("OIDC_AUDIENCE");
    }

    @Test
    void aRefusedTokenIsExplainedByExpectedAndActualIssuerOrAudienceWithoutTheToken() {
        String otherHost = bearer("{\"iss\":\"http://127.0.0.1:8080/realms/utfall\",\"aud\":\"utfall-api\",\"sub\":\"x\"}");
        assertThat(OidcSettings.mismatch(otherHost, ISSUER, AUDIENCE)).get().asString()
                .startsWith("issuer: expected https://auth.example.org/realms/utfall, the token has"
                        + " http://127.0.0.1:8080/realms/utfall")
                .doesNotContain(otherHost.substring(7));
        assertThat(OidcSettings.mismatch(bearer("{\"iss\":\"https://auth.example.org/realms/utfall\","
                + "\"aud\":[\"account\"]}"), ISSUER, AUDIENCE)).get().asString()
                .startsWith("audience: expected utfall-api");
        assertThat(OidcSettings.mismatch(bearer("{\"iss\":\"https://auth.example.org/realms/utfall\","
                + "\"aud\":[\"account\",\"utfall-api\"]}"), ISSUER, AUDIENCE)).isEmpty();
        assertThat(OidcSettings.mismatch("Bearer not-a-jwt", ISSUER, AUDIENCE)).isEmpty();
        assertThat(OidcSettings.mismatch(null, ISSUER, AUDIENCE)).isEmpty();
        assertThat(OidcSettings.mismatch(bearer("{\"iss\":\"https://evil\\nWARN forged log line\"}"), ISSUER,
                AUDIENCE)).get().asString().doesNotContain("\n").contains("https://evil?WARN forged log line");
    }
}
