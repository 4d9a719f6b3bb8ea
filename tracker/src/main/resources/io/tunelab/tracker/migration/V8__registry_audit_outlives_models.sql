-- The registry's audit trail outlives what it audits, so that deletions stay traceable (as MLflow users expect): a
-- row names its model, and deleting a registered model detaches its rows (model_id NULL) instead of deleting them.
-- A row with no alias records the deletion of a version (from_version) or, with no version either, of the model.
ALTER TABLE alias_moves ADD COLUMN model_name VARCHAR(200);
UPDATE alias_moves SET model_name = (SELECT r.model_name FROM registered_models r WHERE r.model_id = alias_moves.model_id);
ALTER TABLE alias_moves ALTER COLUMN model_name SET NOT NULL;
ALTER TABLE alias_moves ALTER COLUMN model_id DROP NOT NULL;
ALTER TABLE alias_moves ALTER COLUMN alias_name DROP NOT NULL;
CREATE INDEX alias_moves_by_model_name ON alias_moves (model_name, move_id);
