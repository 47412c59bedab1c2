-- The raw input shrank after staging: staging now holds more rows than the raw sample.
DELETE FROM poc_raw_data.policies WHERE policy_id > 3;
