"""Expansion of a search space and a strategy into trials (constructs_lib.sampling)."""

import json
import math
import os
import random
import subprocess
import sys
from collections import Counter
from itertools import permutations
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, reject, settings
from hypothesis import strategies as st

from constructs_lib.errors import SearchSpaceError, SweepError
from constructs_lib.naming import content_hash
from constructs_lib.sampling import KEY_LENGTH, Trial, expand, grid_points
from constructs_lib.search_space import ParameterType, Scale, SearchParameter, Strategy, StrategyType

LOG = Scale.LOG
ROOT = Path(__file__).parents[1]

# Every way a value can be drawn: double log / linear without step, int linear, int log without
# and with step, double linear and log with step, categorical.
EVERY_KIND = (
    SearchParameter.double("lr", 1e-5, 1e-1, scale=LOG),
    SearchParameter.double("dropout", 0, 0.5),
    SearchParameter.int("layers", 1, 8),
    SearchParameter.int("batch_size", 16, 512, scale=LOG),
    SearchParameter.int("width", 32, 1024, step=2, scale=LOG),
    SearchParameter.double("momentum", 0.8, 0.99, step=0.01),
    SearchParameter.double("weight_decay", 1e-6, 1e-2, step=10, scale=LOG),
    SearchParameter.categorical("optimizer", ["adam", "sgd", "rmsprop"]),
)
GRID_SPACE = (
    SearchParameter.double("lr", 1e-4, 1e-1, step=10, scale=LOG),
    SearchParameter.int("layers", 2, 6, step=2),
    SearchParameter.categorical("optimizer", ["adam", "sgd"]),
)


def grid(max_runs: int | None = None) -> Strategy:
    return Strategy(type=StrategyType.GRID, max_runs=max_runs)


def random_search(max_runs: int, seed: int = 7) -> Strategy:
    return Strategy(type=StrategyType.RANDOM, max_runs=max_runs, seed=seed)


def values(trials: tuple[Trial, ...], name: str) -> list[str]:
    return [dict(trial.parameters)[name] for trial in trials]


def scenario_trials() -> dict[str, list[list[object]]]:
    """Trials of a few scenarios as JSON-able lists, compared across processes."""
    scenarios = {
        "random": expand(EVERY_KIND, random_search(200, seed=99)),
        "grid": expand(GRID_SPACE, grid()),
        "truncated": expand(GRID_SPACE, grid(max_runs=5), truncate=True),
    }
    return {name: [[trial.key, list(map(list, trial.parameters))] for trial in trials]
            for name, trials in scenarios.items()}


# --- grid -----------------------------------------------------------------------------------

@pytest.mark.parametrize("parameter, points", [
    (SearchParameter.int("n", 1, 5), ["1", "2", "3", "4", "5"]),
    (SearchParameter.int("n", -4, 4, step=3), ["-4", "-1", "2"]),
    (SearchParameter.int("n", 0, 9, step=3), ["0", "3", "6", "9"]),
    (SearchParameter.double("x", 0, 1, step=0.1),
     ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0"]),
    (SearchParameter.double("x", -0.3, 0.3, step=0.1), ["-0.3", "-0.2", "-0.1", "0.0", "0.1", "0.2", "0.3"]),
    (SearchParameter.double("x", 0, 1, step=0.3), ["0.0", "0.3", "0.6", "0.9"]),
    (SearchParameter.double("x", 0, 1, step=1 / 3), ["0.0", "0.33333333333", "0.66666666667", "1.0"]),
    (SearchParameter.double("x", 1, 3, step=1), ["1.0", "2.0", "3.0"]),
    (SearchParameter.double("lr", 1e-5, 1e-1, step=10, scale=LOG), ["1e-05", "0.0001", "0.001", "0.01", "0.1"]),
    (SearchParameter.double("x", 0.001, 1, step=2, scale=LOG),
     ["0.001", "0.002", "0.004", "0.008", "0.016", "0.032", "0.064", "0.128", "0.256", "0.512"]),
    (SearchParameter.double("x", 1, 2, step=2 ** 0.25, scale=LOG),
     ["1.0", "1.189207115", "1.41421356237", "1.68179283051", "2.0"]),
    (SearchParameter.int("n", 16, 1024, step=2, scale=LOG), ["16", "32", "64", "128", "256", "512", "1024"]),
    (SearchParameter.int("n", 1, 999, step=10, scale=LOG), ["1", "10", "100"]),
    (SearchParameter.categorical("c", ["sgd", "adam", "rmsprop"]), ["sgd", "adam", "rmsprop"]),
], ids=lambda value: value.to_spec().__repr__() if isinstance(value, SearchParameter) else "")
def test_grid_points(parameter, points):
    assert list(grid_points(parameter)) == points
    assert all(parameter.check_value(point) is None for point in points)


def test_grid_is_the_cartesian_product_in_name_order_last_fastest():
    trials = expand(GRID_SPACE, grid())
    assert [dict(t.parameters) for t in trials[:4]] == [
        {"layers": "2", "lr": "0.0001", "optimizer": "adam"},
        {"layers": "2", "lr": "0.0001", "optimizer": "sgd"},
        {"layers": "2", "lr": "0.001", "optimizer": "adam"},
        {"layers": "2", "lr": "0.001", "optimizer": "sgd"},
    ]
    assert len(trials) == 3 * 4 * 2
    assert len({t.parameters for t in trials}) == len({t.key for t in trials}) == len(trials)


def test_grid_within_max_runs_gives_every_point():
    assert expand(GRID_SPACE, grid(max_runs=24)) == expand(GRID_SPACE, grid(max_runs=100)) == expand(GRID_SPACE, grid())


def test_truncated_grid_keeps_the_first_max_runs():
    assert expand(GRID_SPACE, grid(max_runs=5), truncate=True) == expand(GRID_SPACE, grid())[:5]


def test_truncating_a_huge_grid_only_computes_what_it_keeps():
    huge = [SearchParameter.double(name, 0, 1, step=1e-6) for name in ("a", "b", "c")]  # 10^18 points
    trials = expand(huge, grid(max_runs=3), truncate=True)
    assert [dict(t.parameters) for t in trials] == [
        {"a": "0.0", "b": "0.0", "c": value} for value in ("0.0", "1e-06", "2e-06")]


# --- random ---------------------------------------------------------------------------------

def test_random_is_reproducible_within_the_process():
    first = expand(EVERY_KIND, random_search(300, seed=1))
    assert expand(EVERY_KIND, random_search(300, seed=1)) == first
    assert [t.key for t in expand(EVERY_KIND, random_search(300, seed=1))] == [t.key for t in first]
    assert expand(EVERY_KIND, random_search(300, seed=2)) != first


def test_trials_are_the_same_in_processes_with_other_hash_seeds():
    script = "import json; from tests.test_sampling import scenario_trials; print(json.dumps(scenario_trials()))"
    children = [subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                                 env={**os.environ, "PYTHONHASHSEED": hash_seed})
                for hash_seed in ("0", "4242")]
    expected = scenario_trials()
    for child in children:
        output, _ = child.communicate(timeout=60)
        assert child.returncode == 0
        assert json.loads(output) == expected


def test_random_golden_trials():
    """Pins the algorithm: a change here renames every run of every existing random sweep."""
    trials = expand(EVERY_KIND, random_search(3, seed=2024))
    assert [(t.key, dict(t.parameters)) for t in trials] == [
        ("8e9900fa8a9f", {"batch_size": "80", "dropout": "0.364132145712", "layers": "3", "lr": "0.0354154754057",
                          "momentum": "0.88", "optimizer": "rmsprop", "weight_decay": "1e-05", "width": "64"}),
        ("b6832ebc867b", {"batch_size": "266", "dropout": "0.249150691011", "layers": "4", "lr": "0.00814772832383",
                          "momentum": "0.99", "optimizer": "adam", "weight_decay": "0.001", "width": "256"}),
        ("780fdcc4bec6", {"batch_size": "200", "dropout": "0.499831560504", "layers": "2", "lr": "0.010241481759",
                          "momentum": "0.89", "optimizer": "rmsprop", "weight_decay": "0.01", "width": "32"}),
    ]


def test_random_draws_one_random_per_parameter_in_name_order():
    trials = expand([SearchParameter.categorical("opt", ["a", "b", "c"]), SearchParameter.int("layers", 1, 8)],
                    random_search(5, seed=11))
    uniform = random.Random(11).random
    expected = []
    while len(expected) < 5:
        layers, opt = 1 + int(uniform() * 8), "abc"[int(uniform() * 3)]
        if {"layers": str(layers), "opt": opt} not in expected:
            expected.append({"layers": str(layers), "opt": opt})
    assert [dict(t.parameters) for t in trials] == expected


def test_log_uniform_gives_each_decade_an_equal_share():
    trials = expand([SearchParameter.double("lr", 1e-6, 1e-2, scale=LOG)], random_search(4000))
    decades = Counter(math.floor(math.log10(float(v))) for v in values(trials, "lr"))
    assert sorted(decades) == [-6, -5, -4, -3]
    assert all(0.22 < count / 4000 < 0.28 for count in decades.values()), decades


def test_int_log_uniform_favours_small_values_like_the_log_width_of_each_integer():
    trials = expand([SearchParameter.int("n", 1, 100, scale=LOG), SearchParameter.double("x", 0, 1)],
                    random_search(4000))
    counts = Counter(int(v) for v in values(trials, "n"))
    share_low = sum(counts[n] for n in range(1, 10)) / 4000  # [0.5, 9.5) of [0.5, 100.5)
    assert abs(share_low - math.log(19) / math.log(201)) < 0.03


def test_linear_double_is_uniform():
    dropout = [float(v) for v in values(expand([SearchParameter.double("d", 0, 1)], random_search(4000)), "d")]
    assert all(0.2 < sum(a <= x < a + 0.25 for x in dropout) / 4000 < 0.3 for a in (0, 0.25, 0.5, 0.75))


@pytest.mark.parametrize("parameter, expected", [
    (SearchParameter.int("n", -3, 3), {str(n) for n in range(-3, 4)}),
    (SearchParameter.int("n", 1, 8, scale=LOG), {str(n) for n in range(1, 9)}),
    (SearchParameter.int("n", 0, 10, step=5), {"0", "5", "10"}),
])
def test_integer_bounds_are_inclusive(parameter, expected):
    trials = expand([parameter, SearchParameter.double("x", 0, 1)], random_search(400))
    assert set(values(trials, "n")) == expected


@pytest.mark.parametrize("parameter", [
    SearchParameter.double("x", 0, 1, step=0.25),
    SearchParameter.double("x", 1e-4, 1, step=10, scale=LOG),
    SearchParameter.int("x", 2, 512, step=4, scale=LOG),
], ids=["linear", "log", "int-log"])
def test_random_with_a_step_draws_grid_points(parameter):
    trials = expand([parameter, SearchParameter.double("y", 0, 1)], random_search(200))
    assert set(values(trials, "x")) == set(grid_points(parameter))


def test_random_can_draw_the_whole_of_a_small_space():
    space = [SearchParameter.int("n", 1, 4), SearchParameter.categorical("c", ["a", "b", "c"])]
    trials = expand(space, random_search(12))
    assert sorted(t.parameters for t in trials) == sorted(t.parameters for t in expand(space, grid()))


def test_ten_thousand_random_trials_are_distinct():
    """How fast this is, is measured by bench/synthesis.py, not asserted here."""
    trials = expand(EVERY_KIND[:3] + EVERY_KIND[-1:], random_search(10_000))
    assert len({t.key for t in trials}) == 10_000


# --- order independence and keys -------------------------------------------------------------

@pytest.mark.parametrize("strategy", [random_search(50), grid(), grid(max_runs=7)], ids=["random", "grid", "truncated"])
def test_declaration_order_changes_nothing(strategy):
    space = EVERY_KIND[:2] + EVERY_KIND[5:] if strategy.type is StrategyType.RANDOM else GRID_SPACE
    results = {expand(order, strategy, truncate=True) for order in permutations(space)}
    assert len(results) == 1


def test_trial_key_depends_on_values_only():
    trial = Trial((("lr", "0.1"), ("batch", "32")))
    assert trial.parameters == (("batch", "32"), ("lr", "0.1"))
    assert trial == Trial((("batch", "32"), ("lr", "0.1")))
    assert trial.key == content_hash({"batch": "32", "lr": "0.1"}, KEY_LENGTH)
    assert len(trial.key) == KEY_LENGTH
    assert trial.key != Trial((("lr", "0.1"), ("batch", "64"))).key


# --- properties -----------------------------------------------------------------------------

NAMES = ("alpha", "beta", "gamma", "delta")


@st.composite
def search_parameters(draw: st.DrawFn, name: str) -> SearchParameter:
    kind = draw(st.sampled_from(ParameterType))
    log = draw(st.booleans())
    try:
        if kind is ParameterType.CATEGORICAL:
            choices = draw(st.lists(st.text("abcxyz", min_size=1, max_size=3), min_size=1, max_size=6, unique=True))
            return SearchParameter.categorical(name, choices)
        if kind is ParameterType.INT:
            low = draw(st.integers(1, 100) if log else st.integers(-100, 100))
            high = low + draw(st.integers(1, 3000))
            step = draw(st.none() | (st.integers(2, 10) if log else st.integers(1, max(1, (high - low) // 2))))
            return SearchParameter.int(name, low, high, step=step, scale=LOG if log else None)
        if log:
            low = 10.0 ** draw(st.floats(-8, 3))
            high = low * 10.0 ** draw(st.floats(0.1, 8))
            step = draw(st.none() | st.floats(1.05, 100.0))
            return SearchParameter.double(name, low, high, step=step, scale=LOG)
        low = draw(st.floats(-1e3, 1e3))
        high = low + draw(st.floats(1e-3, 1e3))
        step = draw(st.none() | st.floats(1 / 60, 1).map(lambda share: (high - low) * share))
        return SearchParameter.double(name, low, high, step=step)
    except SearchSpaceError:  # outside the CRD's rules, e.g. a log step wider than the range
        reject()


@st.composite
def search_spaces(draw: st.DrawFn) -> list[SearchParameter]:
    count = draw(st.integers(1, len(NAMES)))
    return [draw(search_parameters(name)) for name in NAMES[:count]]


def distinct_values(parameter: SearchParameter) -> float:
    """How many distinct values random search can draw: inf for a continuous double."""
    if parameter.type is ParameterType.INT and parameter.is_log and parameter.step is None:
        return parameter.max - parameter.min + 1
    if parameter.type is ParameterType.DOUBLE and parameter.step is None:
        return math.inf
    return len(grid_points(parameter))


def needs_step(parameter: SearchParameter) -> bool:
    return parameter.step is None and (parameter.type is ParameterType.DOUBLE or parameter.is_log)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(space=search_spaces(), max_runs=st.integers(1, 60), seed=st.integers(0, 2**31 - 1),
       kind=st.sampled_from([StrategyType.GRID, StrategyType.RANDOM]), truncate=st.booleans())
def test_trials_are_distinct_within_bounds_and_as_many_as_asked(space, max_runs, seed, kind, truncate):
    strategy = Strategy(type=kind, max_runs=max_runs, seed=seed)
    if kind is StrategyType.GRID and any(map(needs_step, space)):
        event("grid without a step")
        with pytest.raises(SearchSpaceError, match="is required for grid search"):
            expand(space, strategy, truncate=truncate)
        return
    size = math.prod(len(grid_points(p)) if kind is StrategyType.GRID else distinct_values(p) for p in space)
    try:
        trials = expand(space, strategy, truncate=truncate)
    except SweepError:
        event(f"{kind.value}: SweepError")
        if kind is StrategyType.GRID:
            assert size > max_runs and not truncate
        else:  # too small a space, or one so barely larger than max_runs that draws ran out
            assert size < 2 * max_runs
        return
    event(f"{kind.value}: trials")
    by_name = {p.name: p for p in space}
    assert all(by_name[name].check_value(value) is None for t in trials for name, value in t.parameters)
    assert all([name for name, _ in t.parameters] == sorted(by_name) for t in trials)
    assert len({t.parameters for t in trials}) == len({t.key for t in trials}) == len(trials)
    assert len(trials) == (min(max_runs, size) if kind is StrategyType.GRID else max_runs)
