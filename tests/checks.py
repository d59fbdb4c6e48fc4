"""Semantic checks of synthesized documents, shared by every test module.

- Native Kubernetes objects: strictly against the OpenAPI schemas of the oldest Kubernetes the
  project supports (1.27, cdk8s-plus-27's target) and of the newest that kubernetes-validate
  bundles.
- Custom resources (Experiment, Run): against the CRD's own ``openAPIV3Schema`` and CEL rules,
  through the library's validator, and against the same schema with ``jsonschema`` (an
  independent implementation, with unknown fields forbidden as ``kubectl apply`` does).
"""

from __future__ import annotations

import copy
from typing import Any

import jsonschema
import kubernetes_validate

from constructs_lib.schema import EXPERIMENT_SCHEMA, RUN_SCHEMA
from constructs_lib.validation import problems

KUBERNETES_VERSIONS = ("1.27", "1.37")
"""Oldest supported and newest available offline."""

INDEXED_SWEEP_VERSION = "1.29"
"""Oldest Kubernetes with ``backoffLimitPerIndex`` on by default: what an Indexed sweep Job needs."""

CUSTOM_SCHEMAS = {"Experiment": EXPERIMENT_SCHEMA, "Run": RUN_SCHEMA}


def _closed(schema: Any) -> Any:
    """``schema`` as plain JSON Schema with unknown fields forbidden."""
    if isinstance(schema, dict):
        closed = {k: _closed(v) for k, v in schema.items() if not k.startswith("x-kubernetes")}
        if "properties" in schema and "additionalProperties" not in schema and schema["properties"]:
            closed["additionalProperties"] = False
        return closed
    if isinstance(schema, list):
        return [_closed(item) for item in schema]
    return schema


_JSONSCHEMA_VALIDATORS = {
    kind: jsonschema.Draft7Validator(_closed(copy.deepcopy(schema)), format_checker=jsonschema.FormatChecker())
    for kind, schema in CUSTOM_SCHEMAS.items()
}


def is_custom(document: dict[str, Any]) -> bool:
    return document["kind"] in CUSTOM_SCHEMAS and not document["apiVersion"].startswith(("v1", "apps/", "batch/"))


def custom_resource_problems(document: dict[str, Any], old: dict[str, Any] | None = None) -> list[str]:
    """Problems found by the library's validator (schema then CEL), plus jsonschema's if any."""
    found = problems(CUSTOM_SCHEMAS[document["kind"]], document, old)
    found += [f"jsonschema: {error.message}" for error in _JSONSCHEMA_VALIDATORS[document["kind"]].iter_errors(document)]
    return found


def versions_for(document: dict[str, Any]) -> tuple[str, ...]:
    """The versions ``document`` is checked for: an Indexed sweep's Job needs 1.29 or newer."""
    if document["kind"] == "Job" and "backoffLimitPerIndex" in document["spec"]:
        return (INDEXED_SWEEP_VERSION, KUBERNETES_VERSIONS[-1])
    return KUBERNETES_VERSIONS


def assert_valid_kubernetes(documents: list[dict[str, Any]]) -> None:
    """Every native object validates strictly for each of :func:`versions_for` it."""
    for document in documents:
        if is_custom(document):
            continue
        for version in versions_for(document):
            try:
                kubernetes_validate.validate(document, version, strict=True)
            except kubernetes_validate.ValidationError as error:
                raise AssertionError(f"{document['kind']} {document['metadata'].get('name')} is invalid "
                                     f"for Kubernetes {version}: {error.message} at {list(error.path)}") from None


def assert_valid_custom_resources(documents: list[dict[str, Any]]) -> None:
    """Every Experiment and Run passes its CRD's schema and CEL rules."""
    for document in documents:
        if is_custom(document):
            found = custom_resource_problems(document)
            assert not found, f"{document['kind']} {document['metadata'].get('name')}: {found}"


def assert_semantically_valid(documents: list[dict[str, Any]]) -> None:
    """Both of the above."""
    assert_valid_kubernetes(documents)
    assert_valid_custom_resources(documents)
