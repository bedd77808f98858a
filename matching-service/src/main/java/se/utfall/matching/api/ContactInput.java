package se.utfall.matching.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** Whom a buyer may contact: personal data, shown only to signed-in buyers and coordinators, never on a topic. */
public record ContactInput(@Size(max = 200) String name, @Email @Size(max = 320) String email) {
}
