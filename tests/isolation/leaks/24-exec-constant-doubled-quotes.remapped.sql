EXEC('INSERT INTO poc_etl.notes (txt) SELECT ''it''''s'' FROM poc_raw_data.brokers');
