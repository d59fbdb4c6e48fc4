"""The CustomResourceDefinitions of the Experiment and Run kinds, as one construct."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from constructs import Construct

from . import labels
from .documents import emit
from .api_group import API_VERSION, ApiGroup
from .errors import InvalidOptionError
from .schema import EXPERIMENT_SCHEMA, RUN_SCHEMA

__all__ = ["CustomResourceDefinitions", "DEFAULT_HEADLINE_METRICS", "crd_documents"]

DEFAULT_HEADLINE_METRICS: tuple[str, ...] = ("accuracy", "loss")
"""Metrics shown as columns of ``kubectl get runs``: the seed's two."""

_MAX_HEADLINE_METRICS = 6
_JSONPATH_SEGMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
_AGE = {"name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp"}


def _check_headline_metrics(metrics: Sequence[str]) -> tuple[str, ...]:
    problems = [f"'headline_metrics' entry {m!r} must be a JSONPath segment: a letter or '_', then "
                "letters, digits or '_' (at most 63)" for m in metrics
                if not isinstance(m, str) or not _JSONPATH_SEGMENT.match(m)]
    duplicates = sorted({m for m in metrics if list(metrics).count(m) > 1})
    if duplicates:
        problems.append(f"'headline_metrics' ({list(metrics)}) must not repeat {duplicates}")
    if len(metrics) > _MAX_HEADLINE_METRICS:
        problems.append(f"'headline_metrics' ({len(metrics)} given) must have at most "
                        f"{_MAX_HEADLINE_METRICS} entries")
    if problems:
        raise InvalidOptionError(problems)
    return tuple(metrics)


def _crd(group: ApiGroup, kind: str, plural: str, short_names: list[str], schema: dict[str, Any],
         columns: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {
            "name": f"{plural}.{group.name}",
            "labels": {labels.NAME: plural, labels.PART_OF: labels.PART_OF_VALUE,
                       labels.MANAGED_BY: "cdk8s"},
            # Applied before everything else, and never pruned: deleting a CRD deletes its objects.
            "annotations": {labels.ARGOCD_SYNC_WAVE: "-1", **labels.KEEP_ON_PRUNE},
        },
        "spec": {
            "group": group.name,
            "scope": "Namespaced",
            "names": {"plural": plural, "singular": kind.lower(), "kind": kind, "listKind": f"{kind}List",
                      "shortNames": short_names, "categories": ["ml"]},
            "conversion": {"strategy": "None"},
            "versions": [{
                "name": API_VERSION,
                "served": True,
                "storage": True,
                "schema": {"openAPIV3Schema": schema},
                "subresources": {"status": {}},
                "additionalPrinterColumns": [*columns, _AGE],
            }],
        },
    }


def crd_documents(group: ApiGroup | None = None,
                  headline_metrics: Sequence[str] = DEFAULT_HEADLINE_METRICS) -> list[dict[str, Any]]:
    """The Experiment and Run CRDs as plain documents, in that order.

    :param group: the API group. Default: ``ApiGroup()`` (``ai.example.com``).
    :param headline_metrics: metrics shown as ``kubectl get runs`` columns. Default: accuracy, loss.
    :raises InvalidOptionError: for a metric name that is not a JSONPath segment, or a repeated one.
    """
    group = group or ApiGroup()
    metrics = _check_headline_metrics(headline_metrics)
    experiment_columns = [
        {"name": "Algorithm", "type": "string", "jsonPath": ".spec.algorithm"},
        {"name": "Objective", "type": "string", "jsonPath": ".spec.objective.metric"},
        {"name": "Best", "type": "number", "jsonPath": ".status.bestRun.value"},
        {"name": "Runs", "type": "integer", "jsonPath": ".status.runs.total"},
        {"name": "Phase", "type": "string", "jsonPath": ".status.phase"},
    ]
    run_columns = [
        {"name": "Experiment", "type": "string", "jsonPath": ".spec.experiment"},
        {"name": "Phase", "type": "string", "jsonPath": ".status.phase"},
        *({"name": m[0].upper() + m[1:], "type": "number", "jsonPath": f".status.metrics.{m}"}
          for m in metrics),
    ]
    return [
        _crd(group, "Experiment", "experiments", ["exp"], EXPERIMENT_SCHEMA, experiment_columns),
        _crd(group, "Run", "runs", ["mlrun"], RUN_SCHEMA, run_columns),
    ]


class CustomResourceDefinitions(Construct):
    """The Experiment and Run CRDs: install once per cluster, before any experiment.

    Children ``Experiment`` and ``Run`` are the two ``CustomResourceDefinition`` objects. They
    carry the Argo CD sync-wave ``-1`` and are never pruned by Argo CD or Flux.

    :param group: the API group. Default: ``ApiGroup()`` (``ai.example.com``).
    :param headline_metrics: metrics shown as ``kubectl get runs`` columns, at most 6, each a
        JSONPath segment. Default: ``("accuracy", "loss")``.
    """

    def __init__(self, scope: Construct, id: str, *, group: ApiGroup | None = None,
                 headline_metrics: Sequence[str] = DEFAULT_HEADLINE_METRICS) -> None:
        super().__init__(scope, id)
        self.group = group or ApiGroup()
        documents = crd_documents(self.group, headline_metrics)
        self.headline_metrics: tuple[str, ...] = tuple(headline_metrics)
        """The metrics shown as Run columns."""
        for document in documents:
            emit(self, document["spec"]["names"]["kind"], document)
