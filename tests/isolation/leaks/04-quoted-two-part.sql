SELECT a FROM "raw_data"."brokers";
