package se.utfall.web.security;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityProviderTest {

    @Test
    void anUnreachableProviderIsToldApartFromABadToken() {
        assertThat(IdentityProvider.isUnreachable(new OIDCException("OIDC Server is not available"))).isTrue();
        assertThat(IdentityProvider.isUnreachable(new AuthenticationFailedException(
                new RuntimeException(new ConnectException("Connection refused"))))).isTrue();
        assertThat(IdentityProvider.isUnreachable(new AuthenticationFailedException("signature"))).isFalse();
        assertThat(IdentityProvider.isUnreachable(new OIDCException("Tenant configuration must have tenant id")))
                .isFalse();
        assertThat(IdentityProvider.isUnreachable(new IllegalStateException("boom"))).isFalse();
    }

    @Test
    void anOutageIsRecordedOnceUntilTheProviderAnswersAgain() {
        IdentityProvider provider = new IdentityProvider(Optional.of("https://auth.example.org/realms/utfall"),
                () -> Duration.ofSeconds(10));
        assertThat(provider.unreachableSince()).isEmpty();
        provider.unreachable("ConnectException");
        var since = provider.unreachableSince();
        provider.unreachable("ConnectException");
        assertThat(provider.unreachableSince()).isPresent().isEqualTo(since);
        provider.reachable();
        assertThat(provider.unreachableSince()).isEmpty();
        assertThat(provider.retryAfterSeconds()).isEqualTo(10);
    }
}
