"""Errors raised before any YAML is written.

Every error the library raises on bad input derives from :class:`ConfigurationError`, itself a
``ValueError``, so callers can catch one type. Messages quote the field, the value received and
the rule it breaks, in the style ``'parallelism' (0) must be >= 1``.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "ConfigurationError",
    "InvalidNameError",
    "InvalidOptionError",
    "SchemaViolationError",
    "SearchSpaceError",
    "SweepError",
]


class ConfigurationError(ValueError):
    """Base class of every input error the library raises.

    ``problems`` holds each problem found, so that all of them are reported at once.
    """

    def __init__(self, problems: str | Iterable[str]) -> None:
        self.problems: tuple[str, ...] = (problems,) if isinstance(problems, str) else tuple(problems)
        super().__init__("; ".join(self.problems) if len(self.problems) < 2 else
                         f"{len(self.problems)} problems:\n  - " + "\n  - ".join(self.problems))


class InvalidNameError(ConfigurationError):
    """A name or label value that Kubernetes would reject."""


class InvalidOptionError(ConfigurationError):
    """A construct option outside its allowed values."""


class SchemaViolationError(ConfigurationError):
    """A custom resource that its CustomResourceDefinition's schema or CEL rules reject."""


class SearchSpaceError(ConfigurationError):
    """A search space that cannot be searched, or a run parameter outside it."""


class SweepError(ConfigurationError):
    """A sweep whose strategy cannot produce the runs it asks for."""
