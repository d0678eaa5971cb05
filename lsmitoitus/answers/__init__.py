"""The answers computed from simulations: dimensioning, budgets, staffing plans, comparisons,
costs, THL indicators, sensitivity and calibration. Numbers only: nothing here writes files
or formats for people (that is :mod:`lsmitoitus.reports`)."""
