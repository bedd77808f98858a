package se.utfall.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Mints signed JWTs as an OIDC provider would: RS256, issuer and audience pinned, roles in {@code groups}, the
 * organisation in {@code org_id}. Variants for every way a token can be wrong.
 */
public final class Tokens {
    public static final String ISSUER = "https://auth.utfall.local/realms/utfall";
    public static final String AUDIENCE = "utfall-api";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    public Tokens(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rebuilds the minting side from a base64 PKCS#8 private key and base64 X.509 public key. */
    public static Tokens fromEncoded(String privateKeyBase64, String publicKeyBase64) {
        try {
            KeyFactory kf = KeyFactory.getInstance("RSA");
            PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyBase64)));
            PublicKey pub = kf.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            return new Tokens(new KeyPair(pub, priv));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable key", e);
        }
    }

    /** The value for {@code quarkus.oidc.public-key}. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public String privateKeyBase64() {
        return Base64.getEncoder().encodeToString(((RSAPrivateKey) privateKey).getEncoded());
    }

    /** A valid token for one role in one organisation, valid for {@code ttl}. */
    public String token(String subject, String role, UUID org, Duration ttl) {
        return claims(subject, Set.of(role), org).expiresAt(Instant.now().plus(ttl)).sign(privateKey);
    }

    /** As {@link #token(String, String, UUID, Duration)}, with the organisation's display name in {@code org_name}. */
    public String token(String subject, String role, UUID org, String orgName, Duration ttl) {
        return claims(subject, Set.of(role), org).claim("org_name", orgName).expiresAt(Instant.now().plus(ttl))
                .sign(privateKey);
    }

    /** A person with a display name ({@code name}, as an identity provider issues it) in a named organisation. */
    public String person(String subject, String personName, String role, UUID org, String orgName) {
        return claims(subject, Set.of(role), org).claim("org_name", orgName).claim("name", personName)
                .expiresAt(Instant.now().plus(Duration.ofHours(1))).sign(privateKey);
    }

    public String token(String subject, String role, UUID org) {
        return token(subject, role, org, Duration.ofHours(1));
    }

    public String expired(String role, UUID org) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return claims("expired-user", Set.of(role), org).issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(5)))
                .sign(privateKey);
    }

    public String wrongIssuer(String role, UUID org) {
        return claims("someone", Set.of(role), org).issuer("https://evil.example/realms/utfall")
                .expiresIn(3600).sign(privateKey);
    }

    public String wrongAudience(String role, UUID org) {
        return claims("someone", Set.of(role), org).audience("another-api").expiresIn(3600).sign(privateKey);
    }

    /** Signed by a key nobody trusts: a forgery. */
    public String wrongKey(String role, UUID org) {
        return claims("forger", Set.of(role), org).expiresIn(3600).sign(newKeyPair().getPrivate());
    }

    /**
     * Valid in every other way, but without {@code sub}, as Keycloak issues them when a client lacks the "basic"
     * scope: the client id ({@code azp}) and a username are still there, and neither may stand in for the person.
     */
    public String withoutSubject(String role, UUID org) {
        JwtClaimsBuilder b = Jwt.issuer(ISSUER).audience(AUDIENCE).groups(Set.of(role)).expiresIn(3600)
                .claim("azp", "utfall-web").claim("preferred_username", "anna.andersson").upn("anna.andersson");
        if (org != null) {
            b.claim("org_id", org.toString());
        }
        return b.sign(privateKey);
    }

    public String withoutRole(UUID org) {
        return claims("no-role", Set.of(), org).expiresIn(3600).sign(privateKey);
    }

    private static JwtClaimsBuilder claims(String subject, Set<String> roles, UUID org) {
        JwtClaimsBuilder b = Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject)
                .claim("preferred_username", subject).groups(roles);
        if (org != null) {
            b.claim("org_id", org.toString());
        }
        return b;
    }
}
