package se.utfall.web.http;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Hands the check of the request URI from Quarkus to {@link RequestLineFilter}. Quarkus' HTTP root handler refuses
 * a URI {@code java.net.URI} cannot parse ({@code q=%zz}, a raw {@code {} or {@code "}) with a bare 400: no body, no
 * Content-Type, before any filter or error handler of the application runs. Its only switch is the system property
 * {@code vertx.disableURIValidation}, read once when its recorder class loads. Config sources are created before
 * that, in every way a service starts (tests, the packaged jar, a container), so setting the property here keeps
 * the switch in one place instead of in every launcher; {@link RequestLineFilter} then refuses the same URIs with
 * a problem document. Contributes no configuration of its own.
 */
public class UriCheckHandover implements ConfigSource {
    static final String PROPERTY = "vertx.disableURIValidation";

    public UriCheckHandover() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        return null;
    }

    @Override
    public String getName() {
        return "utfall-uri-check-handover";
    }

    @Override
    public int getOrdinal() {
        return Integer.MIN_VALUE;
    }
}
