package se.utfall.matching.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.matching.domain.ProfileType;

import java.util.List;

/**
 * An innovator's profile as its organisation writes it. The organisation comes from the token, never the body;
 * what only the service sets (id, version, times) may be sent back as read and is ignored.
 */
@JsonIgnoreProperties({"id", "organisationId", "organisationName", "version", "createdAt", "updatedAt"})
public record ProfileRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Ramsjö Lanthandel") String name,
        @NotNull ProfileType type,
        @NotBlank @Size(max = 5000)
        @Schema(examples = "Byns affär med dagligvaror och hemkörning till äldre varje vardag.") String description,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> capabilities,
        @Size(max = 20) List<@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}",
                message = "a sector is a lower-case slug, e.g. elderly-care") String> sectors,
        @NotEmpty @Size(max = 300)
        @Schema(description = "Kommunkoder served (four digits), or SE for the whole country", examples = "[\"2161\"]")
        List<@NotNull @Pattern(regexp = "[0-9]{4}|SE", message = "a kommunkod (four digits) or SE") String>
                regionsServed,
        @Size(max = 10) List<@NotNull @Pattern(regexp = "[a-z]{2}", message = "an ISO 639-1 code, e.g. sv")
                String> languages,
        @Valid ContactInput contact) {

    public List<String> capabilities() {
        return capabilities == null ? List.of() : capabilities;
    }

    public List<String> sectors() {
        return sectors == null ? List.of() : sectors;
    }

    public List<String> languages() {
        return languages == null ? List.of() : languages;
    }
}
