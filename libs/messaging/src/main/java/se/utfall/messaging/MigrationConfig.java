package se.utfall.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** The library's own schema migrations ({@code utfall.messaging.migration.*}). */
@ConfigMapping(prefix = "utfall.messaging.migration")
public interface MigrationConfig {
    /** Run them at start (default true); off only where an operator migrates separately. */
    @WithDefault("true")
    boolean enabled();

    /** Where the migrations are (default {@value LibraryMigrations#LOCATION}). */
    @WithDefault(LibraryMigrations.LOCATION)
    List<String> locations();
}
