"""The pathway's rules that the event model and the vectorised pathway both apply, in one place.

The event model (:mod:`.pathway`, :mod:`.arrivals`) moves one child at a time, or a block of
children; the vectorised pathway (:mod:`.vectorised`: calibration's approximation and every
run's initial state) moves whole cohorts with numpy. Where they apply the same rule they call
the function here (the array functions take numbers or arrays), or read the same table of
:class:`~.parameters.ModelParameters`:

* a child's age band, and the 18th birthday (:func:`band_of`, :data:`BAND_UPPER_DAYS`,
  :data:`ADULT_DAYS`);
* age at notification (:func:`ages_from`);
* after an assessment, who becomes an open-care client (:func:`client_after_assessment`);
* what an open-care episode leads to: :attr:`~.parameters.AvohuoltoParameters.outcome_cumulative`
  in the order of :data:`~.parameters.AVOHUOLTO_OUTCOMES`;
* the length cap of an emergency placement that ends at home (:func:`emergency_home_cap`);
* when aftercare ends (:func:`.law.aftercare_end` and its array twin
  :func:`.law.aftercare_end_array`).

The event model alone has what needs the other children: assessment slots, worker lists,
rationing, and the levers that ramp in over time.
"""

from __future__ import annotations

from typing import TypeVar

import numpy as np

from ..vocabulary import ADULT_AGE_YEARS, AGE_BAND_BOUNDS, AGE_BANDS, DAYS_PER_YEAR
from .parameters import KiireellinenSijoitusParameters

#: a child turns 18 this many days after birth
ADULT_DAYS = ADULT_AGE_YEARS * DAYS_PER_YEAR
#: upper age bound of each age band, days (a child is in the first band whose bound is above its age)
BAND_UPPER_DAYS: tuple[float, ...] = tuple(hi * DAYS_PER_YEAR for _, hi in AGE_BAND_BOUNDS)
_BAND_UPPER = np.array(BAND_UPPER_DAYS)

Days = TypeVar("Days", float, np.ndarray)


def band_of(age_days: np.ndarray) -> np.ndarray:
    """Age band index of ages in days (the last band for anyone older)."""
    return np.minimum(np.searchsorted(_BAND_UPPER, age_days, side="right"), len(AGE_BANDS) - 1)


def ages_from(shares: tuple[float, ...], u_band: np.ndarray, u_age: np.ndarray) -> np.ndarray:
    """Ages (days) at notification: a band by its share, then uniform within the band."""
    band = np.minimum(np.searchsorted(np.cumsum(shares), u_band, side="right"), len(AGE_BANDS) - 1)
    bounds = np.asarray(AGE_BAND_BOUNDS, dtype=float)
    lo, hi = bounds[band, 0], bounds[band, 1]
    return (lo + (hi - lo) * u_age) * DAYS_PER_YEAR


def client_after_assessment(
    p_avohuolto: np.ndarray, year: np.ndarray, band: np.ndarray, u: np.ndarray, end: np.ndarray, birth: np.ndarray
) -> np.ndarray:
    """Whether assessments ending at ``end`` lead to an open-care client relationship: the child
    is still a minor then, and its draw ``u`` is below ``arviointi.p_avohuolto`` (as a [year,
    band] table) of the year and age band at the end."""
    return (end < birth + ADULT_DAYS) & (u < p_avohuolto[year, band])


def emergency_home_cap(kiireellinen_sijoitus: KiireellinenSijoitusParameters, u_extension: Days) -> Days:
    """The longest an emergency placement that ends at home may last: the legal maximum, extended
    once (``extension_max_days``) when the draw ``u_extension`` is below ``p_extension``."""
    p = kiireellinen_sijoitus
    return p.max_days + p.extension_max_days * (u_extension < p.p_extension)


__all__ = [
    "ADULT_DAYS",
    "BAND_UPPER_DAYS",
    "ages_from",
    "band_of",
    "client_after_assessment",
    "emergency_home_cap",
]
