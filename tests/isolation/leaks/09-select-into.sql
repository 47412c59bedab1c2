SELECT * INTO etl.tmp_copy FROM raw_data.policies;
