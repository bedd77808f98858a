package se.utfall.finance;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static se.utfall.finance.Fixtures.LJUSDAL;
import static se.utfall.finance.Fixtures.commitment;
import static se.utfall.finance.Fixtures.mandate;
import static se.utfall.finance.Fixtures.openCase;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.investor;

/** Fifty investors commit at once to a case that takes ten of them: it is never over-committed, funded once. */
@QuarkusTest
class CommitmentConcurrencyIT {

    @Test
    void fiftyParallelCommitmentsNeverOverCommitAndFundTheCaseExactlyOnce() throws Exception {
        Fixtures.Shortlisted s = Fixtures.shortlisted(LJUSDAL, true);
        String caseId = as(buyer(LJUSDAL)).body(openCase(s.responseId(), "1000000.00")).post("/api/v1/cases")
                .then().statusCode(201).extract().path("id");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String token = investor(UUID.randomUUID());
            as(token).body(mandate("Fond " + i, "100000.00", "500000.00", true)).put("/api/v1/investors/mine")
                    .then().statusCode(201);
            tokens.add(token);
        }
        List<Integer> statuses = new ArrayList<>();
        try (EventTopic finance = EventTopic.from(Topics.FINANCE)) {
            ExecutorService pool = Executors.newFixedThreadPool(50);
            try {
                List<Callable<Integer>> calls = new ArrayList<>();
                for (String token : tokens) {
                    calls.add(() -> as(token).body(commitment("100000.00", "SENIOR"))
                            .post("/api/v1/cases/" + caseId + "/commitments").statusCode());
                }
                for (Future<Integer> f : pool.invokeAll(calls)) {
                    statuses.add(f.get());
                }
            } finally {
                pool.shutdown();
            }
            assertThat(statuses.stream().filter(st -> st == 201).count()).isEqualTo(10);
            assertThat(statuses).as("every other one refused as over-committed or case-not-open, none failed")
                    .allMatch(st -> st == 201 || st == 409);
            assertThat(Db.count("SELECT count(*) FROM commitment WHERE case_id = ?::uuid AND status = 'ACTIVE'",
                    caseId)).isEqualTo(10);
            assertThat(Db.rows("SELECT committed, capital_required, status FROM investment_case WHERE id = ?::uuid",
                    caseId).get(0).toString()).contains("committed=1000000.00").contains("status=FUNDED");
            finance.await(1, e -> e.type().equals(EventTypes.CASE_FUNDED) && caseId.equals(e.key()),
                    Duration.ofSeconds(30));
            assertThat(finance.collect(e -> e.type().equals(EventTypes.CASE_FUNDED) && caseId.equals(e.key()),
                    Duration.ofSeconds(3))).hasSize(1);
        }
    }
}
