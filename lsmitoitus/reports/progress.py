"""Progress for people: a bar in the reader's language, and the time remaining as words."""

from __future__ import annotations

import math
import time
from typing import Any

from tqdm import tqdm

from ..text.i18n import Lang, t


class TerminalBar:
    """A tqdm bar on a terminal with its texts in ``lang`` (elapsed and remaining time), drawn on
    the first report and removed at the end."""

    def __init__(self, label: str, lang: Lang = "fi") -> None:
        self.label = label
        self.lang = lang
        self.bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = tqdm(total=total, desc=self.label, leave=False, bar_format=t("progress_bar", self.lang))
        self.bar.total = total
        self.bar.n = done
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def remaining_text(done: int, total: int, elapsed: float, lang: Lang = "fi") -> str:
    """ "noin 40 s jäljellä" from the pace so far (the first report has no pace yet)."""
    if done <= 0 or total <= done:
        return t("remaining_seconds", lang, seconds=0) if total <= done else ""
    left = elapsed / done * (total - done)
    if left < 90:
        return t("remaining_seconds", lang, seconds=max(1, math.ceil(left / 5) * 5 if left > 10 else math.ceil(left)))
    return t("remaining_minutes", lang, minutes=math.ceil(left / 60))


class Clock:
    """Elapsed seconds since it was made (monotonic), for the time-remaining estimate."""

    def __init__(self) -> None:
        self.start = time.monotonic()

    def elapsed(self) -> float:
        return time.monotonic() - self.start
