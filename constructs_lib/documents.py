"""Emitting a document built in Python as a cdk8s ``ApiObject``."""

from __future__ import annotations

from typing import Any

import cdk8s
from constructs import Construct

__all__ = ["emit"]

_METADATA_FIELDS = ("name", "namespace", "labels", "annotations")


def emit(scope: Construct, id: str, document: dict[str, Any]) -> cdk8s.ApiObject:
    """Add ``document`` to ``scope`` as an ``ApiObject`` with id ``id``.

    Metadata goes through cdk8s (so a chart's namespace and labels apply as usual); every other
    top-level field is added as written, in order. ``ApiObject.of(...).add_json_patch`` still works
    on the result as an escape hatch.
    """
    metadata = document.get("metadata", {})
    api_object = cdk8s.ApiObject(
        scope, id, api_version=document["apiVersion"], kind=document["kind"],
        metadata=cdk8s.ApiObjectMetadata(**{k: metadata[k] for k in _METADATA_FIELDS if k in metadata}),
    )
    for field, value in document.items():
        if field not in ("apiVersion", "kind", "metadata"):
            api_object.add_json_patch(cdk8s.JsonPatch.add(f"/{field}", value))
    return api_object
