package se.utfall.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;
import java.util.List;

/** {@code utfall.audit.*}. */
@ConfigMapping(prefix = "utfall.audit")
public interface AuditConfig {

    /** The zone a history's instants are shown in ({@link HistoryEntry#at()}); UTC unless the service says. */
    @WithDefault("UTC")
    ZoneId timeZone();

    Migration migration();

    /** The library's own schema migrations ({@code utfall.audit.migration.*}). */
    interface Migration {
        /** Run them at start (default true); off only where an operator migrates separately. */
        @WithDefault("true")
        boolean enabled();

        /** Where the migrations are (default {@value AuditMigrations#LOCATION}). */
        @WithDefault(AuditMigrations.LOCATION)
        List<String> locations();
    }
}
