package se.utfall.matching.service;

import se.utfall.web.security.Reader;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.UUID;

/** Who asks, as matching decides it: the organisation, and whether a coordinator, a buyer or a platform admin. */
public record Viewer(UUID organisation, boolean admin, boolean coordinator, boolean buyer, String subject) {

    public static Viewer of(Caller caller) {
        return new Viewer(caller.organisationOrNull(), caller.isAdmin(), caller.hasRole(Roles.COORDINATOR),
                caller.hasRole(Roles.BUYER), caller.isAnonymous() ? null : caller.subject());
    }

    /** The same organisation and admin flag, for the one visible-or-404 rule of libs/web. */
    public Reader reader() {
        return new Reader(organisation, admin);
    }

    /** Coordinators and admins see every need's recommendations; buyers those of their own needs. */
    public boolean seesAll() {
        return admin || coordinator;
    }
}
