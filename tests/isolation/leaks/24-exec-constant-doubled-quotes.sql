EXEC('INSERT INTO etl.notes (txt) SELECT ''it''''s'' FROM raw_data.brokers');
