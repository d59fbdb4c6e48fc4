"""Kubernetes names: validation, and derived names that always fit.

Derived names follow cdk8s-core's ``Names.to_dns_label``: readable parts joined by ``-``, cut to
the limit, and suffixed with a short stable hash whenever they had to be changed.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from .errors import InvalidNameError

__all__ = [
    "DNS_LABEL_MAX",
    "JOB_NAME_MAX",
    "content_hash",
    "derive_name",
    "is_dns_label",
    "is_dns_subdomain",
    "is_label_value",
    "require_dns_label",
]

DNS_LABEL_MAX = 63
"""Longest DNS-1123 label: the limit of names used as label values and of Service-like names."""

JOB_NAME_MAX = 52
"""Longest Job name: the Job controller adds a suffix to make pod names, and the
``batch.kubernetes.io/job-name`` label must stay within 63 characters (cdk8s-core uses 52 for
CronJobs for the same reason)."""

_HASH_LENGTH = 8
_DNS_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
_LABEL_VALUE = re.compile(r"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")
_NOT_DNS = re.compile(r"[^a-z0-9-]+")


def is_dns_label(value: str) -> bool:
    """Whether ``value`` is a DNS-1123 label: at most 63 lowercase alphanumerics or ``-``."""
    return len(value) <= DNS_LABEL_MAX and bool(_DNS_LABEL.match(value))


def is_dns_subdomain(value: str) -> bool:
    """Whether ``value`` is a DNS-1123 subdomain: dot-separated labels, at most 253 characters."""
    return 0 < len(value) <= 253 and all(is_dns_label(part) for part in value.split("."))


def is_label_value(value: str) -> bool:
    """Whether ``value`` is a valid label value (at most 63 characters, may be empty)."""
    return len(value) <= DNS_LABEL_MAX and bool(_LABEL_VALUE.match(value))


def require_dns_label(field: str, value: str, max_length: int = DNS_LABEL_MAX) -> str:
    """Return ``value`` unchanged if it is a DNS-1123 label of at most ``max_length`` characters.

    :raises InvalidNameError: naming ``field``, the value and the rule.
    """
    if not isinstance(value, str) or not is_dns_label(value) or len(value) > max_length:
        raise InvalidNameError(
            f"'{field}' ({value!r}) must be a DNS-1123 label: at most {max_length} lowercase "
            "letters, digits or '-', starting and ending with a letter or digit"
        )
    return value


def content_hash(value: Any, length: int = _HASH_LENGTH) -> str:
    """A short stable hash of a JSON-serializable value, independent of dict key order."""
    canonical = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode()).hexdigest()[:length]


def derive_name(*parts: str, max_length: int = DNS_LABEL_MAX) -> str:
    """A DNS-1123 label made of ``parts`` joined by ``-``.

    Kept as given when that already fits; otherwise lowercased, stripped of other characters and
    cut so that ``-<8-character hash of the parts>`` fits within ``max_length``. The same parts
    always give the same name.
    """
    joined = "-".join(p for p in parts if p)
    if is_dns_label(joined) and len(joined) <= max_length:
        return joined
    suffix = content_hash(list(parts), min(_HASH_LENGTH, max_length))
    readable = _NOT_DNS.sub("-", joined.lower()).strip("-")
    readable = readable[: max(max_length - len(suffix) - 1, 0)].rstrip("-")
    return f"{readable}-{suffix}" if readable else suffix
