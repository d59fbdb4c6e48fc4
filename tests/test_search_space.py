"""Search-space parameters, objective and strategy: constructors, spec form, checks and errors."""

import dataclasses

import pytest

from constructs_lib.errors import ConfigurationError, InvalidOptionError, SearchSpaceError
from constructs_lib.schema import EXPERIMENT_SCHEMA
from constructs_lib.search_space import (
    Goal,
    Objective,
    ParameterType,
    Scale,
    SearchParameter,
    Strategy,
    StrategyType,
    format_value,
)
from constructs_lib.validation import problems

SPEC = EXPERIMENT_SCHEMA["properties"]["spec"]["properties"]


@pytest.mark.parametrize("parameter, spec", [
    (SearchParameter.int("layers", 1, 8), {"name": "layers", "type": "int", "min": 1, "max": 8}),
    (SearchParameter.int("batch", 16, 256, step=2, scale=Scale.LOG),
     {"name": "batch", "type": "int", "min": 16, "max": 256, "step": 2, "scale": "log"}),
    (SearchParameter.double("lr", 1e-5, 0.1, scale=Scale.LOG),
     {"name": "lr", "type": "double", "min": 1e-5, "max": 0.1, "scale": "log"}),
    (SearchParameter.double("dropout", 0.0, 0.5, step=0.1),
     {"name": "dropout", "type": "double", "min": 0.0, "max": 0.5, "step": 0.1}),
    (SearchParameter.categorical("optimizer", ["adam", "sgd"]),
     {"name": "optimizer", "type": "categorical", "values": ["adam", "sgd"]}),
])
def test_constructors_give_the_crd_spec_form(parameter, spec):
    assert parameter.to_spec() == spec
    assert problems(SPEC["searchSpace"]["items"], parameter.to_spec()) == []


def test_parameter_is_frozen_and_keeps_values_as_a_tuple():
    parameter = SearchParameter.categorical("optimizer", ["adam", "sgd"])
    assert parameter.values == ("adam", "sgd")
    assert parameter.type is ParameterType.CATEGORICAL and not parameter.is_log
    assert SearchParameter.double("lr", 1e-4, 1, scale=Scale.LOG).is_log
    with pytest.raises(dataclasses.FrozenInstanceError):
        parameter.name = "other"  # type: ignore[misc]


@pytest.mark.parametrize("build, message", [
    (lambda: SearchParameter.int("lr", 5, 1), r"^spec\.searchSpace\[lr\]: Invalid value: min must be less than max$"),
    (lambda: SearchParameter.double("lr", 0, 1, scale=Scale.LOG), r"log scale needs min > 0"),
    (lambda: SearchParameter.double("lr", 0, 1, step=0), r"step must be > 0 \(linear scale\)"),
    (lambda: SearchParameter.double("lr", 1e-3, 1, step=1, scale=Scale.LOG), r"or > 1 \(log scale"),
    (lambda: SearchParameter.int("layers", 0, 4, step=5), r"step must be no larger than the range"),
    (lambda: SearchParameter(name="n", type=ParameterType.INT, min=0.5, max=3), r"whole-number min, max and step"),
    (lambda: SearchParameter(name="opt", type=ParameterType.CATEGORICAL), r"categorical parameters need values"),
    (lambda: SearchParameter(name="x", type=ParameterType.DOUBLE, min=0, max=1, values=("a",)),
     r"int and double parameters take min and max, not values"),
    (lambda: SearchParameter(name="x", type=ParameterType.DOUBLE, min=0), r"int and double parameters need min and max"),
    (lambda: SearchParameter.categorical("opt", []), r"^spec\.searchSpace\[opt\]\.values: .*at least 1 items"),
    (lambda: SearchParameter.categorical("opt", ["a", "a"]), r"values\[1\]: Duplicate value"),
    (lambda: SearchParameter.int("1lr", 0, 3), r"\.name: Invalid value: \"1lr\": should match"),
    (lambda: SearchParameter.double("lr", 0, 2e15), r"\.max: Invalid value: .*must be <= "),
    (lambda: SearchParameter.int("a", 1, 3, step=True), r"\.step: Invalid value: true: must be of type number"),
])
def test_bad_parameters_raise_search_space_error(build, message):
    with pytest.raises(SearchSpaceError, match=message):
        build()


@pytest.mark.parametrize("parameter, value, reason", [
    (SearchParameter.int("layers", 1, 8), "4", None),
    (SearchParameter.int("layers", 1, 8), "1", None),
    (SearchParameter.int("layers", 1, 8), "8", None),
    (SearchParameter.int("layers", 1, 8), "9", "must be within [1, 8]"),
    (SearchParameter.int("layers", 1, 8), "4.0", "must be an integer"),
    (SearchParameter.int("layers", 1, 8), "four", "must be an integer"),
    (SearchParameter.double("lr", 1e-5, 0.1), "0.001", None),
    (SearchParameter.double("lr", 1e-5, 0.1), "1e-06", "must be within [1e-05, 0.1]"),
    (SearchParameter.double("lr", 1e-5, 0.1), "nan", "must be within [1e-05, 0.1]"),
    (SearchParameter.double("lr", 1e-5, 0.1), "inf", "must be within [1e-05, 0.1]"),
    (SearchParameter.double("lr", 1e-5, 0.1), "fast", "must be a number"),
    (SearchParameter.categorical("opt", ["adam", "sgd"]), "sgd", None),
    (SearchParameter.categorical("opt", ["adam", "sgd"]), "Adam", "must be one of ['adam', 'sgd']"),
])
def test_check_value(parameter, value, reason):
    assert parameter.check_value(value) == reason


@pytest.mark.parametrize("value, text", [
    (3, "3"), (0.001, "0.001"), (1e-5, "1e-05"), (0.1 + 0.2, "0.30000000000000004"), ("adam", "adam"),
])
def test_format_value_is_the_shortest_round_trip_form(value, text):
    assert format_value(value) == text


def test_format_value_refuses_bool():
    with pytest.raises(TypeError):
        format_value(True)


def test_objective_and_strategy_spec_form():
    assert Objective(metric="accuracy", goal=Goal.MAXIMIZE).to_spec() == {"metric": "accuracy", "goal": "maximize"}
    assert Objective(metric="loss", goal=Goal.MINIMIZE, target=0.1).to_spec() == {
        "metric": "loss", "goal": "minimize", "target": 0.1}
    assert Strategy(type=StrategyType.GRID).to_spec() == {"type": "grid"}
    assert Strategy(type=StrategyType.RANDOM, max_runs=20, parallelism=4, seed=7).to_spec() == {
        "type": "random", "maxRuns": 20, "parallelism": 4, "seed": 7}


@pytest.mark.parametrize("build, message", [
    (lambda: Objective(metric="val loss", goal=Goal.MINIMIZE), r"^spec\.objective\.metric: Invalid value: \"val loss\""),
    (lambda: Strategy(type=StrategyType.MANUAL, max_runs=2, parallelism=3),
     r"^spec\.strategy: Invalid value: parallelism must be <= maxRuns$"),
    (lambda: Strategy(type=StrategyType.RANDOM, max_runs=10), r"random search needs maxRuns and seed"),
    (lambda: Strategy(type=StrategyType.GRID, max_runs=0), r"^spec\.strategy\.maxRuns: Invalid value: 0: must be >= 1$"),
    (lambda: Strategy(type=StrategyType.RANDOM, max_runs=5, seed=-1), r"\.seed: Invalid value: -1: must be >= 0"),
])
def test_bad_objective_or_strategy_raises_invalid_option_error(build, message):
    with pytest.raises(InvalidOptionError, match=message):
        build()


def test_all_problems_are_reported_at_once():
    with pytest.raises(ConfigurationError) as raised:
        Strategy(type=StrategyType.GRID, max_runs=0, parallelism=0, seed=-1)
    assert [p.split(":")[0] for p in raised.value.problems] == [
        "spec.strategy.maxRuns", "spec.strategy.parallelism", "spec.strategy.seed"]
    assert str(raised.value).startswith("3 problems:")
