package se.utfall.it.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static guards on what an operator deploys, so an edit cannot quietly undo them: the production realm has no users
 * and its clients stay locked down; the deployment's issuer is the pinned Keycloak hostname.
 */
class RealmAndDeploymentTest {
    private static final Path REALMS = Path.of(System.getProperty("utfall.keycloak.realms"));
    private static final Path KUSTOMIZATION = REALMS.resolve("../k8s/base/kustomization.yaml");

    @Test
    void theProductionRealmHasNoUsersAndLockedDownClients() throws Exception {
        JsonNode realm = new ObjectMapper().readTree(REALMS.resolve("utfall-realm.json").toFile());
        assertThat(realm.path("users").isMissingNode() || realm.path("users").isEmpty()).isTrue();
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("passwordPolicy").asText()).contains("length(12)");
        assertThat(realm.path("revokeRefreshToken").asBoolean()).isTrue();
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            assertThat(client.path("fullScopeAllowed").asBoolean(true)).as(id + ": only Utfall's roles in tokens")
                    .isFalse();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(true)).as(id).isFalse();
            assertThat(client.path("optionalClientScopes").toString() + client.path("defaultClientScopes"))
                    .as(id + ": no offline tokens").doesNotContain("offline_access");
            if (client.path("publicClient").asBoolean()) {
                assertThat(client.path("attributes").path("pkce.code.challenge.method").asText()).as(id)
                        .isEqualTo("S256");
                assertThat(client.path("redirectUris").toString()).as(id + ": parameterised redirect URIs")
                        .contains("${UTFALL_");
            } else {
                assertThat(client.has("secret")).as(id + ": no secret in the repository").isFalse();
            }
        }
    }

    @Test
    void theServicesPinTheIssuerOfThePinnedKeycloakHostname() throws Exception {
        Map<String, String> literals = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*-\\s*([A-Z_]+)=(\\S+)\\s*$").matcher(Files.readString(KUSTOMIZATION));
        while (m.find()) {
            literals.put(m.group(1), m.group(2));
        }
        String issuer = literals.get("KC_HOSTNAME") + "/realms/" + KeycloakServer.REALM;
        assertThat(literals).containsEntry("OIDC_ISSUER", issuer).containsEntry("OIDC_AUTH_SERVER_URL", issuer)
                .containsEntry("CORS_ORIGINS", literals.get("UTFALL_WEB_ORIGIN"));
    }
}
