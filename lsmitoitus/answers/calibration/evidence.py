"""National evidence a county's calibration uses beside the county's own counts.

A county's published counts (children in open care, in care, in emergency placement, placed
outside the home during the year) pin down flows, but not how long stays last: many short stays
and fewer long ones give the same during-the-year count. Staffing rests on the children on the
lists on a given day, so the calibration also fits three national ratios, applied to the county
(``lsmitoitus/data/national-evidence.csv``, docs/sources.md §10):

* new care orders in a year per child in care during it (THL 2023: 1,785 / 11,300): with the
  county's children in care, how many care orders a year, hence how long care lasts;
* young people aged 18 or more in aftercare during the year per child in care (THL 2023:
  15,002 / 11,300): how many take up aftercare and for how long;
* children on the lists on the survey day per open-care client or child in care during the year
  (THL November 2022: about 34,000 / 49,900): how long open-care client relationships last.

A national ratio is not the county's own figure: each target carries a relative standard
deviation (10 %, the list ratio 5 %), so it weighs as the evidence allows, far less than a count
known to its Poisson noise. The aftercare target weighs only when an aftercare parameter is fitted:
the model offers aftercare to young people leaving a placement, and even when everyone entitled
stays to the age limit it reaches about half of the national ratio for Kanta-Häme (THL's count also
includes young adults whose aftercare began later, and counties differ), so fitting care or open
care to it would distort them; the calibration report shows it beside the fit.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from importlib import resources

import pandas as pd

EVIDENCE_FILE = "national-evidence.csv"


@dataclass(frozen=True)
class Evidence:
    """One national ratio: its name, year, value, relative standard deviation as evidence for a
    county, meaning and source."""

    name: str
    year: int
    value: float
    relative_sd: float
    meaning: str
    source: str


def national_evidence() -> dict[str, Evidence]:
    """The bundled national ratios by name."""
    text = (resources.files("lsmitoitus") / "data" / EVIDENCE_FILE).read_text(encoding="utf-8")
    out = {}
    for row in csv.DictReader(io.StringIO(text)):
        out[row["evidence"]] = Evidence(
            row["evidence"],
            int(row["year"]),
            float(row["value"]),
            float(row["relative_sd"]),
            row["meaning"],
            row["source"],
        )
    return out


#: a target weighs in a fit only when a parameter it speaks for is fitted (otherwise it is checked
#: and reported): aftercare's volume says nothing a fit of care and open care should follow
ONLY_WITH: dict[str, str] = {"jalkihuollossa_18_plus": "jalkihuolto."}

#: target indicator -> (ratio, the county indicators it multiplies)
TARGETS: dict[str, tuple[str, tuple[str, ...]]] = {
    "huostaanotot": ("huostaanotot_per_huostassa", ("huostassa_0_17",)),
    "jalkihuollossa_18_plus": ("jalkihuollossa_18_plus_per_huostassa", ("huostassa_0_17",)),
    "listoilla_lapsia": ("listoilla_per_asiakkaat", ("avohuollon_asiakkaat_0_17", "huostassa_0_17")),
}


def county_targets(observed: pd.DataFrame, fitted: tuple[str, ...] = ()) -> pd.DataFrame:
    """Targets for the county in every year its observations (columns indicator, year, observed:
    counts) give the indicators a ratio multiplies: indicator, year, observed (the target), sd
    (infinite, so it does not weigh, for a target none of the ``fitted`` parameters speaks for)
    and the evidence's name."""
    evidence = national_evidence()
    value = {
        (str(i), int(y)): float(v)
        for i, y, v in zip(observed["indicator"], observed["year"], observed["observed"], strict=True)
    }
    rows = []
    for indicator, (ratio_name, base) in TARGETS.items():
        ratio = evidence[ratio_name]
        for year in sorted({y for (_, y) in value}):
            if all((b, year) in value for b in base):
                target = ratio.value * sum(value[(b, year)] for b in base)
                prefix = ONLY_WITH.get(indicator)
                weighs = prefix is None or any(name.startswith(prefix) for name in fitted)
                sd = ratio.relative_sd * target if weighs else math.inf
                rows.append((indicator, year, target, sd, ratio_name))
    return pd.DataFrame(rows, columns=["indicator", "year", "observed", "sd", "evidence"])
