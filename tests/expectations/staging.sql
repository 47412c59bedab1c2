-- A small staging area as a pipeline leaves it in the sandbox: brokers, groups and
-- policies staged from a raw sample. Every expectation in suites/ holds on it.
CREATE SCHEMA poc_etl;
CREATE SCHEMA poc_raw_data;
CREATE TABLE poc_etl.stg_brokers (
    broker_code VARCHAR(20) NOT NULL,
    broker_name VARCHAR(100) NOT NULL,
    status VARCHAR(20) NOT NULL
);
INSERT INTO poc_etl.stg_brokers VALUES
    ('B001', 'Acme Brokers', 'ACTIVE'),
    ('B002', 'Birch & Sons', 'ACTIVE'),
    ('B003', 'Cobalt Risk', 'INACTIVE'),
    ('B004', 'Delta Cover', 'SUSPENDED');
CREATE TABLE poc_etl.stg_groups (
    group_code VARCHAR(20) NOT NULL,
    broker_code VARCHAR(20) NOT NULL,
    region VARCHAR(10)
);
INSERT INTO poc_etl.stg_groups VALUES
    ('G01', 'B001', 'NE'),
    ('G02', 'B001', 'SE'),
    ('G03', 'B003', 'NE');
CREATE TABLE poc_etl.stg_policies (
    policy_number VARCHAR(20) NOT NULL,
    broker_code VARCHAR(20) NOT NULL,
    group_code VARCHAR(20),
    line VARCHAR(20) NOT NULL,
    annual_premium DECIMAL(12, 2) NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL
);
INSERT INTO poc_etl.stg_policies VALUES
    ('P0001', 'B001', 'G01', 'LIFE', 1200.00, DATE '2024-01-01', DATE '2025-01-01'),
    ('P0002', 'B001', NULL, 'HEALTH', 640.50, DATE '2024-02-01', DATE '2025-02-01'),
    ('P0003', 'B002', 'G02', 'DENTAL', 99.99, DATE '2024-03-15', DATE '2024-09-15'),
    ('P0004', 'B003', 'G03', 'LIFE', 2500.00, DATE '2023-12-01', DATE '2024-12-01'),
    ('P0005', 'B003', NULL, 'DISABILITY', 310.00, DATE '2024-06-01', DATE '2025-06-01'),
    ('P0006', 'B004', 'G01', 'HEALTH', 875.25, DATE '2024-07-01', DATE '2025-07-01');
CREATE TABLE poc_raw_data.policies (
    policy_id INTEGER NOT NULL,
    broker VARCHAR(20)
);
INSERT INTO poc_raw_data.policies VALUES
    (1, 'B001'), (2, 'B001'), (3, 'B002'), (4, 'B003'),
    (5, 'B003'), (6, 'B004'), (7, 'B009'), (8, NULL);
