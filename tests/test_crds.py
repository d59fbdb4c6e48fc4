"""The Experiment and Run CustomResourceDefinitions: shape, schema discipline, options, bad options."""

from __future__ import annotations

import json
from typing import Any, Iterator

import cdk8s
import pytest
import yaml

from constructs_lib import ApiGroup, CustomResourceDefinitions, InvalidOptionError
from constructs_lib.crds import crd_documents
from tests.checks import assert_semantically_valid

TYPE_META = ("apiVersion", "kind", "metadata")
"""Root fields whose schema the API server supplies itself (TypeMeta and ObjectMeta)."""


def synth(**options: Any) -> list[dict[str, Any]]:
    chart = cdk8s.Testing.chart()
    CustomResourceDefinitions(chart, "crds", **options)
    return cdk8s.Testing.synth(chart)


@pytest.fixture(scope="module")
def documents() -> list[dict[str, Any]]:
    return synth()


def by_kind(documents: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {d["spec"]["names"]["kind"]: d for d in documents}


def version(crd: dict[str, Any]) -> dict[str, Any]:
    (only,) = crd["spec"]["versions"]
    return only


def schema_nodes(schema: dict[str, Any], path: str = "") -> Iterator[tuple[str, dict[str, Any], bool]]:
    """(path, node, is_field) for every node: fields are named properties, not items or map values."""
    yield path or "<root>", schema, bool(path) and not path.endswith("[*]")
    for name, child in schema.get("properties", {}).items():
        yield from schema_nodes(child, f"{path}.{name}" if path else name)
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            yield from schema_nodes(schema[key], f"{path}[*]")


def all_nodes(documents: list[dict[str, Any]]) -> list[tuple[str, str, dict[str, Any], bool]]:
    return [(crd["spec"]["names"]["kind"], *node) for crd in documents
            for node in schema_nodes(version(crd)["schema"]["openAPIV3Schema"])]


def test_crds_snapshot(documents, snapshot):
    assert [d["metadata"]["name"] for d in documents] == ["experiments.ai.example.com", "runs.ai.example.com"]
    assert documents == crd_documents()  # the construct emits the plain documents unchanged
    assert_semantically_valid(documents)
    assert yaml.safe_dump_all(documents, sort_keys=False) == snapshot


@pytest.mark.parametrize("kind, plural, short_name", [("Experiment", "experiments", "exp"), ("Run", "runs", "mlrun")])
def test_names_scope_and_version(documents, kind, plural, short_name):
    crd = by_kind(documents)[kind]
    assert crd["apiVersion"] == "apiextensions.k8s.io/v1"
    assert crd["spec"]["group"] == "ai.example.com" and crd["spec"]["scope"] == "Namespaced"
    assert crd["spec"]["names"] == {"plural": plural, "singular": kind.lower(), "kind": kind,
                                    "listKind": f"{kind}List", "shortNames": [short_name], "categories": ["ml"]}
    only = version(crd)
    assert (only["name"], only["served"], only["storage"]) == ("v1", True, True)
    assert only["subresources"] == {"status": {}}


def test_crds_are_applied_first_and_never_pruned(documents):
    for crd in documents:
        annotations = crd["metadata"]["annotations"]
        assert annotations["argocd.argoproj.io/sync-wave"] == "-1"
        assert annotations["argocd.argoproj.io/sync-options"] == "Prune=false"
        assert annotations["kustomize.toolkit.fluxcd.io/prune"] == "disabled"


@pytest.mark.parametrize("kind, columns", [
    ("Experiment", [("Algorithm", ".spec.algorithm"), ("Objective", ".spec.objective.metric"),
                    ("Best", ".status.bestRun.value"), ("Runs", ".status.runs.total"),
                    ("Phase", ".status.phase"), ("Age", ".metadata.creationTimestamp")]),
    ("Run", [("Experiment", ".spec.experiment"), ("Phase", ".status.phase"),
             ("Accuracy", ".status.metrics.accuracy"), ("Loss", ".status.metrics.loss"),
             ("Age", ".metadata.creationTimestamp")]),
])
def test_printer_columns(documents, kind, columns):
    printed = version(by_kind(documents)[kind])["additionalPrinterColumns"]
    assert [(c["name"], c["jsonPath"]) for c in printed] == columns


def _resolve(schema: dict[str, Any], json_path: str) -> dict[str, Any]:
    node = schema
    for segment in json_path.lstrip(".").split("."):
        node = node["properties"][segment] if "properties" in node else node["additionalProperties"]
    return node


COLUMN_TYPES = {"string": {"string"}, "number": {"number", "integer"}, "integer": {"integer"}}


def test_every_printer_column_points_at_a_schema_field_of_its_type(documents):
    for crd in documents:
        only = version(crd)
        for column in only["additionalPrinterColumns"]:
            if column["jsonPath"] == ".metadata.creationTimestamp":
                assert column["type"] == "date"
                continue
            field = _resolve(only["schema"]["openAPIV3Schema"], column["jsonPath"])
            assert field["type"] in COLUMN_TYPES[column["type"]], column


def test_every_string_list_and_map_is_bounded(documents):
    """Bounds keep objects small and the API server's CEL cost estimate finite. An enum bounds a
    string by itself (the cost estimator uses the longest value)."""
    unbounded = []
    for kind, path, node, _ in all_nodes(documents):
        if path in TYPE_META:
            continue
        kind_of_node = node.get("type")
        if kind_of_node == "string" and "maxLength" not in node and "enum" not in node:
            unbounded.append((kind, path))
        elif kind_of_node == "array" and "maxItems" not in node:
            unbounded.append((kind, path))
        elif kind_of_node == "object" and "additionalProperties" in node and "maxProperties" not in node:
            unbounded.append((kind, path))
    assert unbounded == []


def test_every_node_is_structural(documents):
    """Every node has a type; no preserve-unknown-fields, no defaults the API server would store."""
    for kind, path, node, _ in all_nodes(documents):
        assert "type" in node, (kind, path)
        assert not {"default", "x-kubernetes-preserve-unknown-fields"} & set(node), (kind, path)
    assert "x-kubernetes-preserve-unknown-fields" not in json.dumps(documents)


def test_every_field_has_a_description(documents):
    undescribed = [(kind, path) for kind, path, node, is_field in all_nodes(documents)
                   if is_field and path not in TYPE_META and not node.get("description")]
    assert undescribed == []


def test_root_type_meta_fields_have_descriptions(documents):
    for crd in documents:
        root = version(crd)["schema"]["openAPIV3Schema"]["properties"]
        assert root["apiVersion"].get("description") and root["kind"].get("description")


def test_list_types_are_what_kubernetes_accepts(documents):
    """Map lists are keyed by required scalar fields; set lists hold scalars; every list has a type."""
    for kind, path, node, _ in all_nodes(documents):
        if node.get("type") != "array":
            continue
        list_type = node.get("x-kubernetes-list-type")
        assert list_type in ("atomic", "set", "map"), (kind, path)
        items = node["items"]
        if list_type == "set":
            assert items["type"] in ("string", "integer", "number"), (kind, path)
        if list_type == "map":
            for key in node["x-kubernetes-list-map-keys"]:
                assert key in items["required"] and items["properties"][key]["type"] == "string", (kind, path)


def test_custom_group_applies_everywhere():
    documents = synth(group=ApiGroup(name="ml.acme.io"))
    assert [d["metadata"]["name"] for d in documents] == ["experiments.ml.acme.io", "runs.ml.acme.io"]
    assert {d["spec"]["group"] for d in documents} == {"ml.acme.io"}
    assert "example.com" not in json.dumps(documents)


def test_custom_headline_metrics_become_run_columns():
    documents = synth(headline_metrics=["f1", "val_loss"])
    experiment, run = version(by_kind(documents)["Experiment"]), version(by_kind(documents)["Run"])
    assert [(c["name"], c["type"], c["jsonPath"]) for c in run["additionalPrinterColumns"][2:-1]] == [
        ("F1", "number", ".status.metrics.f1"), ("Val_loss", "number", ".status.metrics.val_loss")]
    assert experiment["additionalPrinterColumns"] == version(crd_documents()[0])["additionalPrinterColumns"]


def test_no_headline_metrics_leaves_the_fixed_columns():
    run = version(by_kind(crd_documents(headline_metrics=()))["Run"])
    assert [c["name"] for c in run["additionalPrinterColumns"]] == ["Experiment", "Phase", "Age"]


GROUP_RULE = r"must be a DNS subdomain with at least one dot"


@pytest.mark.parametrize("group, message", [
    ("localhost", rf"^'group' \('localhost'\) {GROUP_RULE}"),
    ("AI.example.com", GROUP_RULE),
    ("ai_ml.example.com", GROUP_RULE),
    ("-ai.example.com", GROUP_RULE),
    ("ai..example.com", GROUP_RULE),
    ("ai.example.com.", GROUP_RULE),
    ("a" * 64 + ".example.com", GROUP_RULE),
    (".".join(["a" * 60] * 5), GROUP_RULE),  # 304 characters: over 253
    ("", GROUP_RULE),
])
def test_bad_group(group, message):
    with pytest.raises(InvalidOptionError, match=message):
        ApiGroup(name=group)


@pytest.mark.parametrize("metrics, message", [
    (["val-loss"], r"^'headline_metrics' entry 'val-loss' must be a JSONPath segment"),
    (["1acc"], r"entry '1acc' must be a JSONPath segment"),
    (["a.b"], r"entry 'a\.b' must be a JSONPath segment"),
    ([""], r"entry '' must be a JSONPath segment"),
    (["x" * 64], r"must be a JSONPath segment: .* \(at most 63\)"),
    ([3], r"entry 3 must be a JSONPath segment"),
    (["acc", "loss", "acc"], r"^'headline_metrics' \(\['acc', 'loss', 'acc'\]\) must not repeat \['acc'\]$"),
    ([f"m{i}" for i in range(7)], r"^'headline_metrics' \(7 given\) must have at most 6 entries$"),
])
def test_bad_headline_metrics(metrics, message):
    with pytest.raises(InvalidOptionError, match=message):
        crd_documents(headline_metrics=metrics)


def test_bad_options_are_reported_together_and_nothing_is_emitted():
    chart = cdk8s.Testing.chart()
    with pytest.raises(InvalidOptionError) as raised:
        CustomResourceDefinitions(chart, "crds", headline_metrics=["1a", "1a"])
    assert len(raised.value.problems) == 3  # two bad entries, one repeat
    assert isinstance(raised.value, ValueError)
    assert cdk8s.Testing.synth(chart) == []
