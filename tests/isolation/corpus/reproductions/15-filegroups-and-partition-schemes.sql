CREATE TABLE Brokers (id INT NOT NULL, CONSTRAINT PK_Brokers PRIMARY KEY CLUSTERED (id) ON [PRIMARY]) ON [PRIMARY];
CREATE TABLE Policies (id INT NOT NULL, created DATE NOT NULL) ON ps_policies_by_year (created);
CREATE NONCLUSTERED INDEX IX_Policies_created ON Policies (created) ON [INDEXES];
