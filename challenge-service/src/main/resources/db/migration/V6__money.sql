-- Money (utfall-money): at most 9999999999999.99 (fifteen significant digits), two decimals, an ISO 4217 code.
-- The columns say the same, so an amount the type cannot hold is refused here, never read back into a 500.
-- (Quantities - baseline_volume, goal values - are not money and keep their precision.)
ALTER TABLE challenge
    ALTER COLUMN budget_amount TYPE NUMERIC(15, 2),
    ALTER COLUMN baseline_unit_cost TYPE NUMERIC(15, 2),
    ADD CONSTRAINT challenge_budget_money CHECK (budget_amount >= 0 AND budget_currency ~ '^[A-Z]{3}$'),
    ADD CONSTRAINT challenge_baseline_money CHECK (baseline_unit_cost >= 0 AND baseline_currency ~ '^[A-Z]{3}$');
