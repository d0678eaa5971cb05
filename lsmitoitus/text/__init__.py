"""The foundation every layer may import: the one translation table (:mod:`.i18n`), numbers and
dates as a person reads them (:mod:`.formats`), labels of the vocabulary (:mod:`.labels`), plain
text tables (:mod:`.text_table`) and the registry of measures (:mod:`.measures`). Imports nothing
of the project but :mod:`lsmitoitus.vocabulary`."""
