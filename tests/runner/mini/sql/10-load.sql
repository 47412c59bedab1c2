INSERT INTO etl.items SELECT * FROM range(5);
