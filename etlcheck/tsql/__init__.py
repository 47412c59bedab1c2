"""T-SQL for engines that do not speak it: batch splitting, statement splitting,
control flow in Python and per-statement transpilation through sqlglot."""
