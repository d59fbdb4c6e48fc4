"""Volumes mounted into a training container: datasets, outputs, configuration and secrets.

The sources offered are exactly the volume types the "restricted" Pod Security Standard allows
(persistentVolumeClaim, configMap, secret, emptyDir, csi); ``hostPath``, ``nfs`` and the other
node-level types are left out on purpose. A :class:`Mount` pairs a source with where it appears
in the container; dataset mounts are read-only unless told otherwise.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from .errors import InvalidOptionError
from .naming import is_dns_label, is_dns_subdomain
from .resources import Quantity

__all__ = [
    "ClaimVolume",
    "ConfigMapVolume",
    "CsiVolume",
    "EmptyDirVolume",
    "Mount",
    "SecretVolume",
    "VolumeSource",
]

_DEFAULT_MODE = 0o644
"""The API server's default file mode for configMap and secret volumes, written out."""


def _check_subdomain(found: list[str], field_name: str, value: Any, what: str) -> None:
    if not isinstance(value, str) or not is_dns_subdomain(value):
        found.append(f"'{field_name}' ({value!r}) must be the name of a {what}: a DNS-1123 subdomain")


def _raise(found: list[str]) -> None:
    if found:
        raise InvalidOptionError(found)


class VolumeSource:
    """Where a volume's content comes from. Use one of the subclasses."""

    def to_spec(self) -> dict[str, Any]:
        """The source fields of a pod ``volumes`` entry (everything except ``name``)."""
        raise NotImplementedError


@dataclass(frozen=True, kw_only=True)
class ClaimVolume(VolumeSource):
    """A PersistentVolumeClaim, for example a dataset on shared storage.

    :param claim_name: name of the PersistentVolumeClaim in the run's namespace.
    :param read_only: mount the claim read-only at the volume level too. Default: ``True``.
    """

    claim_name: str
    read_only: bool = True

    def __post_init__(self) -> None:
        found: list[str] = []
        _check_subdomain(found, "claim_name", self.claim_name, "PersistentVolumeClaim")
        _raise(found)

    def to_spec(self) -> dict[str, Any]:
        return {"persistentVolumeClaim": {"claimName": self.claim_name, "readOnly": self.read_only}}


@dataclass(frozen=True, kw_only=True)
class ConfigMapVolume(VolumeSource):
    """A ConfigMap's keys as files (mode 0644, the API server's default, written out).

    :param name: name of the ConfigMap.
    """

    name: str

    def __post_init__(self) -> None:
        found: list[str] = []
        _check_subdomain(found, "name", self.name, "ConfigMap")
        _raise(found)

    def to_spec(self) -> dict[str, Any]:
        return {"configMap": {"defaultMode": _DEFAULT_MODE, "name": self.name}}


@dataclass(frozen=True, kw_only=True)
class SecretVolume(VolumeSource):
    """A Secret's keys as files: the way to give training credentials (by reference only; the
    library never handles secret values). Mode 0644, the API server's default, written out;
    readable by the pod's ``fs_group``.

    :param secret_name: name of the Secret.
    """

    secret_name: str

    def __post_init__(self) -> None:
        found: list[str] = []
        _check_subdomain(found, "secret_name", self.secret_name, "Secret")
        _raise(found)

    def to_spec(self) -> dict[str, Any]:
        return {"secret": {"defaultMode": _DEFAULT_MODE, "secretName": self.secret_name}}


@dataclass(frozen=True, kw_only=True)
class EmptyDirVolume(VolumeSource):
    """Scratch space that lives as long as the pod.

    :param size_limit: most data the volume may hold, a quantity such as ``"20Gi"``; the pod is
        evicted beyond it. Required: an unbounded emptyDir can fill the node's disk or memory.
    :param in_memory: back the volume with RAM (``medium: Memory``); its content counts against
        the container's memory limit. Default: ``False`` (node disk).
    """

    size_limit: str
    in_memory: bool = False

    def __post_init__(self) -> None:
        Quantity.parse("size_limit", self.size_limit)

    @property
    def size_limit_bytes(self) -> Decimal:
        """The size limit in bytes."""
        return Quantity.parse("size_limit", self.size_limit).value

    def to_spec(self) -> dict[str, Any]:
        empty_dir = {"sizeLimit": str(Quantity.parse("size_limit", self.size_limit))}
        if self.in_memory:
            empty_dir["medium"] = "Memory"
        return {"emptyDir": empty_dir}


@dataclass(frozen=True, kw_only=True)
class CsiVolume(VolumeSource):
    """An inline CSI volume, for example an object-store bucket through a FUSE driver
    (``s3.csi.aws.com``, ``gcsfuse.csi.storage.gke.io``).

    :param driver: the CSI driver's name, a DNS subdomain.
    :param attributes: driver-specific ``volumeAttributes``. Default: none.
    :param read_only: ask the driver for a read-only volume. Default: ``True``.
    """

    driver: str
    attributes: Mapping[str, str] = field(default_factory=dict)
    read_only: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "attributes", MappingProxyType(dict(self.attributes)))
        found: list[str] = []
        _check_subdomain(found, "driver", self.driver, "CSI driver")
        found += [f"'attributes' entry {key!r}: {value!r} must map a string to a string"
                  for key, value in self.attributes.items()
                  if not isinstance(key, str) or not key or not isinstance(value, str)]
        _raise(found)

    def to_spec(self) -> dict[str, Any]:
        csi: dict[str, Any] = {"driver": self.driver, "readOnly": self.read_only}
        if self.attributes:
            csi["volumeAttributes"] = dict(sorted(self.attributes.items()))
        return {"csi": csi}


@dataclass(frozen=True, kw_only=True)
class Mount:
    """A volume and where the training container sees it.

    :param name: the volume's name in the pod, a DNS-1123 label, unique within the pod.
    :param path: absolute path in the container, for example ``/data/imagenet``.
    :param source: where the content comes from.
    :param read_only: mount read-only. Default: ``True`` (datasets must not be changed by a run).
    :param sub_path: mount only this relative path inside the volume. Default: unset (the whole
        volume).
    :raises InvalidOptionError: listing every invalid field.
    """

    name: str
    path: str
    source: VolumeSource
    read_only: bool = True
    sub_path: str | None = None

    def __post_init__(self) -> None:
        found: list[str] = []
        if not isinstance(self.name, str) or not is_dns_label(self.name):
            found.append(f"'name' ({self.name!r}) must be a DNS-1123 label: at most 63 lowercase "
                         "letters, digits or '-'")
        if not isinstance(self.path, str) or not self.path.startswith("/") or ":" in self.path \
                or posixpath.normpath(self.path) != self.path or self.path == "/":
            found.append(f"'path' ({self.path!r}) must be a normalized absolute path other than '/', "
                         "without ':'")
        if self.sub_path is not None and (not isinstance(self.sub_path, str) or not self.sub_path
                                          or self.sub_path.startswith("/")
                                          or ".." in self.sub_path.split("/")):
            found.append(f"'sub_path' ({self.sub_path!r}) must be a relative path without '..'")
        if not isinstance(self.source, VolumeSource):
            found.append(f"'source' ({self.source!r}) must be a VolumeSource such as ClaimVolume")
        _raise(found)

    def to_volume(self) -> dict[str, Any]:
        """The pod's ``volumes`` entry."""
        return {"name": self.name, **self.source.to_spec()}

    def to_volume_mount(self) -> dict[str, Any]:
        """The container's ``volumeMounts`` entry."""
        mount: dict[str, Any] = {"mountPath": self.path, "name": self.name, "readOnly": self.read_only}
        if self.sub_path:
            mount["subPath"] = self.sub_path
        return mount
