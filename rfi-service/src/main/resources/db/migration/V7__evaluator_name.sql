-- An evaluator is shown by name (the token's "name" claim at scoring), never by the token's subject.
ALTER TABLE evaluation_score ADD COLUMN evaluator_name TEXT;
