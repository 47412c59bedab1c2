CREATE TABLE sbx_dbo.Brokers (id INT NOT NULL, CONSTRAINT PK_Brokers PRIMARY KEY CLUSTERED (id) ON [PRIMARY]) ON [PRIMARY];
CREATE TABLE sbx_dbo.Policies (id INT NOT NULL, created DATE NOT NULL) ON ps_policies_by_year (created);
CREATE NONCLUSTERED INDEX IX_Policies_created ON sbx_dbo.Policies (created) ON [INDEXES];
