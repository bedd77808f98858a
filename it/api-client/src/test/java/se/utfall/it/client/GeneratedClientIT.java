package se.utfall.it.client;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.utfall.client.challenge.ApiClient;
import se.utfall.client.challenge.ApiException;
import se.utfall.client.challenge.ApiResponse;
import se.utfall.client.challenge.api.ChallengesApi;
import se.utfall.client.challenge.model.ChallengeRequest;
import se.utfall.client.challenge.model.ChallengeStatus;
import se.utfall.client.challenge.model.ChallengeView;
import se.utfall.client.challenge.model.CostBaseline;
import se.utfall.client.challenge.model.MeasurementFrequency;
import se.utfall.client.challenge.model.Money;
import se.utfall.client.challenge.model.OutcomeGoalInput;
import se.utfall.events.Topics;
import se.utfall.testing.Kafka;
import se.utfall.testing.Postgres;
import se.utfall.testing.ServiceProcess;
import se.utfall.testing.Tokens;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a frontend team does with the API description: generate a client (at build time, from the document the
 * service wrote) and use it — typed requests, typed answers, the ETag for the next change — without reading our
 * code. Runs challenge-service's packaged jar in its local profile (tokens signed by a key of this test).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientIT {
    private static final UUID LJUSDAL = UUID.fromString("2161a000-0000-4000-8000-000000000001");

    private Postgres postgres;
    private Kafka kafka;
    private ServiceProcess service;
    private Tokens tokens;

    @BeforeAll
    void start() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("utfall.work")));
        postgres = Postgres.startOrConnect(0);
        postgres.ensureDatabase("challenge_client_it");
        kafka = Kafka.startOrConnect(0);
        kafka.createTopics(Topics.provisioned());
        tokens = new Tokens(Tokens.newKeyPair());
        Instant begun = Instant.now();
        service = ServiceProcess.start(Path.of(System.getProperty("utfall.service.jar")), Map.of(
                "QUARKUS_PROFILE", "local",
                "UTFALL_JWT_PUBLIC_KEY", tokens.publicKeyBase64(),
                "OIDC_ISSUER", Tokens.ISSUER,
                "OIDC_AUDIENCE", Tokens.AUDIENCE,
                "DB_JDBC_URL", postgres.jdbcUrl("challenge_client_it"),
                "DB_REACTIVE_URL", postgres.reactiveUrl("challenge_client_it"),
                "DB_USER", postgres.user(),
                "DB_PASSWORD", postgres.password(),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()), work.resolve("service.log"));
        service.awaitReady(begun);
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private ChallengesApi api(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.api(""));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return new ChallengesApi(client);
    }

    @Test
    void aBuyerCreatesPublishesAndAnyoneReadsThroughTheGeneratedClient() throws Exception {
        ChallengesApi buyer = api(tokens.token("buyer-ljusdal", "buyer", LJUSDAL));
        ChallengeRequest request = new ChallengeRequest()
                .title("Dagliga måltider för äldre i Ramsjö")
                .summary("Ett lagat mål mat varje dag, nära hemmet.")
                .problemStatement("Maten kommer på tisdagar och ska räcka hela veckan.")
                .municipalityCode("2161")
                .locality("Ramsjö")
                .sectors(List.of("elderly-care", "food"))
                .budget(new Money().amount(new BigDecimal("450000.00")).currency("SEK"))
                .baseline(new CostBaseline().description("Matlådor en gång i veckan")
                        .unitCost(new Money().amount(new BigDecimal("78.50")).currency("SEK"))
                        .unit("portion").period("year").volumePerPeriod(new BigDecimal("5840")))
                .outcomeGoals(List.of(new OutcomeGoalInput()
                        .indicator("Andel äldre som äter ett lagat mål mat varje dag").unit("percent")
                        .baselineValue(new BigDecimal("35")).baselineDate(LocalDate.of(2026, 3, 1))
                        .targetValue(new BigDecimal("90")).targetDate(LocalDate.of(2027, 12, 31))
                        .frequency(MeasurementFrequency.QUARTERLY)));

        ApiResponse<ChallengeView> created = buyer.createChallengeWithHttpInfo(request);
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getHeaders().get("location")).isNotEmpty();
        String etag = created.getHeaders().get("etag").get(0);
        ChallengeView draft = created.getData();
        assertThat(draft.getStatus()).isEqualTo(ChallengeStatus.DRAFT);
        assertThat(draft.getBudget().getAmount()).isEqualByComparingTo("450000.00");

        ChallengeView published = buyer.publishChallenge(draft.getId(), etag);
        assertThat(published.getStatus()).isEqualTo(ChallengeStatus.PUBLISHED);

        ChallengeView read = api(null).getChallenge(draft.getId(), null);
        assertThat(read.getTitle()).isEqualTo("Dagliga måltider för äldre i Ramsjö");
        assertThat(read.getOutcomeGoals()).hasSize(1);
        assertThat(read.getMunicipalityName()).isEqualTo("Ljusdal");

        assertThatThrownBy(() -> buyer.publishChallenge(draft.getId(), etag))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).as("a stale ETag").isEqualTo(412);
                    assertThat(e.getResponseBody()).contains("\"status\":412");
                });
    }
}
