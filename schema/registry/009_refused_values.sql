-- Registry schema 9: the values a refused change carried (its `fields`, compact JSON, as the
-- device sent them), so that they are kept on the registry too, not only on the tablet that keeps
-- them (and gives them up into `discarded_changes`): supervisors read them in the list of refused
-- changes (GET /api/v1/rejections, `fields`). NULL for a change stored at last (its values are in
-- `history` then) and for refusals recorded before version 9.
ALTER TABLE push_outcomes ADD COLUMN fields TEXT;
