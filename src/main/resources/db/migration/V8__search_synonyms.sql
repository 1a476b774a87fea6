-- Search synonyms, one group per row, editable by administrators: a query for one term also finds the others.
CREATE TABLE search_synonym
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    terms      TEXT        NOT NULL UNIQUE,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO search_synonym (terms) VALUES
    ('业委会,业主委员会'),
    ('物业公司,物业服务企业,物业服务人'),
    ('维修基金,维修资金,专项维修资金'),
    ('物业费,物业服务费'),
    ('业主大会,业主会议'),
    ('停车位,车位');
