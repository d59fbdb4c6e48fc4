"""ClusterRoles for the Experiment and Run API, aggregated into the built-in user-facing roles."""

from __future__ import annotations

from typing import Any

from constructs import Construct

from . import labels
from .api_group import ApiGroup
from .documents import emit

__all__ = ["ApiClusterRoles", "cluster_role_documents"]

_RESOURCES = ["experiments", "runs"]
_READ = ["get", "list", "watch"]
_WRITE = ["create", "update", "patch", "delete", "deletecollection"]
_AGGREGATE = "rbac.authorization.k8s.io/aggregate-to-"


def _role(group: ApiGroup, suffix: str, aggregate_to: list[str], rules: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "apiVersion": "rbac.authorization.k8s.io/v1",
        "kind": "ClusterRole",
        "metadata": {
            "name": f"{group.name}:{suffix}",
            "labels": {labels.PART_OF: labels.PART_OF_VALUE, labels.MANAGED_BY: "cdk8s",
                       **{f"{_AGGREGATE}{role}": "true" for role in aggregate_to}},
            "annotations": {labels.ARGOCD_SYNC_WAVE: "-1"},
        },
        "rules": rules,
    }


def cluster_role_documents(group: ApiGroup | None = None) -> list[dict[str, Any]]:
    """The two ClusterRoles as plain documents.

    ``<group>:view`` (aggregated into view, edit and admin) reads experiments and runs and their
    status; ``<group>:edit`` (aggregated into edit and admin) creates, changes and deletes them.
    Neither may write status: that belongs to the controller and to each run's own service
    account. No wildcards.
    """
    group = group or ApiGroup()
    return [
        _role(group, "view", ["view", "edit", "admin"], [
            {"apiGroups": [group.name], "resources": [*_RESOURCES, *(f"{r}/status" for r in _RESOURCES)],
             "verbs": _READ},
        ]),
        _role(group, "edit", ["edit", "admin"], [
            {"apiGroups": [group.name], "resources": _RESOURCES, "verbs": _WRITE},
        ]),
    ]


class ApiClusterRoles(Construct):
    """ClusterRoles ``<group>:view`` and ``<group>:edit`` for the Experiment and Run API.

    Aggregated into the built-in ``view``, ``edit`` and ``admin`` ClusterRoles, so that whoever
    may view or edit a namespace may do the same with its experiments and runs.

    :param group: the API group. Default: ``ApiGroup()`` (``ai.example.com``).
    """

    def __init__(self, scope: Construct, id: str, *, group: ApiGroup | None = None) -> None:
        super().__init__(scope, id)
        for document in cluster_role_documents(group):
            emit(self, document["metadata"]["name"].rsplit(":", 1)[1].capitalize(), document)
