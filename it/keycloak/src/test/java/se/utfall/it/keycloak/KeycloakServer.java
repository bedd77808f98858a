package se.utfall.it.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The Keycloak server distribution with the production realm: {@code kc.sh start-dev} (its embedded H2 database and
 * plain HTTP; production runs {@code start} on PostgreSQL behind TLS, deploy/k8s/base/keycloak.yaml — realm import,
 * hostname and token behaviour are the same) with a pinned hostname (so {@code iss} is stable whatever address a
 * client uses), the realm imported at first start, demo users applied afterwards through the admin API's partial
 * import, as {@code deploy/keycloak/README.md} describes.
 * Can be stopped and started again on the same port and data (the realm and its signing keys survive).
 */
final class KeycloakServer implements AutoCloseable {
    static final String REALM = "utfall";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    KeycloakServer(Path home, int port, Path log) {
        this.home = home;
        this.port = port;
        this.log = log;
    }

    /** The realm URL, also the issuer of its tokens. */
    String realmUrl() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    /** Copies the production realm to the import directory; Keycloak imports it at its first start. */
    void importAtStart(Path realmFile) throws IOException {
        Path dir = Files.createDirectories(home.resolve("data/import"));
        Files.copy(realmFile, dir.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    Duration start() throws Exception {
        Instant begun = Instant.now();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=http://127.0.0.1:" + port,
                "--import-realm", "--health-enabled=false", "--log-level=WARN")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", javaHome());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "it-admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "it-admin-password");
        process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create(realmUrl() + "/.well-known/openid-configuration")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return Duration.between(begun, Instant.now());
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not serve its discovery document within 4 minutes; see " + log);
    }

    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** Applies a partial-import file (users, clients) with the admin API; the operator's "import step". */
    JsonNode partialImport(Path file) throws Exception {
        return admin("POST", "/partialImport", Files.readString(file));
    }

    JsonNode client(String clientId) throws Exception {
        return admin("GET", "/clients?clientId=" + clientId, null).get(0);
    }

    String clientSecret(String clientId) throws Exception {
        return admin("GET", "/clients/" + client(clientId).path("id").asText() + "/client-secret", null)
                .path("value").asText();
    }

    /** Creates a client for a test only (never in the realm files). */
    void createClient(Map<String, Object> representation) throws Exception {
        admin("POST", "/clients", JSON.writeValueAsString(representation));
    }

    /** Gives a client the realm roles it may put in its users' tokens (the realm's clients do not have all). */
    void addRoleScope(String clientId, List<String> roles) throws Exception {
        StringBuilder body = new StringBuilder("[");
        for (String role : roles) {
            if (body.length() > 1) {
                body.append(',');
            }
            body.append(JSON.writeValueAsString(admin("GET", "/roles/" + role, null)));
        }
        admin("POST", "/clients/" + client(clientId).path("id").asText() + "/scope-mappings/realm",
                body.append(']').toString());
    }

    JsonNode user(String username) throws Exception {
        return admin("GET", "/users?exact=true&username=" + username, null).get(0);
    }

    /** The token endpoint with a form body; answers the status and the JSON. */
    Map.Entry<Integer, JsonNode> token(Map<String, String> form) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(realmUrl()
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), HttpResponse.BodyHandlers.ofString());
        return Map.entry(r.statusCode(), JSON.readTree(r.body()));
    }

    static String form(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private JsonNode admin(String method, String path, String body) throws Exception {
        var adminToken = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password",
                        "client_id", "admin-cli", "username", "it-admin", "password", "it-admin-password"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        String access = JSON.readTree(adminToken.body()).path("access_token").asText();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/realms/"
                + REALM + path)).header("Authorization", "Bearer " + access);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    /**
     * Keycloak 26 needs Java 21 or later: {@code KEYCLOAK_JAVA_HOME}, else the Temurin 25 JDK of this kind of
     * machine, else the running JVM.
     */
    static String javaHome() {
        String configured = System.getenv("KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path temurin = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        if (Files.isExecutable(temurin.resolve("bin/java"))) {
            return temurin.toString();
        }
        return System.getProperty("java.home");
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
