package se.utfall.challenge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.money.Money;


import java.math.BigDecimal;

@Schema(description = "How the need is met today and what it costs: the bar a new solution must not exceed")
@JsonIgnoreProperties("costPerPeriod")
public record CostBaseline(
        @NotBlank @Size(max = 4000)
        @Schema(examples = "Matlådor körs från Ljusdal till Ramsjö en gång i veckan") String description,
        @NotNull @Valid @Schema(description = "Cost per unit today") Money unitCost,
        @NotBlank @Size(max = 100) @Schema(examples = "portion") String unit,
        @NotBlank @Size(max = 50) @Schema(examples = "year", description = "Period the volume refers to") String period,
        @DecimalMin("0") @Digits(integer = 15, fraction = 2)
        @Schema(examples = "5840", description = "Units per period") BigDecimal volumePerPeriod) {
}
