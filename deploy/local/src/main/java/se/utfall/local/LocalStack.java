package se.utfall.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.utfall.events.Topics;
import se.utfall.messaging.inbox.DeadLetterRedrive;
import se.utfall.testing.Kafka;
import se.utfall.testing.Postgres;
import se.utfall.testing.Tokens;

import java.math.BigDecimal;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite on one machine: embedded PostgreSQL (a database per service), an embedded Kafka broker, every
 * service as its own process, demo data from the seed texts, and ready-to-use tokens. Ctrl-C stops everything.
 */
public final class LocalStack {
    /** {@code -Dutfall.lan=true}: listen on every interface, for a demo on the local network; loopback otherwise. */
    private static final boolean LAN = Boolean.getBoolean("utfall.lan");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The services that exist, with their ports. Later services add themselves here. */
    private static final List<Service> SERVICES = List.of(
            new Service("challenge-service", "challenge", 8081, 9081),
            new Service("rfi-service", "rfi", 8082, 9082),
            new Service("matching-service", "matching", 8083, 9083),
            new Service("finance-service", "finance", 8084, 9084));

    /** A service: its API port, and its management port (health, metrics). */
    private record Service(String name, String database, int port, int managementPort) {
        String base() {
            return "http://localhost:" + port;
        }

        String management() {
            return "http://localhost:" + managementPort;
        }
    }

    /**
     * JVM settings of each service (override with -Dutfall.service.jvm="..."): a small heap and the serial
     * collector, which on two cores served reads and writes as fast as -Xmx512m with G1 and 50 MB less RSS.
     */
    static final String SERVICE_JVM = "-Xmx128m -XX:+UseSerialGC";

    private final Path root;
    private final Path work;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final ApiClient api = new ApiClient(http, JSON);
    private final List<Callable<String>> evaluatedLater = new ArrayList<>();
    private Postgres postgres;
    private Kafka kafka;
    /** The first published demo challenge (Ramsjö), for the banner's examples. */
    private String demoNeed;

    private LocalStack(Path root) {
        this.root = root;
        this.work = root.resolve(".local-stack");
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("outbox-drain")) {
            OutboxDrainBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("redrive")) {
            DeadLetterRedrive.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("latency")) {
            CommitLatency.run(System.getProperty("utfall.kafka", "localhost:19092"),
                    args.length > 1 ? args[1] : "utfall.challenges.v1",
                    args.length > 2 ? Integer.parseInt(args[2]) : 60);
            return;
        }
        if (args.length > 0 && args[0].equals("tail")) {
            TailEvents.run(System.getProperty("utfall.kafka", "localhost:19092"),
                    args.length > 1 ? args[1] : "utfall.challenges.v1");
            return;
        }
        Path root = Path.of(System.getProperty("utfall.root", ".")).toAbsolutePath().normalize();
        while (root != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException("Run from inside the Utfall checkout");
        }
        LocalStack stack = new LocalStack(root);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
        try {
            stack.start();
        } catch (Exception | Error e) {
            System.err.println("[utfall] Could not start the local stack: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        new CountDownLatch(1).await();
    }

    private void start() throws Exception {
        Files.createDirectories(work.resolve("logs"));
        int pgPort = Integer.getInteger("utfall.pg.port", 15432);
        int kafkaPort = Integer.getInteger("utfall.kafka.port", 19092);
        if (LAN) {
            System.setProperty("utfall.pg.listen", "*");
            say("-Dutfall.lan=true: the services and PostgreSQL listen on every interface (Kafka stays on loopback)");
        }
        say("Starting PostgreSQL on port " + pgPort + " ...");
        postgres = Postgres.startOrConnect(pgPort);
        say("Starting Kafka on localhost:" + kafkaPort + " ...");
        kafka = quietly(() -> Kafka.startOrConnect(kafkaPort));
        // The broker creates no topics by itself: provision every catalogue topic with its dead-letter topic.
        kafka.createTopics(Topics.provisioned());
        Tokens tokens = new Tokens(Tokens.newKeyPair());
        // The running stack's signing key, for deploy/local/tokens.sh (bench and manual tests); owner-readable only.
        Path keys = work.resolve("jwt-keys.env");
        Files.writeString(keys, "UTFALL_JWT_PRIVATE_KEY=" + tokens.privateKeyBase64() + "\nUTFALL_JWT_PUBLIC_KEY="
                + tokens.publicKeyBase64() + "\n");
        keys.toFile().setReadable(false, false);
        keys.toFile().setReadable(true, true);

        for (Service s : SERVICES) {
            postgres.ensureDatabase(s.database());
            launch(s, tokens);
        }
        for (Service s : SERVICES) {
            awaitReady(s);
        }
        Map<String, Org> orgs = organisations();
        loadDemoData(orgs, tokens);
        printBanner(orgs, tokens);
        // RFIs that go through their whole life need their window to pass: after the banner, in the background.
        Thread later = new Thread(() -> evaluatedLater.forEach(demo -> {
            try {
                say("  demo: " + demo.call());
            } catch (Exception e) {
                say("  demo: an evaluated RFI could not be completed: " + e.getMessage());
            }
        }), "demo-evaluation");
        later.setDaemon(true);
        later.start();
    }

    private void launch(Service s, Tokens tokens) throws IOException {
        Path jar = root.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; build first: ./mvnw install -DskipTests");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(Arrays.asList(System.getProperty("utfall.service.jvm", SERVICE_JVM).trim().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_PROFILE", "local");
        // Loopback only: a laptop in a café must not serve its demo data and tokens to the network.
        String host = LAN ? "0.0.0.0" : "127.0.0.1";
        env.put("QUARKUS_HTTP_HOST", host);
        env.put("QUARKUS_MANAGEMENT_HOST", host);
        env.put("PORT", Integer.toString(s.port()));
        env.put("MANAGEMENT_PORT", Integer.toString(s.managementPort()));
        env.put("DB_JDBC_URL", postgres.jdbcUrl(s.database()));
        env.put("DB_REACTIVE_URL", postgres.reactiveUrl(s.database()));
        env.put("DB_USER", postgres.user());
        env.put("DB_PASSWORD", postgres.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        // A clearly fake ocid prefix: a real publisher registers its own with the Open Contracting Partnership.
        env.put("UTFALL_RFI_OCDS_OCID_PREFIX", DEMO_OCID_PREFIX);
        env.put("UTFALL_FINANCE_OCID_PREFIX", DEMO_OCID_PREFIX);
        env.put("UTFALL_JWT_PUBLIC_KEY", tokens.publicKeyBase64());
        env.put("OIDC_ISSUER", Tokens.ISSUER);
        env.put("OIDC_AUDIENCE", Tokens.AUDIENCE);
        File log = work.resolve("logs").resolve(s.name() + ".log").toFile();
        pb.redirectErrorStream(true).redirectOutput(log);
        say("Starting " + s.name() + " on port " + s.port() + " (log: " + root.relativize(log.toPath()) + ")");
        processes.add(pb.start());
    }

    private void awaitReady(Service s) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.management()
                        + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(s.name() + " exited; see .local-stack/logs/" + s.name() + ".log");
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(s.name() + " not ready after 3 minutes");
    }

    /** Not registered with the Open Contracting Partnership, and says so: only the local demo uses it. */
    static final String DEMO_OCID_PREFIX = "ocds-demo00";

    private record Org(String key, String id, String name, String role) {
    }

    private Map<String, Org> organisations() throws IOException {
        Map<String, Org> orgs = new LinkedHashMap<>();
        for (JsonNode o : resource("demo/organisations.json").path("organisations")) {
            orgs.put(o.path("key").asText(), new Org(o.path("key").asText(), o.path("id").asText(),
                    o.path("name").asText(), o.path("role").asText()));
        }
        return orgs;
    }

    /** A demo organisation's token by key; {@code <key>-2} is a second person of it (another evaluator). */
    private String demoToken(Tokens tokens, Map<String, Org> orgs, String key) {
        if (key.endsWith("-2")) {
            Org org = orgs.get(key.substring(0, key.length() - 2));
            return tokens.token(org.key() + "-" + org.role() + "-2", org.role(), UUID.fromString(org.id()),
                    org.name(), Duration.ofHours(12));
        }
        return token(tokens, orgs.get(key));
    }

    private String token(Tokens tokens, Org org) {
        return tokens.token(org.key() + "-" + org.role(), org.role(), UUID.fromString(org.id()), org.name(),
                Duration.ofHours(12));
    }

    /** Demo data goes through the public API, so it is validated, audited and announced like real data. */
    private void loadDemoData(Map<String, Org> orgs, Tokens tokens) throws Exception {
        demoProfiles(orgs, tokens);
        String challenges = SERVICES.get(0).base() + "/api/v1/challenges";
        for (JsonNode c : resource("demo/challenges.json").path("challenges")) {
            Org owner = orgs.get(c.path("owner").asText());
            String token = token(tokens, owner);
            ObjectNode body = (ObjectNode) c.path("body").deepCopy();
            if (c.has("coBuyers")) {
                ArrayNode co = body.putArray("coBuyerOrgIds");
                c.path("coBuyers").forEach(k -> co.add(orgs.get(k.asText()).id()));
            }
            JsonNode created = api.call("POST", challenges, token, body, 201);
            String id = created.path("id").asText();
            if (c.path("publish").asBoolean()) {
                api.call("POST", challenges + "/" + id + "/publish", token, null, 200,
                        "\"" + created.path("version").asLong() + "\"");
            }
            for (JsonNode w : c.path("workshops")) {
                Instant start = Instant.now().plus(w.path("startsInDays").asInt(14), ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.HOURS);
                ObjectNode wb = JSON.createObjectNode().put("title", w.path("title").asText())
                        .put("description", w.path("description").asText())
                        .put("startsAt", start.toString())
                        .put("endsAt", start.plus(w.path("hours").asInt(3), ChronoUnit.HOURS).toString())
                        .put("location", w.path("location").asText()).put("capacity", w.path("capacity").asInt());
                JsonNode workshop = api.call("POST", challenges + "/" + id + "/workshops", token, wb, 201);
                for (String registrant : List.of("ramsjo-livs", "ramsjo-camping")) {
                    Org org = orgs.get(registrant);
                    api.call("POST", SERVICES.get(0).base() + "/api/v1/workshops/" + workshop.path("id").asText()
                            + "/registrations", token(tokens, org), JSON.createObjectNode(), 201);
                }
            }
            say("  demo: " + (c.path("publish").asBoolean() ? "published " : "draft     ") + body.path("title")
                    .asText() + (c.path("publish").asBoolean() ? " (" + id + ")" : ""));
            if (c.path("publish").asBoolean() && demoNeed == null) {
                demoNeed = id;
            }
            if (c.path("rfi").path("demo").asText().equals("evaluated") && Boolean.getBoolean("utfall.bench")) {
                evaluatedLater.add(() -> benchCase(c, orgs, tokens));
            }
            if (c.path("rfi").path("demo").asText().equals("evaluated")) {
                evaluatedLater.add(() -> {
                    DemoEvaluatedRfi demo = new DemoEvaluatedRfi(api, SERVICES.get(1).base(),
                            key -> demoToken(tokens, orgs, key));
                    String line = demo.run(id, c.path("owner").asText(), c.path("rfi"));
                    return demo.shortlisted().isEmpty() ? line
                            : line + "; " + demoCase(demo.shortlisted().get(0), token, orgs, tokens);
                });
            } else if (c.has("rfi")) {
                demoRfi(id, c.path("rfi"), token, orgs, tokens);
            }
            if (c.has("procurement")) {
                Map<String, String> keys = new HashMap<>();
                orgs.values().forEach(o -> keys.put(o.id(), o.key()));
                evaluatedLater.add(() -> new DemoProcurement(api, SERVICES.get(1).base(),
                        key -> demoToken(tokens, orgs, key), keys).run(id, c.path("owner").asText(),
                        c.path("procurement")));
            }
        }
    }

    /**
     * finance-service, the whole way: the impact fund's and a foundation's mandates, a case for the first shortlisted
     * response of the demo (opened by the buyer; finance learns the decision from rfi-service's events, so the
     * first attempts may be 409 not-yet-known), a senior loan and a first-loss guarantee that fund it, a scenario
     * preview, the outcome contract (40 % base payment, a price per child reached, three payment points, RISE as
     * verifier), the first half-year's claim validated and paid through the waterfall, and a line of the savings
     * ledger: the summary and the INDIGO export then show a financed case in delivery.
     */
    private String demoCase(String responseId, String buyer, Map<String, Org> orgs, Tokens tokens) throws Exception {
        String finance = SERVICES.get(3).base();
        String fund = token(tokens, orgs.get("impact-fund"));
        String foundation = token(tokens, orgs.get("barn-stiftelse"));
        api.call("PUT", finance + "/api/v1/investors/mine", fund, resource("demo/mandate.json"), 201);
        api.call("PUT", finance + "/api/v1/investors/mine", foundation, resource("demo/mandate-foundation.json"), 201);
        ObjectNode body = JSON.createObjectNode().put("responseId", responseId).put("durationMonths", 24);
        body.putObject("capitalRequired").put("amount", new BigDecimal("2000000.00")).put("currency", "SEK");
        JsonNode opened = null;
        for (int attempt = 0; opened == null; attempt++) {
            try {
                opened = api.call("POST", finance + "/api/v1/cases", buyer, body, 201);
            } catch (IllegalStateException e) {
                if (attempt >= 60 || !e.getMessage().contains("not-yet-known")) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
        String caseId = opened.path("id").asText();
        String base = finance + "/api/v1/cases/" + caseId;
        commit(base, fund, "1200000.00", "SENIOR");
        commit(base, foundation, "800000.00", "FIRST_LOSS_GUARANTEE");
        String goal = opened.path("outcomeGoalIds").get(0).asText();
        ObjectNode terms = JSON.createObjectNode();
        terms.putArray("metrics").addObject().put("goalId", goal).<ObjectNode>set("pricePerUnit", sek("15000.00"))
                .set("cap", sek("1600000.00"));
        terms.set("overallCap", sek("2400000.00"));
        terms.put("returnCapPercent", 12);
        ObjectNode scenario = terms.deepCopy();
        ArrayNode paths = scenario.putArray("paths");
        for (Object[] p : new Object[][] {{"low", 10}, {"expected", 35}, {"high", 60}}) {
            ArrayNode periods = paths.addObject().put("name", (String) p[0]).putArray("unitsPerPeriod");
            for (int k = 0; k < 4; k++) {
                periods.addArray().add((Integer) p[1]);
            }
        }
        api.call("POST", base + "/scenarios", buyer, scenario, 200);
        terms.put("basePaymentPercent", 40);
        ArrayNode points = terms.putArray("paymentPoints");
        points.addObject().put("period", "2027-H1").put("kind", "INTERIM");
        points.addObject().put("period", "2027-H2").put("kind", "INTERIM");
        points.addObject().put("period", "2028-H1").put("kind", "FINAL");
        terms.put("verifierOrgId", orgs.get("shic").id());
        api.call("POST", base + "/contract", buyer, terms, 201);
        ObjectNode claim = JSON.createObjectNode().put("period", "2027-H1").put("deliveredAsPlanned", true)
                .put("evidence", "Elevhälsans och socialtjänstens journaler, sammanställda av kommunen (demo)");
        claim.putArray("units").addObject().put("goalId", goal).put("units", 30);
        JsonNode claimed = api.call("POST", base + "/claims", demoToken(tokens, orgs, "osterlen-unga"), claim, 201);
        JsonNode paid = api.call("POST", finance + "/api/v1/claims/" + claimed.path("id").asText() + "/validate",
                token(tokens, orgs.get("shic")), null, 200, "\"" + claimed.path("version").asLong() + "\"");
        ObjectNode savings = JSON.createObjectNode().put("goalId", goal).put("period", "2027-H1")
                .put("method", "Jämförelse med samma åldersgrupp 2022-2024 (demo)")
                .put("source", "Tomelilla kommun, individ- och familjeomsorgen (demo)").put("deadweightPercent", 15)
                .put("attributionPercent", 80).put("cashablePercent", 60)
                .put("budgetHolder", "Tomelilla kommun, individ- och familjeomsorgen");
        savings.set("baselineCost", sek("2100000.00"));
        savings.set("actualCost", sek("900000.00"));
        api.call("POST", base + "/savings", buyer, savings, 201);
        return "investment case " + caseId + " (2 000 000 SEK funded; contract signed; 2027-H1 paid "
                + paid.path("total").path("amount").decimalValue().setScale(2).toPlainString() + " SEK; summary "
                + base + "/summary, INDIGO " + base + "/indigo)";
    }

    /**
     * For bench/run.sh (with {@code -Dutfall.bench=true}): a case with 20 outcome goals and 10 investors, so a
     * scenario preview computes payments with distributions at that size. The challenge is the evaluated demo one
     * with 20 goals, its RFI runs its whole life, the first shortlisted response gets the case; each investor
     * commits 200 000. Written to .local-stack/bench-case.json (case id and goal ids) when funded.
     */
    private String benchCase(JsonNode demo, Map<String, Org> orgs, Tokens tokens) throws Exception {
        Org owner = orgs.get(demo.path("owner").asText());
        String buyer = token(tokens, owner);
        ObjectNode body = (ObjectNode) demo.path("body").deepCopy();
        body.put("title", "Benchmark: tjugo effektmål");
        ArrayNode goals = body.putArray("outcomeGoals");
        for (int i = 1; i <= 20; i++) {
            goals.addObject().put("indicator", "Effektmål " + i).put("unit", "personer").put("baselineValue", 100)
                    .put("baselineDate", "2025-12-31").put("targetValue", 60).put("targetDate", "2028-12-31");
        }
        String challenges = SERVICES.get(0).base() + "/api/v1/challenges";
        JsonNode created = api.call("POST", challenges, buyer, body, 201);
        String challengeId = created.path("id").asText();
        api.call("POST", challenges + "/" + challengeId + "/publish", buyer, null, 200,
                "\"" + created.path("version").asLong() + "\"");
        DemoEvaluatedRfi rfi = new DemoEvaluatedRfi(api, SERVICES.get(1).base(), key -> demoToken(tokens, orgs, key));
        rfi.run(challengeId, demo.path("owner").asText(), demo.path("rfi"));
        String finance = SERVICES.get(3).base();
        ObjectNode open = JSON.createObjectNode().put("responseId", rfi.shortlisted().get(0)).put("durationMonths", 48);
        open.set("capitalRequired", sek("2000000.00"));
        JsonNode opened = null;
        for (int attempt = 0; opened == null; attempt++) {
            try {
                opened = api.call("POST", finance + "/api/v1/cases", buyer, open, 201);
            } catch (IllegalStateException e) {
                if (attempt >= 60 || !e.getMessage().contains("not-yet-known")) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
        String caseId = opened.path("id").asText();
        String[] tranches = {"SENIOR", "SUBORDINATED", "FIRST_LOSS_GUARANTEE"};
        for (int i = 0; i < 10; i++) {
            String investor = tokens.token("bench-investor-" + i, "investor", UUID.randomUUID(),
                    "Benchmark investor " + i, Duration.ofHours(12));
            api.call("PUT", finance + "/api/v1/investors/mine", investor, resource("demo/mandate-foundation.json"),
                    201);
            commit(finance + "/api/v1/cases/" + caseId, investor, "200000.00", tranches[i % 3]);
        }
        ObjectNode out = JSON.createObjectNode().put("caseId", caseId);
        out.set("goalIds", opened.path("outcomeGoalIds"));
        Files.writeString(work.resolve("bench-case.json"), out.toString());
        return "benchmark case " + caseId + " (20 outcome goals, 10 investors)";
    }

    private void commit(String caseBase, String investor, String amount, String tranche) throws Exception {
        ObjectNode commitment = JSON.createObjectNode().put("tranche", tranche);
        commitment.set("amount", sek(amount));
        api.call("POST", caseBase + "/commitments", investor, commitment, 201);
    }

    private static ObjectNode sek(String amount) {
        return JSON.createObjectNode().put("amount", new BigDecimal(amount)).put("currency", "SEK");
    }

    /**
     * Innovator profiles, saved before any challenge is published, and awaited in matching-service's ranking
     * index, so the demo needs' strong matches are announced when the needs arrive.
     */
    private void demoProfiles(Map<String, Org> orgs, Tokens tokens) throws Exception {
        String profiles = SERVICES.get(2).base() + "/api/v1/profiles/mine";
        int n = 0;
        for (JsonNode p : resource("demo/profiles.json").path("profiles")) {
            api.call("PUT", profiles, token(tokens, orgs.get(p.path("org").asText())), p.path("body"), 201);
            n++;
        }
        String admin = tokens.token("local-admin", "admin", UUID.randomUUID(), "Utfall drift", Duration.ofMinutes(5));
        for (int attempt = 0; attempt < 60; attempt++) {
            JsonNode index = api.call("GET", SERVICES.get(2).base() + "/api/v1/admin/profile-index", admin, null, 200);
            if (index.path("profiles").asInt() >= n) {
                break;
            }
            Thread.sleep(250);
        }
        say("  demo: " + n + " innovator profiles");
    }

    /**
     * An RFI on a demo challenge, published at once. rfi-service learns the challenge from its event, so the
     * first attempts may find it not known yet (409 not-yet-known, Retry-After) for a moment.
     */
    private void demoRfi(String challengeId, JsonNode rfi, String token, Map<String, Org> orgs, Tokens tokens)
            throws Exception {
        String rfis = SERVICES.get(1).base() + "/api/v1/rfis";
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        ObjectNode body = ((ObjectNode) rfi.deepCopy()).put("challengeId", challengeId)
                .put("firstDay", today.plusDays(rfi.path("opensInDays").asInt()).toString())
                .put("lastDay", today.plusDays(rfi.path("lastDayInDays").asInt(21)).toString());
        body.remove(List.of("opensInDays", "lastDayInDays", "consortium"));
        JsonNode created = null;
        for (int attempt = 0; created == null; attempt++) {
            try {
                created = api.call("POST", rfis, token, body, 201);
            } catch (IllegalStateException e) {
                // rfi-service learns challenges from their events: "not known yet" (409, Retry-After: 1) right
                // after publishing is expected; anything else is a real refusal.
                if (attempt >= 30 || !e.getMessage().contains("not-yet-known")) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
        String id = created.path("id").asText();
        JsonNode published = api.call("POST", rfis + "/" + id + "/publish", token, null, 200,
                "\"" + created.path("version").asLong() + "\"");
        say("  demo: RFI " + published.path("status").asText().toLowerCase(Locale.ROOT) + " until "
                + published.path("lastDay").asText() + ": " + published.path("title").asText());
        if ("OPEN".equals(published.path("status").asText()) && rfi.has("consortium")) {
            demoConsortium(published, rfi.path("consortium"), orgs, tokens);
        }
    }

    /**
     * A draft response whose consortium formed by consent: the lead invites, one partner accepts, one declines.
     * The draft is left for the lead to complete and submit.
     */
    private void demoConsortium(JsonNode rfi, JsonNode demo, Map<String, Org> orgs, Tokens tokens)
            throws Exception {
        String rfis = SERVICES.get(1).base() + "/api/v1/rfis";
        String base = SERVICES.get(1).base() + "/api/v1";
        Org lead = orgs.get(demo.path("lead").asText());
        ObjectNode body = JSON.createObjectNode().put("summary", demo.path("summary").asText());
        body.putArray("answers");
        JsonNode draft = api.call("POST", rfis + "/" + rfi.path("id").asText() + "/responses",
                token(tokens, lead), body, 201);
        StringBuilder said = new StringBuilder();
        for (JsonNode m : demo.path("members")) {
            Org member = orgs.get(m.path("org").asText());
            JsonNode invitation = api.call("POST", base + "/responses/" + draft.path("id").asText()
                    + "/consortium/invitations", token(tokens, lead), JSON.createObjectNode()
                    .put("organisationId", member.id()).put("name", member.name())
                    .put("role", m.path("role").asText()), 201);
            boolean accept = m.path("accepts").asBoolean(true);
            api.call("POST", base + "/consortia/invitations/" + invitation.path("id").asText()
                    + (accept ? "/accept" : "/decline"), token(tokens, member), null, 200, "\"0\"");
            said.append(said.isEmpty() ? "" : ", ").append(member.name()).append(accept ? " accepted" : " declined");
        }
        say("  demo: " + lead.name() + " drafts a response and invites its consortium: " + said);
    }

    private void printBanner(Map<String, Org> orgs, Tokens tokens) throws IOException {
        StringBuilder env = new StringBuilder();
        StringBuilder out = new StringBuilder("\n==================== Utfall local stack is up ====================\n");
        out.append("PostgreSQL  jdbc:postgresql://localhost:").append(postgres.port())
                .append("/<service db>  user postgres / postgres\n");
        out.append("Kafka       ").append(kafka.bootstrapServers()).append("   topic utfall.challenges.v1\n\n");
        for (Service s : SERVICES) {
            out.append(String.format("%-18s API %s/api/v1   Swagger UI %s/q/swagger-ui   OpenAPI %s/q/openapi%n"
                    + "%-18s health %s/q/health   metrics %s/q/metrics%n",
                    s.name(), s.base(), s.base(), s.base(), "", s.management(), s.management()));
        }
        out.append("\nBearer tokens (valid 12 h; also in .local-stack/tokens.env):\n");
        for (String key : List.of("ljusdal", "tomelilla", "ramsjo-livs", "osterlen-unga", "impact-fund", "shic")) {
            Org org = orgs.get(key);
            String var = "TOKEN_" + key.toUpperCase().replace('-', '_');
            String t = token(tokens, org);
            out.append(String.format("  %-8s %-40s %s%n", org.role(), org.name(), "$" + var));
            out.append("    ").append(t).append('\n');
            env.append(var).append('=').append(t).append('\n');
        }
        Files.writeString(work.resolve("tokens.env"), env);
        out.append("\nTry:\n  source .local-stack/tokens.env\n")
                .append("  curl -s 'localhost:8081/api/v1/challenges?q=m%C3%A5ltider' | jq    # q=måltider\n")
                .append("  curl -s -X POST localhost:8081/api/v1/challenges -H \"Authorization: Bearer "
                        + "$TOKEN_LJUSDAL\" "
                        + "-H 'Content-Type: application/json' -d @deploy/local/examples/challenge.json\n")
                .append("  curl -s localhost:8083/api/v1/needs/" + demoNeed + "/recommendations -H \"Authorization:"
                        + " Bearer $TOKEN_LJUSDAL\" | jq    # who could meet the Ramsjö need, and why\n")
                .append("  curl -s localhost:8083/api/v1/needs/" + demoNeed + "/consortia -H \"Authorization:"
                        + " Bearer $TOKEN_LJUSDAL\" | jq       # the village shop and the campsite kitchen\n")
                .append("  curl -s localhost:8083/api/v1/recommendations/mine -H \"Authorization: Bearer"
                        + " $TOKEN_RAMSJO_LIVS\" | jq       # open needs for the shop\n")
                .append("Ctrl-C stops everything.\n");
        System.out.println(out);
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = LocalStack.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return JSON.readTree(in);
        }
    }

    /** Runs {@code start} with System.out silenced: the embedded broker prints its storage formatting there. */
    private static <T> T quietly(Callable<T> start) throws Exception {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return start.call();
        } finally {
            System.setOut(out);
        }
    }

    private void stop() {
        say("Stopping ...");
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static void say(String s) {
        System.out.println("[utfall] " + s);
    }
}
