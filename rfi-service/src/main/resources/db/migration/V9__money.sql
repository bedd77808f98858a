-- Money (utfall-money): at most 9999999999999.99 (fifteen significant digits), two decimals, an ISO 4217 code.
ALTER TABLE rfi_response
    ALTER COLUMN estimated_annual_cost TYPE NUMERIC(15, 2),
    ADD CONSTRAINT rfi_response_estimate_money
        CHECK (estimated_annual_cost >= 0 AND currency ~ '^[A-Z]{3}$');
