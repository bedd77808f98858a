package se.utfall.web.http;

/**
 * A representation with its ETag value, for resources whose representation depends on more than their own
 * version (a workshop's seats depend on its challenge's status and on the clock).
 */
public record Tagged<T>(T body, String tag) {
}
