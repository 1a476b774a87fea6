-- A registrant's name and e-mail are erased a set time after the hearing (个人信息保护法 第十九条; see
-- RegistrantRetention); the registration stays as a numbered row of the hearing's record (陈述人N, the lottery).
ALTER TABLE hearing_registration ALTER COLUMN name DROP NOT NULL;
ALTER TABLE hearing_registration ALTER COLUMN email DROP NOT NULL;
