-- A policy whose broker was never staged (and one whose group was not).
INSERT INTO poc_etl.stg_policies VALUES
    ('P0007', 'B999', 'G01', 'LIFE', 150.00, DATE '2024-08-01', DATE '2025-08-01'),
    ('P0008', 'B002', 'G77', 'LIFE', 150.00, DATE '2024-08-01', DATE '2025-08-01');
