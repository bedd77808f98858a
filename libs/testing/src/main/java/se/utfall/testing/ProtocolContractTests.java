package se.utfall.testing;

import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile caller or a broken client meets below the API: every error of either port is an RFC 9457 problem
 * document, and junk requests cannot grow the metrics. Sent raw over a socket, since HTTP client libraries refuse
 * to send most of these. A service's {@code @QuarkusTest ProtocolIT} extends this.
 */
public abstract class ProtocolContractTests {

    /** The status line, the headers and the body of one raw HTTP/1.1 exchange. */
    protected record RawAnswer(int status, String head, String body) {
        boolean isProblem() {
            return head.toLowerCase(Locale.ROOT).contains("\ncontent-type: application/problem+json")
                    && body.contains("\"status\":" + status);
        }
    }

    protected static RawAnswer raw(int port, String requestLine, String... headers) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n");
        for (String h : headers) {
            request.append(h).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String head = end < 0 ? answer : answer.substring(0, end);
            String body = end < 0 ? "" : answer.substring(end + 4);
            int status = head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
            return new RawAnswer(status, head.replace("\r\n", "\n"), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int managementPort() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    @Test
    void everyMalformedRequestLineIsAnsweredWithAProblemOnBothPorts() {
        String longUri = "/api/v1/x?q=" + "a".repeat(5000);
        List<String> notProblems = new ArrayList<>();
        for (int port : new int[] {RestAssured.port, managementPort()}) {
            for (String[] c : new String[][] {
                    {"GET /api/v1/x?q=%zz HTTP/1.1", "400"},
                    {"GET /api/v1/%zz HTTP/1.1", "400"},
                    {"GET /api/v1/x?q=%00 HTTP/1.1", "400"},
                    {"GET /api/v1/{x} HTTP/1.1", "400"},
                    {"GET /api/v1/x?q=\"a\" HTTP/1.1", "400"},
                    {"GET /api/v1/x?q=m%C3%A5l% HTTP/1.1", "400"},
                    {"GET " + longUri + " HTTP/1.1", "414"}}) {
                RawAnswer a = raw(port, c[0]);
                if (a.status() != Integer.parseInt(c[1]) || !a.isProblem()) {
                    notProblems.add(port + " " + c[0].substring(0, Math.min(40, c[0].length())) + " -> "
                            + a.head().lines().findFirst().orElse("(nothing)") + " " + a.body());
                }
            }
        }
        assertThat(notProblems).isEmpty();
    }

    @Test
    void theManagementPortAnswersAnUnknownPathWithAProblemNotHtml() {
        RawAnswer a = raw(managementPort(), "GET /q/no-such-thing HTTP/1.1");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.isProblem()).as(a.head() + "\n" + a.body()).isTrue();
        assertThat(a.body()).doesNotContain("<html");
    }

    @Test
    void requestsToRandomPathsAddNoMetricsSeries() {
        Runnable junk = () -> {
            String path = "/api/v1/" + UUID.randomUUID() + "/" + UUID.randomUUID();
            RestAssured.given().get(path);
            RestAssured.given().auth().oauth2("not-a-token").get(path);
            RestAssured.given().auth().oauth2(Api.admin()).get(path);
            RestAssured.given().contentType("application/json").body("x".repeat(300_000)).post(path);
        };
        for (int i = 0; i < 5; i++) {
            junk.run();
        }
        List<String> before = series();
        // Counted, under one label: the requests were measured, not dropped.
        assertThat(before).anyMatch(l -> l.contains("uri=\"UNKNOWN\""));
        for (int i = 0; i < 250; i++) {
            junk.run();
        }
        assertThat(series()).isEqualTo(before);
    }

    private static List<String> series() {
        return Api.management().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("http_server_requests_seconds_count{"))
                .map(l -> l.substring(0, l.lastIndexOf('}') + 1)).sorted().toList();
    }
}
