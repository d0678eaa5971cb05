"""The answers computed from simulations: dimensioning, budgets, staffing plans, comparisons,
costs, THL indicators, sensitivity and calibration. Numbers (and the messages about them): nothing
here writes a file or draws a chart; that is :mod:`lsmitoitus.reports`."""
