package se.utfall.it.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import se.utfall.events.Topics;
import se.utfall.testing.Kafka;
import se.utfall.testing.Postgres;
import se.utfall.testing.ServiceProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The login path a municipality's staff and its partners use, end to end: the production realm in a real
 * Keycloak 26.4, demo users from the dev import step, tokens obtained as the web app, the mobile app and a partner
 * system obtain them, and challenge-service in its production profile deciding what they may do. Also what happens
 * when Keycloak goes away: running replicas keep verifying with the keys they hold, a replica started during the
 * outage answers 503 with Retry-After (never 500) and recovers by itself when Keycloak is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakIdentityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEB_REDIRECT = "http://localhost:3000/signed-in";
    private static final String MOBILE_REDIRECT = "se.utfall.app:/oauth2redirect";
    private static final String PASSWORD = "demo-utfall-2026";
    private static final String LJUSDAL = "2161a000-0000-4000-8000-000000000001";

    private final HttpClient http = HttpClient.newHttpClient();
    private Postgres postgres;
    private Kafka kafka;
    private KeycloakServer keycloak;
    private ServiceProcess service;
    private Map<String, String> serviceEnvironment;
    private Path work;
    private String draftId;

    @BeforeAll
    void start() throws Exception {
        KeycloakServer.deleteRecursively(Path.of(System.getProperty("utfall.work")));
        work = Files.createDirectories(Path.of(System.getProperty("utfall.work")));
        Path home = Path.of(System.getProperty("utfall.keycloak.home"));
        Path realms = Path.of(System.getProperty("utfall.keycloak.realms"));
        KeycloakServer.deleteRecursively(home.resolve("data"));

        postgres = Postgres.startOrConnect(0);
        postgres.ensureDatabase("challenge_it");
        kafka = Kafka.startOrConnect(0);
        kafka.createTopics(Topics.provisioned());

        keycloak = new KeycloakServer(home, ServiceProcess.freePort(), work.resolve("keycloak.log"));
        keycloak.importAtStart(realms.resolve("utfall-realm.json"));
        Duration keycloakStart = keycloak.start();
        JsonNode imported = keycloak.partialImport(realms.resolve("dev-users.json"));
        assertThat(imported.path("added").asInt()).as("demo users added by the dev import step").isEqualTo(6);

        serviceEnvironment = new HashMap<>(Map.of(
                "DB_JDBC_URL", postgres.jdbcUrl("challenge_it"),
                "DB_REACTIVE_URL", postgres.reactiveUrl("challenge_it"),
                "DB_USER", postgres.user(),
                "DB_PASSWORD", postgres.password(),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "OIDC_AUTH_SERVER_URL", keycloak.realmUrl(),
                "OIDC_ISSUER", keycloak.realmUrl(),
                "OIDC_AUDIENCE", "utfall-api"));
        Instant begun = Instant.now();
        service = ServiceProcess.start(jar(), serviceEnvironment, work.resolve("service-1.log"));
        Duration serviceStart = service.awaitReady(begun);
        System.out.printf("Keycloak started in %d s, challenge-service (prod profile) ready in %d s%n",
                keycloakStart.toSeconds(), serviceStart.toSeconds());
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void aBuyerSignedInThroughTheWebAppCreatesAChallengeRecordedUnderTheirSub() throws Exception {
        JsonNode tokens = new Browser(keycloak).signIn("utfall-web", WEB_REDIRECT, "openid", "anna.ljusdal", PASSWORD);
        JsonNode access = claims(tokens.path("access_token").asText());
        assertThat(access.path("iss").asText()).isEqualTo(keycloak.realmUrl());
        assertThat(access.path("org_id").asText()).isEqualTo(LJUSDAL);
        assertThat(access.path("org_name").asText()).isEqualTo("Ljusdals kommun");
        assertThat(access.path("groups"))
                .as("only Utfall's roles, no default-roles-*, offline_access, uma_authorization")
                .containsExactly(JSON.getNodeFactory().textNode("buyer"));
        // Five-minute access tokens; Keycloak counts expires_in from its own clock, so a second boundary crossed
        // between issuing and answering gives 299 (seen in CI).
        assertThat(tokens.path("expires_in").asInt()).isBetween(295, 300);

        HttpResponse<String> created = call("POST", service.api("/api/v1/challenges"),
                tokens.path("access_token").asText(), ramsjo());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        draftId = JSON.readTree(created.body()).path("id").asText();
        String sub = access.path("sub").asText();
        assertThat(sub).isEqualTo(keycloak.user("anna.ljusdal").path("id").asText());
        assertThat(column("SELECT created_by FROM challenge WHERE id = ?", UUID.fromString(draftId)))
                .as("the audit records the person's stable sub, not the username").isEqualTo(sub);
    }

    @Test
    @Order(2)
    void anInnovatorIsForbiddenToCreate() throws Exception {
        JsonNode tokens = new Browser(keycloak).signIn("utfall-web", WEB_REDIRECT, "openid", "lena.ramsjolivs",
                PASSWORD);
        HttpResponse<String> refused = call("POST", service.api("/api/v1/challenges"),
                tokens.path("access_token").asText(), ramsjo());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    @Order(3)
    void theMobileAppSignsInWithPkceAndItsCustomSchemeRedirect() throws Exception {
        JsonNode tokens = new Browser(keycloak).signIn("utfall-mobile", MOBILE_REDIRECT, "openid", "erik.tomelilla",
                PASSWORD);
        JsonNode access = claims(tokens.path("access_token").asText());
        assertThat(access.path("groups")).containsExactly(JSON.getNodeFactory().textNode("buyer"));
        HttpResponse<String> created = call("POST", service.api("/api/v1/challenges"),
                tokens.path("access_token").asText(), ramsjo());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @Test
    @Order(4)
    void theWebAppGetsNoOfflineTokenAndItsRefreshTokensRotate() throws Exception {
        assertThat(new Browser(keycloak).authorizationError("utfall-web", WEB_REDIRECT, "openid offline_access"))
                .as("offline_access is not a scope of the web client").hasValue("invalid_scope");
        JsonNode tokens = new Browser(keycloak).signIn("utfall-web", WEB_REDIRECT, "openid", "anna.ljusdal", PASSWORD);
        String first = tokens.path("refresh_token").asText();
        var refreshed = keycloak.token(Map.of("grant_type", "refresh_token", "client_id", "utfall-web",
                "refresh_token", first));
        assertThat(refreshed.getKey()).isEqualTo(200);
        var reused = keycloak.token(Map.of("grant_type", "refresh_token", "client_id", "utfall-web",
                "refresh_token", first));
        assertThat(reused.getKey()).as("a used refresh token is refused: rotation").isEqualTo(400);
        assertThat(reused.getValue().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    @Order(5)
    void directPasswordGrantsAreOffForTheAppClients() throws Exception {
        for (String client : List.of("utfall-web", "utfall-mobile")) {
            var refused = keycloak.token(Map.of("grant_type", "password", "client_id", client,
                    "username", "anna.ljusdal", "password", PASSWORD));
            assertThat(refused.getKey()).as(client).isIn(400, 401);
            assertThat(refused.getValue().path("access_token").isMissingNode()).isTrue();
        }
    }

    @Test
    @Order(6)
    void aPartnerSystemReadsWhatAnonymousCallersReadAndWritesNothing() throws Exception {
        var response = keycloak.token(Map.of("grant_type", "client_credentials", "client_id", "utfall-partner",
                "client_secret", keycloak.clientSecret("utfall-partner")));
        assertThat(response.getKey()).as(response.getValue().toString()).isEqualTo(200);
        String token = response.getValue().path("access_token").asText();
        JsonNode access = claims(token);
        assertThat(access.path("groups").isMissingNode() || access.path("groups").isEmpty())
                .as("no user roles in a partner token: " + access).isTrue();
        assertThat(access.path("org_id").isMissingNode()).isTrue();
        assertThat(response.getValue().path("refresh_token").isMissingNode()).isTrue();

        assertThat(call("GET", service.api("/api/v1/challenges"), token, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", service.api("/api/v1/challenges/" + draftId), token, null).statusCode())
                .as("a draft is not public").isEqualTo(404);
        assertThat(call("POST", service.api("/api/v1/challenges"), token, ramsjo()).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(7)
    void aTokenWithoutSubIsRefusedThoughItCarriesRolesClientAndUsername() throws Exception {
        keycloak.createClient(probeClient("probe-without-basic", List.of("profile"), null));
        keycloak.addRoleScope("probe-without-basic", List.of("buyer"));
        var response = keycloak.token(Map.of("grant_type", "password", "client_id", "probe-without-basic",
                "username", "anna.ljusdal", "password", PASSWORD));
        assertThat(response.getKey()).as(response.getValue().toString()).isEqualTo(200);
        String token = response.getValue().path("access_token").asText();
        JsonNode access = claims(token);
        assertThat(access.has("sub")).as("precondition: no basic scope, no sub").isFalse();
        assertThat(access.path("azp").asText()).isEqualTo("probe-without-basic");
        assertThat(access.path("groups").toString()).contains("buyer");

        long before = count();
        HttpResponse<String> refused = call("POST", service.api("/api/v1/challenges"), token, ramsjo());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(count()).isEqualTo(before);
        assertThat(call("GET", service.api("/api/v1/challenges/mine"), token, null).statusCode())
                .as("reads too: a token that names no person is refused").isEqualTo(401);
    }

    @Test
    @Order(8)
    void anExpiredTokenIsRefused() throws Exception {
        keycloak.createClient(probeClient("probe-short-lived", List.of("basic", "profile"), "5"));
        keycloak.addRoleScope("probe-short-lived", List.of("buyer"));
        var response = keycloak.token(Map.of("grant_type", "password", "client_id", "probe-short-lived",
                "username", "anna.ljusdal", "password", PASSWORD));
        String token = response.getValue().path("access_token").asText();
        assertThat(call("POST", service.api("/api/v1/challenges"), token, ramsjo()).statusCode())
                .as("valid while fresh").isEqualTo(201);
        Thread.sleep(Duration.ofSeconds(7).toMillis());
        long before = count();
        assertThat(call("POST", service.api("/api/v1/challenges"), token, ramsjo()).statusCode()).isEqualTo(401);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    @Order(9)
    void repeatedWrongPasswordsLockTheAccountForAWhile() throws Exception {
        assertThat(new Browser(keycloak).trySignIn("utfall-web", WEB_REDIRECT, "openid", "maja.shic", PASSWORD))
                .as("the coordinator can sign in").isPresent();
        Browser browser = new Browser(keycloak);
        for (int i = 0; i < 5; i++) {
            // More than a second apart, so it is the failure count (5) that locks, not the quick-login check.
            Thread.sleep(1_200);
            browser.trySignIn("utfall-web", WEB_REDIRECT, "openid", "maja.shic", "wrong-password-" + i);
        }
        Thread.sleep(1_200);
        assertThat(new Browser(keycloak).trySignIn("utfall-web", WEB_REDIRECT, "openid", "maja.shic", PASSWORD))
                .as("brute-force detection: the right password is refused during the lock-out").isEmpty();
    }

    @Test
    @Order(10)
    void withKeycloakAwayRunningReplicasKeepWorkingAndANewReplicaAnswers503UntilItIsBack() throws Exception {
        String token = new Browser(keycloak).signIn("utfall-web", WEB_REDIRECT, "openid", "anna.ljusdal", PASSWORD)
                .path("access_token").asText();
        keycloak.stop();

        HttpResponse<String> running = call("POST", service.api("/api/v1/challenges"), token, ramsjo());
        assertThat(running.statusCode()).as("verified with the keys it already holds: " + running.body())
                .isEqualTo(201);
        assertThat(call("GET", service.management("/q/health/group/identity"), null, null).statusCode())
                .as("the identity health group tells the operator").isEqualTo(503);
        assertThat(call("GET", service.management("/q/health/ready"), null, null).statusCode())
                .as("readiness does not take every replica out of service for a shared provider").isEqualTo(200);
        assertThat(call("GET", service.api("/api/v1/challenges/mine"), token, null).statusCode()).isEqualTo(200);

        Instant begun = Instant.now();
        try (ServiceProcess replica = ServiceProcess.start(jar(), serviceEnvironment, work.resolve("service-2.log"))) {
            replica.awaitReady(begun);
            long before = count();
            HttpResponse<String> unavailable = call("POST", replica.api("/api/v1/challenges"), token, ramsjo());
            assertThat(unavailable.statusCode()).as(unavailable.body()).isEqualTo(503);
            assertThat(unavailable.headers().firstValue("Retry-After")).hasValueSatisfying(
                    v -> assertThat(Integer.parseInt(v)).isPositive());
            assertThat(unavailable.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(unavailable.body()).path("status").asInt()).isEqualTo(503);
            assertThat(call("POST", replica.api("/api/v1/challenges"), token, ramsjo()).statusCode()).isEqualTo(503);
            assertThat(count()).isEqualTo(before);
            assertThat(call("GET", replica.api("/api/v1/challenges"), null, null).statusCode())
                    .as("anonymous reads need no provider").isEqualTo(200);
            assertThat(call("GET", replica.management("/q/health/ready"), null, null).statusCode()).isEqualTo(200);
            assertThat(call("GET", replica.management("/q/health/group/identity"), null, null).statusCode())
                    .isEqualTo(503);

            keycloak.start();
            await("the replica verifies tokens once Keycloak is back").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                            call("POST", replica.api("/api/v1/challenges"), token, ramsjo()).statusCode())
                            .isEqualTo(201));
            assertThat(call("GET", replica.management("/q/health/group/identity"), null, null).statusCode())
                    .isEqualTo(200);
            String log = replica.log();
            assertThat(log.split("is unreachable", -1).length - 1).as("the outage is logged once").isEqualTo(1);
            assertThat(log).contains("is reachable again").doesNotContain(token)
                    .as("no warning per request").doesNotContain("OIDC server is not available at");
            await("the running replica notices the end of the outage by itself").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(service.log()).contains("is reachable again"));
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static Path jar() {
        return Path.of(System.getProperty("utfall.service.jar"));
    }

    /** A client for one test: direct grants so the test needs no login form, the mappers of utfall-web. */
    private static Map<String, Object> probeClient(String clientId, List<String> scopes, String lifespanSeconds) {
        Map<String, Object> attributes = new HashMap<>();
        if (lifespanSeconds != null) {
            attributes.put("access.token.lifespan", lifespanSeconds);
        }
        return Map.of("clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true,
                "standardFlowEnabled", false, "fullScopeAllowed", false, "defaultClientScopes", scopes,
                "optionalClientScopes", List.of(), "attributes", attributes,
                "protocolMappers", List.of(
                        mapper("audience", "oidc-audience-mapper", Map.of("included.custom.audience", "utfall-api",
                                "access.token.claim", "true")),
                        mapper("groups", "oidc-usermodel-realm-role-mapper", Map.of("claim.name", "groups",
                                "multivalued", "true", "access.token.claim", "true", "jsonType.label", "String")),
                        mapper("org_id", "oidc-usermodel-attribute-mapper", Map.of("user.attribute", "org_id",
                                "claim.name", "org_id", "access.token.claim", "true", "jsonType.label", "String"))));
    }

    private static Map<String, Object> mapper(String name, String type, Map<String, String> config) {
        return Map.of("name", name, "protocol", "openid-connect", "protocolMapper", type, "config", config);
    }

    private HttpResponse<String> call(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private long count() throws Exception {
        return Long.parseLong(column("SELECT count(*) FROM challenge WHERE ? IS NOT NULL", "all"));
    }

    private String column(String sql, Object parameter) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("challenge_it"), postgres.user(),
                postgres.password()); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String ramsjo() {
        return """
                {"title":"Dagliga måltider för äldre i Ramsjö",
                 "summary":"Äldre i Ramsjö får i dag matlådor en gång i veckan. Vi söker ett sätt \
                att ge dem ett lagat mål mat varje dag.",
                 "problemStatement":"Äldre i byn vill ha färsk mat varje dag, nära hemmet.",
                 "targetGroup":"Äldre med beslut om matdistribution i Ramsjö",
                 "locality":"Ramsjö","municipalityCode":"2161","sectors":["elderly-care","food"]}""";
    }
}
