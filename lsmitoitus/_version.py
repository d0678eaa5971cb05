"""The package's version: at the bottom, so that every layer can stamp its outputs with it
without importing the public API (``lsmitoitus/__init__.py``), which sits on top."""

__version__ = "0.1.0"
