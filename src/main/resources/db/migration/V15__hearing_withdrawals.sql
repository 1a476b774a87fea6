-- A selected speaker who cannot attend (第十四条: 应当提前告知) withdraws; the waiting list fills the seat.
ALTER TABLE hearing_registration DROP CONSTRAINT hearing_registration_outcome_check;
ALTER TABLE hearing_registration ADD CONSTRAINT hearing_registration_outcome_check
    CHECK (outcome IN ('PENDING', 'SELECTED', 'WAITING', 'NOT_SELECTED', 'ADMITTED', 'WITHDRAWN'));
