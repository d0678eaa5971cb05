"""The bundled scenarios (``*.toml``): copy one and edit it, or run it by name
(``lsmitoitus run kasvu-5``). The wheel ships this folder as the package ``lsmitoitus.scenarios``
(pyproject.toml: ``package-dir``), where :mod:`lsmitoitus.scenario.files` finds them by name."""
