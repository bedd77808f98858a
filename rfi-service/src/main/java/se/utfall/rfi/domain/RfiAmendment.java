package se.utfall.rfi.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One published amendment of an RFI: public, so every respondent sees the same changes. */
@Entity
@Table(name = "rfi_amendment")
public class RfiAmendment extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    public Instant at;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> fields;
    public String note;
    /** field → {from, to}, as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode changes;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "rfi_id")
        public UUID rfiId;
        public int number;

        public Key() {
        }

        public Key(UUID rfiId, int number) {
            this.rfiId = rfiId;
            this.number = number;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(rfiId, k.rfiId) && number == k.number;
        }

        @Override
        public int hashCode() {
            return Objects.hash(rfiId, number);
        }
    }
}
