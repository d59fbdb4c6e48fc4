"""What an experiment searches and how it judges runs: search space, objective and strategy.

Each value object checks itself against the very schema node (and CEL rules) that the
Experiment CRD uses for it, so that Python and the API server cannot disagree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import Any

from .errors import InvalidOptionError, SearchSpaceError
from .schema import EXPERIMENT_SCHEMA
from .validation import require_valid

__all__ = [
    "Goal",
    "Objective",
    "ParameterType",
    "Scale",
    "SearchParameter",
    "Strategy",
    "StrategyType",
    "format_value",
]

_SPEC = EXPERIMENT_SCHEMA["properties"]["spec"]["properties"]


class ParameterType(Enum):
    """The type of a search-space parameter."""

    INT = "int"
    DOUBLE = "double"
    CATEGORICAL = "categorical"


class Scale(Enum):
    """How a numeric parameter is sampled and spaced on a grid."""

    LINEAR = "linear"
    LOG = "log"


class Goal(Enum):
    """Which way the objective metric is better."""

    MAXIMIZE = "maximize"
    MINIMIZE = "minimize"


class StrategyType(Enum):
    """How runs are chosen: a full grid, seeded random sampling, or runs listed by hand."""

    GRID = "grid"
    RANDOM = "random"
    MANUAL = "manual"


def format_value(value: int | float | str) -> str:
    """A parameter value as the string a Run carries and training receives.

    Integers as written; floats in Python's shortest round-trip form (``0.001``, ``1e-05``), so
    the same value always gives the same string on every machine.
    """
    if isinstance(value, bool):
        raise TypeError("parameter values are int, float or str, not bool")
    if isinstance(value, float):
        return repr(value)
    return str(value)


@dataclass(frozen=True, kw_only=True)
class SearchParameter:
    """One dimension of a search space. Prefer the :meth:`int`, :meth:`double` and
    :meth:`categorical` constructors.

    :param name: passed to training as ``--name=value``; letters, digits, ``_``, ``.``, ``-``.
    :param type: int, double or categorical.
    :param min: inclusive lower bound (numeric types).
    :param max: inclusive upper bound (numeric types).
    :param step: grid spacing: the difference between points on a linear scale, the ratio on a
        log scale. Default: unset; grid search then uses 1 for int and refuses double.
    :param values: the choices of a categorical parameter.
    :param scale: linear or log. Default: unset (linear).
    :raises SearchSpaceError: when the CRD's schema or rules reject the parameter.
    """

    name: str
    type: ParameterType
    min: float | None = None
    max: float | None = None
    step: float | None = None
    values: tuple[str, ...] | None = None
    scale: Scale | None = None

    def __post_init__(self) -> None:
        if self.values is not None:
            object.__setattr__(self, "values", tuple(self.values))
        require_valid(_SPEC["searchSpace"]["items"], self.to_spec(), path=f"spec.searchSpace[{self.name}]",
                      error=SearchSpaceError)

    @classmethod
    def int(cls, name: str, min: int, max: int, *, step: int | None = None,
            scale: Scale | None = None) -> SearchParameter:
        """An integer parameter from ``min`` to ``max`` inclusive."""
        return cls(name=name, type=ParameterType.INT, min=min, max=max, step=step, scale=scale)

    @classmethod
    def double(cls, name: str, min: float, max: float, *, step: float | None = None,
               scale: Scale | None = None) -> SearchParameter:
        """A real-valued parameter from ``min`` to ``max`` inclusive."""
        return cls(name=name, type=ParameterType.DOUBLE, min=min, max=max, step=step, scale=scale)

    @classmethod
    def categorical(cls, name: str, values: tuple[str, ...] | list[str]) -> SearchParameter:
        """A parameter taking one of ``values``."""
        return cls(name=name, type=ParameterType.CATEGORICAL, values=tuple(values))

    @property
    def is_log(self) -> bool:
        """Whether the parameter is sampled and spaced on a log scale."""
        return self.scale is Scale.LOG

    def to_spec(self) -> dict[str, Any]:
        """The parameter as an entry of the Experiment's ``spec.searchSpace``."""
        spec: dict[str, Any] = {"name": self.name, "type": self.type.value}
        for field in ("min", "max", "step"):
            value = getattr(self, field)
            if value is not None:
                spec[field] = value
        if self.values is not None:
            spec["values"] = list(self.values)
        if self.scale is not None:
            spec["scale"] = self.scale.value
        return spec

    def check_value(self, value: str) -> str | None:
        """Why ``value`` (a run's parameter value) is outside this parameter, or ``None``."""
        if self.type is ParameterType.CATEGORICAL:
            choices = self.values or ()
            return None if value in choices else f"must be one of {list(choices)}"
        try:
            number = int(value) if self.type is ParameterType.INT else float(value)
        except ValueError:
            return f"must be {'an integer' if self.type is ParameterType.INT else 'a number'}"
        if not math.isfinite(number) or not (self.min <= number <= self.max):  # type: ignore[operator]
            return f"must be within [{format_value(self.min)}, {format_value(self.max)}]"  # type: ignore[arg-type]
        return None


@dataclass(frozen=True, kw_only=True)
class Objective:
    """The metric that judges runs.

    :param metric: name of a metric the runs report, for example ``accuracy``.
    :param goal: maximize or minimize.
    :param target: a value that counts as good enough. Default: unset (no target).
    :raises InvalidOptionError: when the CRD's schema rejects it.
    """

    metric: str
    goal: Goal
    target: float | None = None

    def __post_init__(self) -> None:
        require_valid(_SPEC["objective"], self.to_spec(), path="spec.objective", error=InvalidOptionError)

    def to_spec(self) -> dict[str, Any]:
        """The Experiment's ``spec.objective``."""
        spec: dict[str, Any] = {"metric": self.metric, "goal": self.goal.value}
        if self.target is not None:
            spec["target"] = self.target
        return spec


@dataclass(frozen=True, kw_only=True)
class Strategy:
    """How runs are chosen from the search space.

    :param type: grid, random or manual.
    :param max_runs: most runs created. Default: unset (a grid's full size; required for random).
    :param parallelism: most runs executing at once. Default: unset (sweeps run them all at once
        up to ``max_runs``; give a bound for real clusters).
    :param seed: seed of random search. Default: unset (required for random).
    :raises InvalidOptionError: when the CRD's schema or rules reject it, for example
        ``parallelism`` greater than ``max_runs``.
    """

    type: StrategyType
    max_runs: int | None = None
    parallelism: int | None = None
    seed: int | None = None

    def __post_init__(self) -> None:
        require_valid(_SPEC["strategy"], self.to_spec(), path="spec.strategy", error=InvalidOptionError)

    def to_spec(self) -> dict[str, Any]:
        """The Experiment's ``spec.strategy``."""
        spec: dict[str, Any] = {"type": self.type.value}
        for key, value in (("maxRuns", self.max_runs), ("parallelism", self.parallelism), ("seed", self.seed)):
            if value is not None:
                spec[key] = value
        return spec
