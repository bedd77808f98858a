package se.utfall.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.eclipse.microprofile.config.ConfigProvider;
import se.utfall.events.Topics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Starts a real PostgreSQL and a real Kafka broker once per test JVM (or uses external ones, see {@link Postgres}
 * and {@link Kafka}) and points the service at them, with a fresh RSA key pair for token verification.
 *
 * <p>Everything tests need to reach the infrastructure is also published as system properties
 * ({@code utfall.test.*}), because Quarkus loads test resources and test classes in different class loaders.
 * Init arg {@code database} names the service's database (default: the application's name, {@code -} as
 * {@code _}).
 */
public class UtfallTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String JDBC_URL = "utfall.test.jdbc-url";
    public static final String DB_USER = "utfall.test.db-user";
    public static final String DB_PASSWORD = "utfall.test.db-password";
    public static final String KAFKA = "utfall.test.kafka";
    public static final String PRIVATE_KEY = "utfall.test.jwt-private-key";
    public static final String PUBLIC_KEY = "utfall.test.jwt-public-key";

    private static Postgres postgres;
    private static Kafka kafka;

    private String database;
    private List<String> extraTopics = List.of();

    /**
     * Init args: {@code database} (default: {@code quarkus.application.name} with {@code -} as {@code _});
     * {@code topics}, comma-separated topics a test needs beyond the catalogue's (which are always created with
     * their dead-letter topics; the broker creates none by itself).
     */
    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", defaultDatabase());
        String topics = initArgs.getOrDefault("topics", "");
        extraTopics = Arrays.stream(topics.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    private static String defaultDatabase() {
        String name = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.application.name", String.class).orElse("utfall");
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    @Override
    public synchronized Map<String, String> start() {
        if (postgres == null) {
            postgres = Postgres.startOrConnect(0);
            kafka = Kafka.startOrConnect(0);
            Tokens tokens = new Tokens(Tokens.newKeyPair());
            System.setProperty(PRIVATE_KEY, tokens.privateKeyBase64());
            System.setProperty(PUBLIC_KEY, tokens.publicKeyBase64());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                postgres.close();
            }, "utfall-test-infra-stop"));
        }
        postgres.ensureDatabase(database);
        Set<String> topics = new TreeSet<>(Topics.provisioned());
        extraTopics.forEach(t -> {
            topics.add(t);
            topics.add(Topics.deadLetterOf(t));
        });
        kafka.createTopics(topics);
        System.setProperty(JDBC_URL, postgres.jdbcUrl(database));
        System.setProperty(DB_USER, postgres.user());
        System.setProperty(DB_PASSWORD, postgres.password());
        System.setProperty(KAFKA, kafka.bootstrapServers());

        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.reactive.url", postgres.proxiedReactiveUrl(database));
        config.put("quarkus.datasource.username", postgres.user());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.oidc.public-key", System.getProperty(PUBLIC_KEY));
        config.put("quarkus.oidc.token.issuer", Tokens.ISSUER);
        config.put("quarkus.oidc.token.audience", Tokens.AUDIENCE);
        return config;
    }

    @Override
    public void stop() {
        // The infrastructure lives for the whole JVM; the shutdown hook stops it.
    }

    /** The tokens of this test JVM, from any class loader. */
    public static Tokens tokens() {
        return Tokens.fromEncoded(System.getProperty(PRIVATE_KEY), System.getProperty(PUBLIC_KEY));
    }
}
