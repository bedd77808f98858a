package se.utfall.finance.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.finance.domain.Instrument;
import se.utfall.money.Money;

import java.math.BigDecimal;
import java.util.List;

/** An investor's mandate, as it creates or replaces it (what GET gave may be sent back). */
@JsonIgnoreProperties(value = {"id", "organisationId", "organisationName", "version", "createdAt", "updatedAt"})
public record MandateRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Norrlands Impact Fund") String name,
        @NotNull @Size(max = 30) List<@NotBlank @Size(max = 60) String> sectors,
        @NotNull @Size(max = 50) List<@Pattern(regexp = "\\d{1,2}\\.[0-9a-z]{1,2}",
                message = "must be an SDG target such as 3.4") String> sdgTargets,
        @NotNull @Size(max = 290) List<@Pattern(regexp = "\\d{4}", message = "must be a 4-digit kommunkod")
                String> municipalityCodes,
        boolean national,
        @NotNull @Valid Money ticketMin,
        @NotNull @Valid Money ticketMax,
        @NotNull @Size(min = 1, max = 5) List<@NotNull Instrument> instruments,
        @DecimalMin("-100") @DecimalMax("1000") BigDecimal returnMinPercent,
        @DecimalMin("-100") @DecimalMax("1000") BigDecimal returnMaxPercent,
        @DecimalMin("0") @DecimalMax("100") BigDecimal maxLossPercent) {
}
