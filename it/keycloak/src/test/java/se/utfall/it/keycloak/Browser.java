package se.utfall.it.keycloak;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.CookieHandler;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a web or mobile frontend does to sign a person in: the authorization-code flow with PKCE (S256) against
 * Keycloak's login form, with a plain HTTP client keeping the cookies; then the code is exchanged at the token
 * endpoint without a client secret.
 */
final class Browser {
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"");

    private static final Pattern ERROR = Pattern.compile(
            "(?s)<span[^>]*id=\"input-error\"[^>]*>(.*?)</span>|kc-feedback-text\">(.*?)<");

    private final KeycloakServer keycloak;
    private String lastRefusal = "";
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Browser(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    /** Signs in and answers the token response; fails if Keycloak does not redirect back with a code. */
    JsonNode signIn(String clientId, String redirectUri, String scope, String username, String password)
            throws Exception {
        Optional<JsonNode> tokens = trySignIn(clientId, redirectUri, scope, username, password);
        return tokens.orElseThrow(() -> new AssertionError(username + " could not sign in through " + clientId
                + ": " + lastRefusal));
    }

    /** Signs in; empty when Keycloak shows the login form again instead of redirecting with a code. */
    Optional<JsonNode> trySignIn(String clientId, String redirectUri, String scope, String username, String password)
            throws Exception {
        String verifier = randomUrlSafe(48);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String state = randomUrlSafe(16);
        String authorize = keycloak.realmUrl() + "/protocol/openid-connect/auth?" + KeycloakServer.form(Map.of(
                "client_id", clientId, "response_type", "code", "scope", scope, "redirect_uri", redirectUri,
                "state", state, "code_challenge", challenge, "code_challenge_method", "S256"));
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new AssertionError("authorization endpoint answered " + page.statusCode() + " "
                    + page.headers().firstValue("Location").orElse("") + ": " + page.body());
        }
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(formAction(page.body())))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakServer.form(Map.of("username", username,
                        "password", password, "credentialId", "")))).build(), HttpResponse.BodyHandlers.ofString());
        Optional<String> location = login.headers().firstValue("Location");
        if (login.statusCode() != 302 || location.isEmpty() || !location.get().startsWith(redirectUri)) {
            lastRefusal = login.statusCode() + " " + location.orElse("") + " " + errorOf(login.body());
            return Optional.empty();
        }
        Map<String, String> query = query(URI.create(location.get()).getRawQuery());
        if (!state.equals(query.get("state"))) {
            throw new AssertionError("state was not returned unchanged");
        }
        var response = keycloak.token(Map.of("grant_type", "authorization_code", "client_id", clientId,
                "code", query.get("code"), "redirect_uri", redirectUri, "code_verifier", verifier));
        if (response.getKey() != 200) {
            throw new AssertionError("code exchange answered " + response.getKey() + ": " + response.getValue());
        }
        return Optional.of(response.getValue());
    }

    /** The error the authorization endpoint redirects back with, if it refuses the request before the login form. */
    Optional<String> authorizationError(String clientId, String redirectUri, String scope) throws Exception {
        String authorize = keycloak.realmUrl() + "/protocol/openid-connect/auth?" + KeycloakServer.form(Map.of(
                "client_id", clientId, "response_type", "code", "scope", scope, "redirect_uri", redirectUri,
                "state", "s", "code_challenge", randomUrlSafe(32), "code_challenge_method", "S256"));
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.ofString());
        return page.headers().firstValue("Location").filter(l -> l.startsWith(redirectUri))
                .map(l -> query(URI.create(l).getRawQuery()).get("error"));
    }

    private static String formAction(String html) {
        Matcher m = LOGIN_FORM.matcher(html);
        Matcher fallback = ACTION.matcher(html);
        String action = m.find() ? m.group(1) : fallback.find() ? fallback.group(1) : null;
        if (action == null) {
            throw new AssertionError("no login form on the page");
        }
        return action.replace("&amp;", "&");
    }

    private static String errorOf(String html) {
        Matcher m = ERROR.matcher(html);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)).strip()
                : html.substring(0, Math.min(300, html.length()));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * Keycloak marks its session cookies {@code Secure}; browsers send them to a loopback address over plain HTTP
     * (a secure context), java.net's CookieManager does not. This jar keeps name=value pairs for the one server.
     */
    private static final class LoopbackCookies extends CookieHandler {
        private final Map<String, String> cookies = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            String header = cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
            return Map.of("Cookie", List.of(header));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) {
            headers.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    for (String value : values) {
                        String pair = value.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        String cookie = pair.substring(0, eq).trim();
                        if (value.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                            cookies.remove(cookie);
                        } else {
                            cookies.put(cookie, pair.substring(eq + 1).trim());
                        }
                    }
                }
            });
        }
    }
}
