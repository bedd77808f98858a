package se.utfall.finance.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.utfall.web.json.JsonText;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** One version of a contract's terms: the signed one (number 1) or a variation, with why, who and from when. */
@Entity
@Table(name = "contract_version")
public class ContractVersion extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "contract_id", nullable = false, updatable = false)
    public UUID contractId;
    @Column(nullable = false, updatable = false)
    public int number;
    @Column(nullable = false, updatable = false)
    public String terms;
    @Column(name = "effective_from", nullable = false, updatable = false)
    public LocalDate effectiveFrom;
    @Column(updatable = false)
    public String reason;
    @Column(name = "approved_by_org", nullable = false, updatable = false)
    public UUID approvedByOrg;
    @Column(name = "approved_by", nullable = false, updatable = false)
    public String approvedBy;
    @Column(name = "approved_at", nullable = false, updatable = false)
    public Instant approvedAt;

    public Terms parsed() {
        return JsonText.read(terms, new TypeReference<Terms>() { });
    }

    /**
     * The version in force on {@code day}: of those effective on or before it, the latest effective date, and of
     * those the highest number. Empty before the first took effect.
     */
    public static <V> Optional<V> inForce(List<V> versions, LocalDate day,
            Function<V, LocalDate> effectiveFrom, ToIntFunction<V> number) {
        return versions.stream().filter(v -> !effectiveFrom.apply(v).isAfter(day))
                .max(Comparator.comparing(effectiveFrom).thenComparingInt(number));
    }
}
