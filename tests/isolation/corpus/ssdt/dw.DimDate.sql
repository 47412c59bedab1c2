CREATE TABLE dw.DimDate
(
    DateKey         INT          NOT NULL PRIMARY KEY,
    [Date]          DATE         NOT NULL,
    [Year]          SMALLINT     NOT NULL,
    [Quarter]       TINYINT      NOT NULL,
    [Month]         TINYINT      NOT NULL,
    MonthName       NVARCHAR(20) NOT NULL,
    IsWeekend       BIT          NOT NULL,
    FiscalYear      SMALLINT     NOT NULL
);
GO
CREATE UNIQUE INDEX UX_DimDate_Date ON dw.DimDate ([Date]);
GO
EXEC sp_addextendedproperty 'MS_Description', 'Calendar dimension, one row per day.', 'SCHEMA', 'dw', 'TABLE', 'DimDate';
EXEC sp_addextendedproperty 'MS_Description', 'yyyymmdd as an integer.', 'SCHEMA', 'dw', 'TABLE', 'DimDate', 'COLUMN', 'DateKey';
GO
