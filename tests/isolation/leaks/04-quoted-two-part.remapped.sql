SELECT a FROM "poc_raw_data"."brokers";
