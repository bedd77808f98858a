package se.utfall.finance.api;

import se.utfall.finance.domain.Instrument;
import se.utfall.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An investor and its mandate, as its own organisation (and coordinators matching cases) see it. */
public record InvestorView(UUID id, UUID organisationId, String organisationName, String name, List<String> sectors,
        List<String> sdgTargets, List<String> municipalityCodes, boolean national, Money ticketMin, Money ticketMax,
        List<Instrument> instruments, BigDecimal returnMinPercent, BigDecimal returnMaxPercent,
        BigDecimal maxLossPercent, long version, Instant createdAt, Instant updatedAt) {
}
