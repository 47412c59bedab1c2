INSERT INTO etl.items SELECT id FROM etl.switch WHERE id > 0;
