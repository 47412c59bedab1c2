-- The same policy staged twice (a join that fanned out).
INSERT INTO poc_etl.stg_policies VALUES
    ('P0003', 'B002', 'G02', 'DENTAL', 99.99, DATE '2024-03-15', DATE '2024-09-15');
