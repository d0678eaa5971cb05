"""Build script: the package is pure Python; the model core's per-event modules are also
compiled to C with mypyc when a C compiler is available (same source, same results, faster).

Set ``LSMITOITUS_PURE_PYTHON=1`` to build without compiling. A failed compile is not an error:
the package then runs its Python source. See lsmitoitus/model/_compiled.py and
docs/architecture.md ("Speed").
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).resolve().parent
MODEL = ROOT / "lsmitoitus" / "model"


def compiled_extensions() -> list:
    """mypyc extensions of the model core, or none (pure Python) if they cannot be built."""
    if os.environ.get("LSMITOITUS_PURE_PYTHON") == "1":
        return []
    compiled = runpy.run_path(str(MODEL / "_compiled.py"))  # the list, without importing the package
    modules = compiled["MODULES"]
    # the stamp that lets the package notice a source edited after this build: the compiled
    # modules and every module whose constants mypyc inlines into them (read before compiling)
    stamp = compiled["stamp"]()
    try:
        from mypyc.build import mypycify

        # a config of its own: the build environment has none of the runtime libraries, so
        # their imports are untyped (Any) here, which is all the compiled code needs
        paths = [f"lsmitoitus/model/{name}.py" for name in modules]
        extensions = mypycify(["--config-file", "tools/mypyc.ini", *paths], group_name="lsmitoitus_model")
    except (Exception, SystemExit) as err:
        print(f"lsmitoitus: the model core is not compiled ({err}); it runs as Python", file=sys.stderr)
        return []
    (MODEL / "_compiled_from.py").write_text(
        '"""Written by setup.py: SHA-256 of each source the compiled model core depends on."""\n\nSOURCES = '
        + repr(stamp)
        + "\n",
        encoding="utf-8",
    )
    for extension in extensions:
        extension.optional = True  # a compiler error leaves the Python source in use
    return extensions


setup(ext_modules=compiled_extensions())
