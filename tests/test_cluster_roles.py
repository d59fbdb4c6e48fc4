"""ClusterRoles for the API: aggregation into view / edit / admin, least privilege, custom group."""

from __future__ import annotations

import json
from typing import Any

import cdk8s
import pytest

from constructs_lib import ApiClusterRoles, ApiGroup
from constructs_lib.cluster_roles import cluster_role_documents
from tests.checks import assert_semantically_valid

AGGREGATE = "rbac.authorization.k8s.io/aggregate-to-"
READ = {"get", "list", "watch"}


def synth(group: ApiGroup | None = None) -> dict[str, dict[str, Any]]:
    chart = cdk8s.Testing.chart()
    ApiClusterRoles(chart, "roles", group=group)
    documents = cdk8s.Testing.synth(chart)
    assert_semantically_valid(documents)
    return {d["metadata"]["name"]: d for d in documents}


@pytest.fixture(scope="module")
def roles() -> dict[str, dict[str, Any]]:
    return synth()


def test_construct_emits_the_two_roles(roles):
    assert sorted(roles) == ["ai.example.com:edit", "ai.example.com:view"]
    assert list(roles.values()) == cluster_role_documents()
    assert all(role["kind"] == "ClusterRole" and role["apiVersion"] == "rbac.authorization.k8s.io/v1"
               for role in roles.values())


@pytest.mark.parametrize("name, aggregated_into", [
    ("ai.example.com:view", {"view", "edit", "admin"}),
    ("ai.example.com:edit", {"edit", "admin"}),
])
def test_aggregation_labels(roles, name, aggregated_into):
    labels = roles[name]["metadata"]["labels"]
    assert {key.removeprefix(AGGREGATE) for key, value in labels.items()
            if key.startswith(AGGREGATE) and value == "true"} == aggregated_into
    assert not any(key.startswith(AGGREGATE) and value != "true" for key, value in labels.items())


def test_no_wildcard_anywhere(roles):
    for role in roles.values():
        for rule in role["rules"]:
            for field in ("apiGroups", "resources", "verbs", "resourceNames"):
                assert "*" not in json.dumps(rule.get(field, [])), (role["metadata"]["name"], field)
            assert "nonResourceURLs" not in rule


def test_view_only_reads_experiments_runs_and_their_status(roles):
    (rule,) = roles["ai.example.com:view"]["rules"]
    assert set(rule["verbs"]) == READ
    assert set(rule["resources"]) == {"experiments", "runs", "experiments/status", "runs/status"}


def test_edit_writes_objects_but_never_status(roles):
    (rule,) = roles["ai.example.com:edit"]["rules"]
    assert set(rule["resources"]) == {"experiments", "runs"}
    assert set(rule["verbs"]) == {"create", "update", "patch", "delete", "deletecollection"}
    for role in roles.values():
        for rule in role["rules"]:
            if any(resource.endswith("/status") for resource in rule["resources"]):
                assert set(rule["verbs"]) <= READ, role["metadata"]["name"]


def test_custom_group_applies_everywhere():
    roles = synth(ApiGroup(name="ml.acme.io"))
    assert sorted(roles) == ["ml.acme.io:edit", "ml.acme.io:view"]
    assert {group for role in roles.values() for rule in role["rules"] for group in rule["apiGroups"]} == {"ml.acme.io"}
    assert "example.com" not in json.dumps(list(roles.values()))
