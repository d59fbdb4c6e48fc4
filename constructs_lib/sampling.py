"""Trials of a sweep: a search space and a strategy expanded into the parameter values of each run.

Pure Python, no cdk8s. :func:`expand` gives the same trials, in the same order, on every machine,
in every Python 3 version and in every run of the process, whatever order the parameters were
declared in:

- Parameters are taken in name order.
- Grid search is the cartesian product of each parameter's :func:`grid_points`, the last
  parameter (by name) varying fastest.
- Random search draws one number per parameter, in name order, from
  ``random.Random(seed).random()`` until it has ``max_runs`` distinct configurations, and turns
  it into a value with this module's own arithmetic. Python guarantees only that ``random()``
  gives the same sequence for the same integer seed across versions ("Notes on
  Reproducibility" in the ``random`` documentation); ``randrange``, ``choice``, ``uniform`` and
  ``sample`` are not used because their algorithms are not covered by that promise (``randrange``
  and ``choice`` changed theirs in Python 3.2).
- Values are rendered with :func:`format_value`. Doubles keep 12 significant digits, which
  removes float drift (``3 * 0.1`` gives ``0.3``); on a linear scale, digits of the range's
  magnitude, so that a point near zero is ``0.0``. Log-scale values are computed with
  :mod:`decimal`, which is software arithmetic and the same everywhere, rather than with the
  platform's ``exp``, ``log`` and ``pow``, whose last bit may differ between C libraries.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Context, Decimal
from itertools import islice, product
from typing import cast

from .errors import SearchSpaceError, SweepError
from .naming import content_hash
from .schema import MAX_TRIALS
from .search_space import ParameterType, SearchParameter, Strategy, StrategyType, format_value

__all__ = ["DRAWS_PER_RUN", "KEY_LENGTH", "Trial", "expand", "grid_points"]

KEY_LENGTH = 12
"""Hex characters of :attr:`Trial.key`: 48 bits, so that a clash among even 100,000 trials is
improbable (about 2 in 100,000); :func:`expand` still refuses one."""

DRAWS_PER_RUN = 100
"""Random search gives up after ``DRAWS_PER_RUN * max_runs`` draws without ``max_runs`` distinct
configurations."""

_SIGNIFICANT_DIGITS = 12
_FINEST_STEP = 1e-9
"""Smallest step relative to the range's magnitude (linear) or above 1 (log ratio): finer points
would not stay distinct at 12 significant digits."""
_TOLERANCE = 1e-9
"""How close (in steps) ``max`` must be to the last grid point for it to count as on the grid."""
_EXACT = Context(prec=20)
_ROUNDED = Context(prec=_SIGNIFICANT_DIGITS)


@dataclass(frozen=True)
class Trial:
    """One configuration of a sweep: the parameter values of one run.

    :param parameters: (name, value) pairs, values rendered with :func:`format_value`; stored
        sorted by name whatever order they are given in.
    :raises SearchSpaceError: when a name appears twice.

    ``key`` is a hash of the values (:data:`KEY_LENGTH` hex characters) that depends neither on
    the order in which parameters were declared nor on the trial's position: use it in run names
    so that re-running synthesis never renames a run.
    """

    parameters: tuple[tuple[str, str], ...]
    key: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        pairs = tuple(sorted(self.parameters))
        values = dict(pairs)
        if len(values) != len(pairs):
            twice = sorted(name for name, count in Counter(name for name, _ in pairs).items() if count > 1)
            raise SearchSpaceError(f"'parameters' names must be unique: {twice} appear more than once")
        object.__setattr__(self, "parameters", pairs)
        object.__setattr__(self, "key", content_hash(values, KEY_LENGTH))


@dataclass(frozen=True, slots=True)
class _Dimension:
    """A parameter as sampling sees it."""

    name: str
    size: int | None
    """Distinct values it can take; ``None`` when continuous."""
    point: Callable[[int], str] | None
    """Its ``i``-th grid point; ``None`` when it has no grid (no step)."""
    draw: Callable[[float], str]
    """Its value for a number drawn uniformly from [0, 1)."""


def expand(search_space: Sequence[SearchParameter], strategy: Strategy, *,
           truncate: bool = False) -> tuple[Trial, ...]:
    """The trials of ``strategy`` over ``search_space``, in a reproducible order.

    - grid: every combination of grid points, at most ``strategy.max_runs`` (when unset, at most
      ``MAX_TRIALS``, 100,000). A larger grid raises unless ``truncate`` is true; then the first
      ``max_runs`` in the order described in the module docstring are kept.
    - random: ``strategy.max_runs`` distinct configurations drawn with ``strategy.seed``; int
      bounds are inclusive, log-scale parameters log-uniform, parameters with a ``step`` drawn
      from their grid points.

    :param truncate: keep the first ``max_runs`` trials of a larger grid instead of raising.
        Default: ``False``. Random search ignores it.
    :raises SweepError: for a manual strategy, a grid larger than ``max_runs`` without
        ``truncate``, or random search that cannot find ``max_runs`` distinct configurations.
    :raises SearchSpaceError: for an empty search space, a parameter name declared twice, a grid
        parameter without a step, or a step too fine to give distinct values.
    """
    if strategy.type is StrategyType.MANUAL:
        raise SweepError("'strategy.type' ('manual') cannot be expanded into trials: manual runs are "
                         "listed by hand; grid and random strategies are expanded")
    dimensions = _dimensions(search_space, strategy.type)
    if strategy.type is StrategyType.GRID:
        rows = _grid(dimensions, strategy.max_runs, truncate)
    else:
        # Strategy's CEL rule makes random search carry both maxRuns and seed.
        rows = _random(dimensions, cast(int, strategy.max_runs), cast(int, strategy.seed))
    names = tuple(dimension.name for dimension in dimensions)
    trials = tuple(Trial(tuple(zip(names, row))) for row in rows)
    _require_distinct_keys(trials)
    return trials


def grid_points(parameter: SearchParameter) -> tuple[str, ...]:
    """Every grid point of ``parameter``, in order, rendered with :func:`format_value`.

    - int: ``min``, ``min + step``, ... up to ``max`` (step default 1); on a log scale ``min``,
      ``min * step``, ... (``step`` is required there, a whole ratio >= 2 by the CRD's rules).
    - double: the same, ``step`` required; ``max`` is included when it lies on the grid within
      a billionth of a step.
    - categorical: the values in declared order.

    :raises SearchSpaceError: when the parameter needs a step, its step is too fine, or it has
        more than ``MAX_TRIALS`` points.
    """
    dimension = _dimension(parameter)
    if dimension.point is None:
        raise SearchSpaceError(_step_required(parameter))
    size = cast(int, dimension.size)  # every dimension with grid points has a size
    if size > MAX_TRIALS:
        raise SearchSpaceError(f"'search_space[{parameter.name}].step' ({format_value(cast(float, parameter.step))}) "
                               f"gives {size} grid points, more than the {MAX_TRIALS} runs a sweep may have")
    return tuple(map(dimension.point, range(size)))


def _dimensions(search_space: Sequence[SearchParameter], kind: StrategyType) -> list[_Dimension]:
    if not search_space:
        raise SearchSpaceError(f"'search_space' ([]) must have at least one parameter for {kind.value} search")
    twice = sorted(name for name, count in Counter(p.name for p in search_space).items() if count > 1)
    if twice:
        raise SearchSpaceError(f"'search_space' names must be unique: {twice} declared more than once")
    ordered = sorted(search_space, key=lambda p: p.name)
    dimensions = [_dimension(p) for p in ordered]
    if kind is StrategyType.GRID:
        missing = [_step_required(p) for p, d in zip(ordered, dimensions) if d.point is None]
        if missing:
            raise SearchSpaceError(missing)
    return dimensions


def _step_required(parameter: SearchParameter) -> str:
    where = ("on a log scale, where it is the ratio" if parameter.is_log
             else "over a double parameter, where it is the difference")
    return f"'search_space[{parameter.name}].step' is required for grid search {where} between points"


def _grid(dimensions: list[_Dimension], max_runs: int | None, truncate: bool) -> Iterable[tuple[str, ...]]:
    sizes = [cast(int, d.size) for d in dimensions]
    size = math.prod(sizes)
    limit = MAX_TRIALS if max_runs is None else max_runs
    if size > limit and not truncate:
        shape = " x ".join(map(str, sizes))
        if max_runs is None:
            raise SweepError(f"grid of {size} trials ({shape}) exceeds the {MAX_TRIALS} runs a sweep may have: "
                             "coarsen the grid, or set 'max_runs' and pass truncate=True")
        raise SweepError(f"'max_runs' ({max_runs}) must be >= the {size} trials of the grid ({shape}): "
                         f"raise max_runs, coarsen the grid, or pass truncate=True to keep the first {max_runs}")
    count = min(size, limit)
    # The first `count` combinations never use a point beyond index `count - 1` of any parameter.
    axes = [[cast(Callable[[int], str], d.point)(i) for i in range(min(s, count))]
            for d, s in zip(dimensions, sizes)]
    return islice(product(*axes), count)


def _random(dimensions: list[_Dimension], max_runs: int, seed: int) -> Iterable[tuple[str, ...]]:
    sizes = [d.size for d in dimensions]
    if None not in sizes:
        space = math.prod(cast(list[int], sizes))
        if space < max_runs:
            raise SweepError(f"'max_runs' ({max_runs}) must be <= {space}, the number of distinct "
                             "configurations of the search space, for random search: lower max_runs, or use "
                             "grid search to run them all")
    uniform = random.Random(seed).random
    draws = [d.draw for d in dimensions]
    found: dict[tuple[str, ...], None] = {}  # distinct configurations, in the order first drawn
    budget = DRAWS_PER_RUN * max_runs
    for _ in range(budget):
        found.setdefault(tuple([draw(uniform()) for draw in draws]))
        if len(found) == max_runs:
            return found.keys()
    raise SweepError(f"random search (seed {seed}) found {len(found)} distinct configurations in {budget} "
                     f"draws, fewer than 'max_runs' ({max_runs}): lower max_runs, widen the search space, "
                     "or use grid search")


def _require_distinct_keys(trials: tuple[Trial, ...]) -> None:
    first: dict[str, Trial] = {}
    for trial in trials:
        other = first.setdefault(trial.key, trial)
        if other is not trial:
            raise SweepError(f"trials {dict(other.parameters)} and {dict(trial.parameters)} have the same key "
                             f"{trial.key!r}: change the search space slightly")


def _index(u: float, size: int) -> int:
    """``u`` in [0, 1) mapped to 0 .. size - 1 (the ``min`` guards a product rounded up to size)."""
    return min(int(u * size), size - 1)


def _on_grid(name: str, size: int, point: Callable[[int], str]) -> _Dimension:
    return _Dimension(name, size, point, lambda u: point(_index(u, size)))


def _dimension(parameter: SearchParameter) -> _Dimension:
    if parameter.type is ParameterType.CATEGORICAL:
        values = cast(tuple[str, ...], parameter.values)
        return _on_grid(parameter.name, len(values), values.__getitem__)
    if parameter.type is ParameterType.INT:
        return _int_log(parameter) if parameter.is_log else _int_linear(parameter)
    return _double_log(parameter) if parameter.is_log else _double_linear(parameter)


def _bounds(parameter: SearchParameter) -> tuple[float, float]:
    return float(cast(float, parameter.min)), float(cast(float, parameter.max))


def _int_linear(parameter: SearchParameter) -> _Dimension:
    low, high = (int(bound) for bound in _bounds(parameter))
    step = int(parameter.step or 1)
    return _on_grid(parameter.name, (high - low) // step + 1, lambda i: format_value(low + i * step))


def _int_log(parameter: SearchParameter) -> _Dimension:
    low, high = (int(bound) for bound in _bounds(parameter))
    if parameter.step is not None:
        # Whole numbers (a CRD rule): the points are exact integers, never rounded or repeated.
        ratio = int(parameter.step)
        size = 1
        while low * ratio ** size <= high:
            size += 1
        return _on_grid(parameter.name, size, lambda i: format_value(low * ratio ** i))
    # Log-uniform over [low - 0.5, high + 0.5), rounded half up: every integer can be drawn, with a
    # probability proportional to the log-width of its rounding interval (low >= 1 by the CRD rules).
    log_low, log_span = _log_range(Decimal(low) - Decimal("0.5"), Decimal(high) + Decimal("0.5"))

    def draw(u: float) -> str:
        value = _EXACT.exp(_EXACT.fma(Decimal(u), log_span, log_low))
        return format_value(min(high, max(low, int(value.to_integral_value(rounding=ROUND_HALF_UP)))))

    return _Dimension(parameter.name, high - low + 1, None, draw)


def _double_linear(parameter: SearchParameter) -> _Dimension:
    low, high = _bounds(parameter)
    magnitude = max(abs(low), abs(high))
    # Decimal places that keep 12 significant digits at the range's magnitude, so that points
    # near zero round to 0.0 too (relative rounding would keep drift such as 5.5e-17).
    places = _SIGNIFICANT_DIGITS - 1 - int(f"{magnitude:e}".split("e")[1])

    def value(x: float) -> str:
        return format_value(min(high, max(low, round(x, places) + 0.0)))  # + 0.0 turns -0.0 into 0.0

    if parameter.step is None:
        return _Dimension(parameter.name, None, None, lambda u: value(low + u * (high - low)))
    step = float(parameter.step)
    _require_fine_enough(parameter, step / magnitude)
    return _on_grid(parameter.name, math.floor((high - low) / step + _TOLERANCE) + 1,
                    lambda i: value(low + i * step))


def _double_log(parameter: SearchParameter) -> _Dimension:
    low, high = _bounds(parameter)
    exact_low, exact_high = Decimal(repr(low)), Decimal(repr(high))

    def value(x: Decimal) -> str:
        return format_value(min(high, max(low, float(_ROUNDED.plus(x)))))

    if parameter.step is None:
        log_low, log_span = _log_range(exact_low, exact_high)
        return _Dimension(parameter.name, None, None,
                          lambda u: value(_EXACT.exp(_EXACT.fma(Decimal(u), log_span, log_low))))
    step = float(parameter.step)
    _require_fine_enough(parameter, step - 1)
    ratio = Decimal(repr(step))
    steps = _EXACT.divide(_EXACT.ln(_EXACT.divide(exact_high, exact_low)), _EXACT.ln(ratio))
    size = math.floor(float(steps) + _TOLERANCE) + 1
    return _on_grid(parameter.name, size, lambda i: value(_EXACT.multiply(exact_low, _EXACT.power(ratio, i))))


def _log_range(low: Decimal, high: Decimal) -> tuple[Decimal, Decimal]:
    """``ln(low)`` and ``ln(high) - ln(low)``: ``exp(log_low + u * span)`` is log-uniform."""
    log_low = _EXACT.ln(low)
    return log_low, _EXACT.subtract(_EXACT.ln(high), log_low)


def _require_fine_enough(parameter: SearchParameter, relative_step: float) -> None:
    if relative_step < _FINEST_STEP:
        raise SearchSpaceError(
            f"'search_space[{parameter.name}].step' ({format_value(cast(float, parameter.step))}) is too fine: "
            f"points must differ by at least {_FINEST_STEP:g} of the range's magnitude (linear) or by a ratio "
            f"of at least 1 + {_FINEST_STEP:g} (log) to stay distinct at {_SIGNIFICANT_DIGITS} significant digits"
        )
