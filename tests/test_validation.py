"""Behaviour of constructs_lib.validation, on small schemas built for each point."""

from __future__ import annotations

from typing import Any

import pytest

from constructs_lib.errors import ConfigurationError, SchemaViolationError
from constructs_lib.schema import EXPERIMENT_SCHEMA, RUN_SCHEMA
from constructs_lib.validation import ensure_valid, problems


def rule(expression: str, message: str) -> dict[str, str]:
    return {"rule": expression, "message": message}


def obj(properties: dict[str, Any], *rules: dict[str, str], **extra: Any) -> dict[str, Any]:
    schema = {"type": "object", "properties": properties, **extra}
    if rules:
        schema["x-kubernetes-validations"] = list(rules)
    return schema


NUMBER = {"type": "number"}
INTEGER = {"type": "integer"}
STRING = {"type": "string", "maxLength": 8}


def test_numbers_reach_cel_as_doubles_and_integers_as_ints():
    """In Kubernetes a ``type: number`` field is a CEL double even when written as ``1``."""
    schema = obj({
        "x": NUMBER, "n": INTEGER,
        "m": {"type": "object", "additionalProperties": NUMBER},
        "l": {"type": "array", "items": NUMBER},
    }, rule("type(self.x) == double", "x is not a double"),
        rule("type(self.n) == int", "n is not an int"),
        rule("self.m.all(k, type(self.m[k]) == double)", "map values are not doubles"),
        rule("self.l.all(v, type(v) == double)", "list items are not doubles"))
    assert problems(schema, {"x": 1, "n": 1, "m": {"a": 2}, "l": [3, 4.5]}) == []


def test_bool_is_not_a_number():
    assert problems(obj({"x": NUMBER}), {"x": True}) == ["x: Invalid value: true: must be of type number"]


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf"), 10**400],
                         ids=["nan", "inf", "-inf", "beyond-double"])
def test_numbers_must_be_finite(value):
    found = problems(obj({"x": NUMBER}), {"x": value})
    assert len(found) == 1 and found[0].startswith("x: Invalid value: ") and "must be a finite number" in found[0]


TRANSITION = obj({"v": STRING}, rule("self == oldSelf", "immutable"))


@pytest.mark.parametrize("value, old, expected", [
    ({"v": "a"}, None, []),  # create: transition rules are skipped
    ({"v": "a"}, {"v": "a"}, []),
    ({"v": "b"}, {"v": "a"}, ["spec: Invalid value: immutable"]),
])
def test_transition_rules_run_only_on_update(value, old, expected):
    assert problems(obj({"spec": TRANSITION}), {"spec": value}, {"spec": old} if old else None) == expected


def test_transition_rule_of_a_field_new_in_the_update_is_skipped():
    """As in Kubernetes: no old value, no ``oldSelf``, so the rule does not run."""
    schema = obj({"spec": obj({"v": {**STRING, "x-kubernetes-validations": [rule("self == oldSelf", "immutable")]}})})
    assert problems(schema, {"spec": {"v": "b"}}, {"spec": {}}) == []
    assert problems(schema, {"spec": {"v": "b"}}, {"spec": {"v": "a"}}) == ["spec.v: Invalid value: immutable"]


def _list(list_type: str) -> dict[str, Any]:
    item = obj({"name": STRING, "v": INTEGER}, rule("self.v == oldSelf.v", "v is immutable"), required=["name"])
    schema = {"type": "array", "items": item, "x-kubernetes-list-type": list_type}
    if list_type == "map":
        schema["x-kubernetes-list-map-keys"] = ["name"]
    return obj({"items": schema})


OLD_ITEMS = {"items": [{"name": "a", "v": 1}, {"name": "b", "v": 2}]}


@pytest.mark.parametrize("list_type, new, expected", [
    ("map", [{"name": "b", "v": 2}, {"name": "a", "v": 1}], []),  # reordered: correlated by key
    ("map", [{"name": "c", "v": 9}, {"name": "a", "v": 1}], []),  # new key: nothing to compare
    ("map", [{"name": "b", "v": 2}, {"name": "a", "v": 5}], ["items[1]: Invalid value: v is immutable"]),
    ("atomic", [{"name": "a", "v": 5}], []),  # atomic lists: items never correlate
])
def test_list_items_correlate_with_old_items_only_in_map_lists(list_type, new, expected):
    assert problems(_list(list_type), {"items": new}, OLD_ITEMS) == expected


def test_map_values_correlate_with_old_values_by_key():
    schema = obj({"m": {"type": "object", "additionalProperties": {
        **STRING, "x-kubernetes-validations": [rule("self == oldSelf", "value is immutable")]}}})
    assert problems(schema, {"m": {"b": "2", "a": "1", "c": "new"}}, {"m": {"a": "1", "b": "2"}}) == []
    assert problems(schema, {"m": {"a": "9"}}, {"m": {"a": "1"}}) == ["m[a]: Invalid value: value is immutable"]


def test_cel_rules_run_only_once_the_schema_passes():
    schema = obj({"min": NUMBER, "max": NUMBER}, rule("self.min < self.max", "min must be less than max"))
    assert problems(schema, {"min": 2, "max": 1}) == ["<root>: Invalid value: min must be less than max"]
    assert problems(schema, {"min": 2, "max": 1, "extra": 0}) == ['unknown field "extra"']


def test_a_rule_that_cannot_be_evaluated_is_reported():
    schema = obj({"s": STRING}, rule("self.s", "not a bool"), rule("self.missing == 1", "no such field"))
    found = problems(schema, {"s": "a"})
    assert len(found) == 2
    assert all("could not be evaluated" in problem for problem in found)


def test_path_prefixes_every_problem():
    strategy = EXPERIMENT_SCHEMA["properties"]["spec"]["properties"]["strategy"]
    assert problems(strategy, {"type": "manual", "maxRuns": 1, "parallelism": 2}, path="spec.strategy") == [
        "spec.strategy: Invalid value: parallelism must be <= maxRuns"]
    assert problems(strategy, {"type": "grid", "seeds": 1}, path="spec.strategy") == [
        'unknown field "spec.strategy.seeds"']
    assert problems(strategy, {"type": "manual", "maxRuns": 1, "parallelism": 2}) == [
        "<root>: Invalid value: parallelism must be <= maxRuns"]


def test_every_problem_is_reported_together_in_document_order():
    run = {"apiVersion": "ai.example.com/v1", "kind": "Run", "metadata": {"name": "r"},
           "spec": {"seed": -1, "image": "", "tags": ["a", "a"], "jobs": "x"}}
    assert problems(RUN_SCHEMA, run) == [
        "spec.experiment: Required value",
        "spec.seed: Invalid value: -1: must be >= 0",
        'spec.image: Invalid value: "": must be at least 1 characters',
        'spec.tags[1]: Duplicate value: "a"',
        'unknown field "spec.jobs"',
    ]


def test_rules_on_several_nodes_are_reported_together():
    experiment = {"apiVersion": "ai.example.com/v1", "kind": "Experiment", "metadata": {"name": "e"},
                  "spec": {"algorithm": "mlp", "parameters": ["lr"], "strategy": {"type": "grid"},
                           "searchSpace": [{"name": "lr", "type": "double", "min": 1, "max": 0}]}}
    assert [p.split(": Invalid value: ")[0] for p in problems(EXPERIMENT_SCHEMA, experiment)] == [
        "spec.parameters[0]", "spec.searchSpace[0]"]


def test_ensure_valid_raises_one_error_naming_the_object_and_every_problem():
    run = {"apiVersion": "ai.example.com/v1", "kind": "Run", "metadata": {"name": "r-1"},
           "spec": {"experiment": "Bad_Name", "seed": -1}}
    with pytest.raises(SchemaViolationError) as raised:
        ensure_valid(RUN_SCHEMA, run)
    assert isinstance(raised.value, (ConfigurationError, ValueError))
    assert [p.split(":")[0] for p in raised.value.problems] == ["Run 'r-1'", "Run 'r-1'"]
    assert str(raised.value).startswith("2 problems:\n  - Run 'r-1': spec.experiment: Invalid value")


def test_ensure_valid_passes_a_valid_object_and_checks_updates():
    run = {"apiVersion": "ai.example.com/v1", "kind": "Run", "metadata": {"name": "r-1"},
           "spec": {"experiment": "a"}}
    assert ensure_valid(RUN_SCHEMA, run) is None
    with pytest.raises(SchemaViolationError, match="experiment is immutable"):
        ensure_valid(RUN_SCHEMA, run, {**run, "spec": {"experiment": "b"}})


def test_metadata_is_left_to_the_api_server():
    assert problems(RUN_SCHEMA, {"metadata": {"name": "r", "anything": {"goes": 1}}, "spec": {"experiment": "a"}}) == []
