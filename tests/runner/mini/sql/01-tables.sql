CREATE TABLE etl.items (id INT);
