package se.utfall.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls to the services' public API with a bearer token, as a frontend would; any other status is an error. */
final class ApiClient {
    private final HttpClient http;
    private final ObjectMapper json;

    ApiClient(HttpClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    JsonNode call(String method, String url, String token, JsonNode body, int expected) throws Exception {
        return call(method, url, token, body, expected, null);
    }

    JsonNode call(String method, String url, String token, JsonNode body, int expected, String ifMatch)
            throws Exception {
        HttpRequest.Builder b = request(url, token, ifMatch).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        return send(b, method + " " + url, expected);
    }

    /** POSTs raw bytes (a file upload). */
    JsonNode upload(String url, String token, byte[] content, int expected, String ifMatch) throws Exception {
        HttpRequest.Builder b = request(url, token, ifMatch).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content));
        return send(b, "POST " + url, expected);
    }

    private static HttpRequest.Builder request(String url, String token, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return b;
    }

    private JsonNode send(HttpRequest.Builder b, String what, int expected) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(what + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isEmpty() ? json.createObjectNode() : json.readTree(r.body());
    }
}
