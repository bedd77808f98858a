package se.utfall.web.security;

/** Token roles (the {@code groups} claim). */
public final class Roles {
    public static final String BUYER = "buyer";
    public static final String INNOVATOR = "innovator";
    public static final String INVESTOR = "investor";
    public static final String COORDINATOR = "coordinator";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
