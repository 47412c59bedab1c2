"""Regression benchmarking: ``etlcheck bench`` and the ``--etl-bench-*`` pytest options.

Seed once, run the steps N times on fresh copies of the seeded database
(:mod:`~etlcheck.bench.copies`, :mod:`~etlcheck.bench.runs`), with a reference workload
timed before each run (:mod:`~etlcheck.bench.reference`), store the samples keyed by
engine, scale, rewrite mode, seed, cache state and version (:mod:`~etlcheck.bench.keys`,
:mod:`~etlcheck.bench.storage`), and compare two results by the asv rule
(:mod:`~etlcheck.bench.verdict`, :mod:`~etlcheck.bench.compare`), unless the machine's own
change of speed explains the difference.
"""
