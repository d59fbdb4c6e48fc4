"""Checks a custom resource against a CRD schema and its CEL rules, as the API server would.

Synthesis runs every Experiment and Run it emits through :func:`ensure_valid` with the schema the
CRD carries, so that an object the API server would reject fails at synth time instead, with the
same field path and rule message. What is checked:

- the structural schema: types, ``required``, ``enum``, ``pattern``, ``format: date-time``,
  bounds (``min/maxLength``, ``min/maxItems``, ``maxProperties``, ``minimum/maximum``), unknown
  fields (rejected, as ``kubectl apply``'s default strict field validation does), uniqueness of
  ``set`` and ``map`` lists;
- then, as the API server does only once the schema passes, every ``x-kubernetes-validations``
  rule, evaluated by the CEL C++ runtime with Kubernetes' strings extension; numbers of
  ``type: number`` fields are doubles, as in Kubernetes. Transition rules (those naming
  ``oldSelf``) run only when an old object is given and the field exists in both.

Not checked offline: the API server's CEL cost estimate, and Kubernetes-only CEL libraries
(``quantity``, ``url``, ``ip``...), which the schemas therefore do not use.
"""

from __future__ import annotations

import json
import math
import re
from datetime import datetime
from functools import lru_cache
from typing import Any

from cel_expr_python import cel
from cel_expr_python.ext import ext_strings

from .errors import ConfigurationError, SchemaViolationError

__all__ = ["ensure_valid", "problems", "require_valid"]

Schema = dict[str, Any]

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,), "array": (list,), "string": (str,), "boolean": (bool,),
    "integer": (int,), "number": (int, float),
}


def problems(schema: Schema, value: Any, old: Any = None, *, path: str = "") -> list[str]:
    """Every reason the API server would reject ``value``; empty when it is valid.

    :param schema: an ``openAPIV3Schema``, or the node of one that ``value`` sits at.
    :param old: the stored object, for an update (transition rules); ``None`` for a create.
    :param path: where ``value`` sits, prefixed to each problem. Default: the root.
    """
    found: list[str] = []
    _check_schema(schema, value, path, found)
    if not found:
        _check_rules(schema, _cel_value(schema, value), _cel_value(schema, old), path, found)
    return found


def ensure_valid(schema: Schema, value: dict[str, Any], old: dict[str, Any] | None = None) -> None:
    """Raise :class:`SchemaViolationError` listing every problem :func:`problems` finds."""
    found = problems(schema, value, old)
    if found:
        what = f"{value.get('kind', 'object')} {value.get('metadata', {}).get('name', '')!r}"
        raise SchemaViolationError(f"{what}: {problem}" for problem in found)


def require_valid(schema: Schema, value: Any, *, path: str,
                  error: type[ConfigurationError] = SchemaViolationError) -> None:
    """Raise ``error`` listing every problem of ``value``, a part of an object that sits at
    ``path``: how value objects check themselves against their own schema node."""
    found = problems(schema, value, path=path)
    if found:
        raise error(found)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _type_ok(kind: str, value: Any) -> bool:
    return isinstance(value, _TYPES[kind]) and not (kind in ("integer", "number") and isinstance(value, bool))


def _check_schema(schema: Schema, value: Any, path: str, found: list[str]) -> None:
    where = path or "<root>"
    kind = schema.get("type")
    if kind and not _type_ok(kind, value):
        found.append(f"{where}: Invalid value: {json.dumps(value)}: must be of type {kind}")
        return
    if "enum" in schema and value not in schema["enum"]:
        allowed = ", ".join(json.dumps(v) for v in schema["enum"])
        found.append(f"{where}: Unsupported value: {json.dumps(value)}: supported values: {allowed}")
    if kind == "string":
        _check_string(schema, value, where, found)
    elif kind in ("integer", "number") and not _is_finite(value):
        found.append(f"{where}: Invalid value: {value}: must be a finite number")
    elif kind in ("integer", "number"):
        if "minimum" in schema and value < schema["minimum"]:
            found.append(f"{where}: Invalid value: {value}: must be >= {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            found.append(f"{where}: Invalid value: {value}: must be <= {schema['maximum']}")
    elif kind == "array":
        _check_array(schema, value, path, found)
    elif kind == "object":
        _check_object(schema, value, path, found)


def _check_string(schema: Schema, value: str, where: str, found: list[str]) -> None:
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        found.append(f"{where}: Too long: may not be more than {schema['maxLength']} characters")
    if len(value) < schema.get("minLength", 0):
        found.append(f"{where}: Invalid value: {json.dumps(value)}: must be at least "
                     f"{schema['minLength']} characters")
    if "pattern" in schema and not _regex(schema["pattern"]).search(value):
        found.append(f"{where}: Invalid value: {json.dumps(value)}: should match '{schema['pattern']}'")
    if schema.get("format") == "date-time" and not _is_date_time(value):
        found.append(f"{where}: Invalid value: {json.dumps(value)}: must be an RFC 3339 date-time")


def _check_array(schema: Schema, value: list[Any], path: str, found: list[str]) -> None:
    where = path or "<root>"
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        found.append(f"{where}: Too many: {len(value)}: must have at most {schema['maxItems']} items")
    if len(value) < schema.get("minItems", 0):
        found.append(f"{where}: Invalid value: must have at least {schema['minItems']} items")
    for index, item in enumerate(value):
        _check_schema(schema["items"], item, f"{path}[{index}]", found)
    list_type = schema.get("x-kubernetes-list-type")
    if list_type == "set":
        keys = [json.dumps(item, sort_keys=True) for item in value]
    elif list_type == "map":
        names = schema["x-kubernetes-list-map-keys"]
        keys = [json.dumps([item.get(n) for n in names]) for item in value if isinstance(item, dict)]
    else:
        return
    seen: set[str] = set()
    for index, key in enumerate(keys):
        if key in seen:
            found.append(f"{path}[{index}]: Duplicate value: {key}")
        seen.add(key)


def _check_object(schema: Schema, value: dict[str, Any], path: str, found: list[str]) -> None:
    where = path or "<root>"
    if "maxProperties" in schema and len(value) > schema["maxProperties"]:
        found.append(f"{where}: Too many: {len(value)}: must have at most {schema['maxProperties']} items")
    for name in schema.get("required", ()):
        if name not in value:
            found.append(f"{_join(path, name)}: Required value")
    properties = schema.get("properties")
    additional = schema.get("additionalProperties")
    if properties is None and additional is None:
        return  # an opaque object, such as metadata (checked by the API server itself)
    for key, item in value.items():
        child = properties.get(key) if properties else additional
        if child is None:
            found.append(f'unknown field "{_join(path, key)}"')
        else:
            _check_schema(child, item, _join(path, key) if properties else f"{path}[{key}]", found)


def _is_finite(value: float) -> bool:
    """Whether JSON can carry ``value`` as a number (no NaN, no infinity, fits a double)."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def _is_date_time(value: str) -> bool:
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return "T" in value.upper()


@lru_cache(maxsize=None)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _cel_value(schema: Schema, value: Any) -> Any:
    """``value`` as CEL sees it: the numbers of ``type: number`` fields as doubles."""
    kind = schema.get("type")
    if value is None:
        return None
    if kind == "number":
        return float(value)
    if kind == "array":
        return [_cel_value(schema["items"], item) for item in value]
    if kind == "object" and isinstance(value, dict):
        properties = schema.get("properties")
        if properties is not None:
            return {k: _cel_value(properties[k], v) if k in properties else v for k, v in value.items()}
        if "additionalProperties" in schema:
            return {k: _cel_value(schema["additionalProperties"], v) for k, v in value.items()}
    return value


_ENVIRONMENT = cel.NewEnv(variables={"self": cel.Type.DYN, "oldSelf": cel.Type.DYN},
                          extensions=[ext_strings.ExtStrings()])


@lru_cache(maxsize=None)
def _compiled(rule: str) -> Any:
    return _ENVIRONMENT.compile(rule)


def _check_rules(schema: Schema, value: Any, old: Any, path: str, found: list[str]) -> None:
    for validation in schema.get("x-kubernetes-validations", ()):
        rule = validation["rule"]
        transition = "oldSelf" in rule
        if transition and old is None:
            continue
        data = {"self": value, "oldSelf": old} if transition else {"self": value}
        result = _compiled(rule).eval(data=data)
        if result.type() == cel.Type.BOOL and result.value() is True:
            continue
        detail = validation.get("message") or f"failed rule: {rule}"
        if result.type() != cel.Type.BOOL:
            detail = f"rule {rule!r} could not be evaluated: {result.value()}"
        found.append(f"{path or '<root>'}: Invalid value: {detail}")
    kind = schema.get("type")
    if kind == "object":
        properties = schema.get("properties")
        for key, item in value.items():
            child = properties.get(key) if properties is not None else schema.get("additionalProperties")
            if child is not None:
                old_item = old.get(key) if isinstance(old, dict) else None
                _check_rules(child, item, old_item, _join(path, key) if properties else f"{path}[{key}]", found)
    elif kind == "array":
        old_by_key = _list_map_index(schema, old)
        for index, item in enumerate(value):
            old_item = old_by_key.get(_list_map_key(schema, item)) if old_by_key else None
            _check_rules(schema["items"], item, old_item, f"{path}[{index}]", found)


def _list_map_key(schema: Schema, item: Any) -> str:
    return json.dumps([item.get(n) for n in schema["x-kubernetes-list-map-keys"]])


def _list_map_index(schema: Schema, old: Any) -> dict[str, Any]:
    """Old items by key: only items of ``map`` lists correlate with an old item, as in Kubernetes."""
    if schema.get("x-kubernetes-list-type") != "map" or not isinstance(old, list):
        return {}
    return {_list_map_key(schema, item): item for item in old}
