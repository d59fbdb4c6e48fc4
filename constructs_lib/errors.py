"""Errors raised before any YAML is written, and the collector that gathers them.

Every error the library raises on bad input derives from :class:`ConfigurationError`, itself a
``ValueError``, so callers can catch one type. Messages quote the field, the value received and
the rule it breaks, in the style ``'parallelism' (0) must be >= 1``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = [
    "ConfigurationError",
    "Problems",
    "as_tuple",
    "typed",
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


class Problems:
    """Problems collected across options, raised once as the most specific error class that
    covers all of them."""

    def __init__(self) -> None:
        self._found: list[tuple[type[ConfigurationError], str]] = []

    def add(self, kind: type[ConfigurationError], *messages: str) -> None:
        """Record ``messages`` as problems of type ``kind``."""
        self._found += [(kind, message) for message in messages]

    def check(self, function: Any, *args: Any, **kwargs: Any) -> Any:
        """Call ``function``, recording the problems of a :class:`ConfigurationError` it raises
        (the result is then ``None``)."""
        try:
            return function(*args, **kwargs)
        except ConfigurationError as error:
            self.add(type(error), *error.problems)
            return None

    def raise_if_any(self) -> None:
        """Raise every recorded problem at once."""
        if self._found:
            kinds = {kind for kind, _ in self._found}
            raise (kinds.pop() if len(kinds) == 1 else ConfigurationError)([m for _, m in self._found])


def typed(found: Problems, field: str, value: Any, kind: type) -> Any:
    """``value`` if it is unset or a ``kind``; otherwise the problem is recorded and ``None``
    returned, so that checking can go on."""
    if value is None or isinstance(value, kind):
        return value
    found.add(InvalidOptionError, f"'{field}' ({value!r}) must be of type {kind.__name__}")
    return None


def as_tuple(found: Problems, field: str, value: Any, kind: type | None = None) -> tuple[Any, ...]:
    """``value`` as a tuple of ``kind`` items; a string or other non-sequence, or an item of
    another type, is recorded in ``found`` (and left out)."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        found.add(InvalidOptionError, f"'{field}' ({value!r}) must be a sequence")
        return ()
    items = tuple(value)
    if kind is None:
        return items
    found.add(InvalidOptionError, *(f"'{field}' entry {item!r} must be a {kind.__name__}"
                                    for item in items if not isinstance(item, kind)))
    return tuple(item for item in items if isinstance(item, kind))
