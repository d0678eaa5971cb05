"""The error of an input a user gave: a scenario, a plan or a history file that cannot be read
or is invalid. Below the modules that raise it (files, checks, uncertainty, history), so that
none of them imports another only for its error class."""

from __future__ import annotations

from ..text.i18n import UserError


class ScenarioError(UserError, ValueError):
    """A scenario (or another input file) could not be read or is invalid. The message is meant
    for the end user: :meth:`text` gives it in either language, ``str()`` in Finnish."""
