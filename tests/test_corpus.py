"""The custom-resource corpus (tests/corpus/, see its README) against the CRD schemas and CEL rules.

Each case goes through ``tests.checks.custom_resource_problems``: the library's validator (schema,
then CEL with the strings extension, transition rules with the old object) and jsonschema (an
independent implementation of the plain JSON Schema part, unknown fields forbidden).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from tests.checks import CUSTOM_SCHEMAS, custom_resource_problems

CORPUS = Path(__file__).parent / "corpus"
FOLDERS = ("valid", "invalid", "updates")
KEYS = {"about", "rejected_with", "old", "object", "xfail"}
JSONSCHEMA_BLIND = (
    "Duplicate value",  # x-kubernetes-list-type set/map is not JSON Schema
    "must be a finite number",  # jsonschema takes Python's nan and inf for numbers
)
"""Rejections jsonschema cannot see, besides every CEL rule."""


@dataclass(frozen=True)
class Case:
    id: str
    folder: str
    data: dict[str, Any]

    @property
    def object(self) -> dict[str, Any]:
        return self.data["object"]

    @property
    def old(self) -> dict[str, Any] | None:
        return self.data.get("old")

    @property
    def rejected_with(self) -> str | None:
        return self.data.get("rejected_with")

    def param(self) -> Any:
        marks = [pytest.mark.xfail(strict=True, reason=self.data["xfail"])] if "xfail" in self.data else []
        return pytest.param(self, id=self.id, marks=marks)


def _load() -> list[Case]:
    return [Case(f"{folder}/{path.stem}", folder, yaml.safe_load(path.read_text()))
            for folder in FOLDERS for path in sorted((CORPUS / folder).glob("*.yaml"))]


CASES = _load()
REJECTED = [case for case in CASES if case.rejected_with]
ACCEPTED = [case for case in CASES if not case.rejected_with]


def _split(problems: list[str]) -> tuple[list[str], list[str]]:
    """Library problems and jsonschema problems."""
    return ([p for p in problems if not p.startswith("jsonschema: ")],
            [p for p in problems if p.startswith("jsonschema: ")])


def _rules(schema: dict[str, Any], path: str = "") -> Iterator[tuple[str, str]]:
    """(path pattern, message) of every CEL rule; list items and map values as ``[*]``."""
    for rule in schema.get("x-kubernetes-validations", ()):
        yield path or "<root>", rule["message"]
    for name, child in schema.get("properties", {}).items():
        yield from _rules(child, f"{path}.{name}" if path else name)
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            yield from _rules(schema[key], f"{path}[*]")


RULES = {(kind, path, message) for kind, schema in CUSTOM_SCHEMAS.items() for path, message in _rules(schema)}
CEL_MESSAGES = {message for _, _, message in RULES}


def _rule_hit(kind: str, problem: str) -> tuple[str, str, str] | None:
    """The rule a library problem reports, as in :data:`RULES`, or ``None`` for a schema problem."""
    path, separator, message = problem.partition(": Invalid value: ")
    hit = (kind, re.sub(r"\[[^\]]*\]", "[*]", path), message)
    return hit if separator and hit in RULES else None


def test_corpus_is_well_formed():
    assert len(CASES) >= 30
    for case in CASES:
        assert set(case.data) <= KEYS and case.data.get("about"), case.id
        assert case.object["kind"] in CUSTOM_SCHEMAS, case.id
        if case.folder == "valid":
            assert not case.rejected_with and case.old is None, case.id
        elif case.folder == "invalid":
            assert case.rejected_with and case.old is None, case.id
        else:
            assert case.old is not None and case.old["kind"] == case.object["kind"], case.id


@pytest.mark.parametrize("case", [c.param() for c in ACCEPTED])
def test_accepted(case: Case):
    assert custom_resource_problems(case.object, case.old) == []


@pytest.mark.parametrize("case", [c.param() for c in REJECTED])
def test_rejected_for_the_expected_reason(case: Case):
    library, independent = _split(custom_resource_problems(case.object, case.old))
    assert len(library) == 1 and case.rejected_with in library[0], library
    cel_only = _rule_hit(case.object["kind"], library[0]) is not None
    if cel_only or any(blind in library[0] for blind in JSONSCHEMA_BLIND):
        assert independent == [], "jsonschema should not see this rejection: is the case testing what it says?"
    else:
        assert independent, "jsonschema accepts what the library validator rejects"


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES if c.old is not None])
def test_update_starts_from_a_valid_object(case: Case):
    assert custom_resource_problems(case.old) == []


def test_every_cel_rule_rejects_some_case():
    """A rule added to schema.py without a case that it rejects fails here, by kind, path and message."""
    hits = {_rule_hit(case.object["kind"], problem)
            for case in REJECTED for problem in _split(custom_resource_problems(case.object, case.old))[0]}
    missing = sorted(RULES - hits)
    assert not missing, f"CEL rules that no corpus case exercises: {missing}"


@pytest.mark.parametrize("fragment", [
    'unknown field "', "Unsupported value", "should match", "Too long", "Too many", "Required value",
    'Duplicate value: "', "Duplicate value: [", "must be of type", "must be <=", "must be >=",
    "must be at least", "RFC 3339",
])
def test_every_kind_of_schema_rejection_has_a_case(fragment):
    assert any(fragment in case.rejected_with for case in REJECTED), fragment
