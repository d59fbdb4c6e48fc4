"""The "restricted" Pod Security Standard: the security contexts the library writes, and a check.

The contexts meet the restricted profile (https://kubernetes.io/docs/concepts/security/pod-security-standards/)
plus two hardenings it does not require: a read-only root filesystem and no automatically
mounted service-account token. :func:`restricted_violations` checks any rendered pod spec for
all of that, so a namespace labelled ``pod-security.kubernetes.io/enforce: restricted`` admits
the pods; the tests run it on everything the library emits, and users can run it on their own
charts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["container_security_context", "pod_security_context", "restricted_violations"]

_ALLOWED_VOLUME_TYPES = frozenset({"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
                                   "persistentVolumeClaim", "projected", "secret"})
_ALLOWED_ADDED_CAPABILITIES = frozenset({"NET_BIND_SERVICE"})
_SECCOMP_TYPES = frozenset({"RuntimeDefault", "Localhost"})


def pod_security_context(*, run_as_user: int, run_as_group: int, fs_group: int) -> dict[str, Any]:
    """The pod's ``securityContext``: non-root with numeric IDs, RuntimeDefault seccomp.

    ``fsGroupChangePolicy: OnRootMismatch`` spares a recursive ``chown`` of large dataset
    volumes on every start when their ownership is already right.
    """
    return {
        "fsGroup": fs_group,
        "fsGroupChangePolicy": "OnRootMismatch",
        "runAsGroup": run_as_group,
        "runAsNonRoot": True,
        "runAsUser": run_as_user,
        "seccompProfile": {"type": "RuntimeDefault"},
    }


def container_security_context(*, run_as_user: int, run_as_group: int) -> dict[str, Any]:
    """The container's ``securityContext``: no privilege escalation, every capability dropped,
    read-only root filesystem, and the pod's identity repeated so that it holds even if the
    container is moved into another pod spec."""
    return {
        "allowPrivilegeEscalation": False,
        "capabilities": {"drop": ["ALL"]},
        "privileged": False,
        "readOnlyRootFilesystem": True,
        "runAsGroup": run_as_group,
        "runAsNonRoot": True,
        "runAsUser": run_as_user,
        "seccompProfile": {"type": "RuntimeDefault"},
    }


def restricted_violations(pod_spec: Mapping[str, Any]) -> list[str]:
    """Every way ``pod_spec`` breaks the restricted profile or the library's hardening; empty
    when it complies."""
    found: list[str] = []
    pod = pod_spec.get("securityContext") or {}
    for flag in ("hostNetwork", "hostPID", "hostIPC"):
        if pod_spec.get(flag):
            found.append(f"spec.{flag} must not be true")
    if pod_spec.get("automountServiceAccountToken") is not False:
        found.append("spec.automountServiceAccountToken must be false")
    for volume in pod_spec.get("volumes") or ():
        kinds = set(volume) - {"name"}
        if not kinds <= _ALLOWED_VOLUME_TYPES:
            found.append(f"volume {volume.get('name')!r} uses {sorted(kinds - _ALLOWED_VOLUME_TYPES)}, "
                         "which the restricted profile forbids")
    if pod.get("runAsUser") == 0:
        found.append("spec.securityContext.runAsUser must not be 0")
    containers = [(kind, c) for kind in ("initContainers", "containers", "ephemeralContainers")
                  for c in pod_spec.get(kind) or ()]
    if not containers:
        found.append("spec.containers must not be empty")
    for kind, container in containers:
        found += _container_violations(f"spec.{kind}[{container.get('name')}]", container, pod)
    return found


def _container_violations(where: str, container: Mapping[str, Any], pod: Mapping[str, Any]) -> list[str]:
    found: list[str] = []
    context = container.get("securityContext") or {}
    if context.get("privileged"):
        found.append(f"{where}: privileged must not be true")
    if context.get("allowPrivilegeEscalation") is not False:
        found.append(f"{where}: allowPrivilegeEscalation must be false")
    if context.get("runAsNonRoot", pod.get("runAsNonRoot")) is not True:
        found.append(f"{where}: runAsNonRoot must be true (on the container or the pod)")
    if context.get("runAsUser", pod.get("runAsUser")) in (0, None):
        found.append(f"{where}: runAsUser must be a non-zero numeric UID (on the container or the pod)")
    seccomp = (context.get("seccompProfile") or pod.get("seccompProfile") or {}).get("type")
    if seccomp not in _SECCOMP_TYPES:
        found.append(f"{where}: seccompProfile.type must be RuntimeDefault or Localhost, not {seccomp!r}")
    capabilities = context.get("capabilities") or {}
    if "ALL" not in (capabilities.get("drop") or ()):
        found.append(f"{where}: capabilities must drop ALL")
    added = set(capabilities.get("add") or ()) - _ALLOWED_ADDED_CAPABILITIES
    if added:
        found.append(f"{where}: capabilities must not add {sorted(added)}")
    if context.get("readOnlyRootFilesystem") is not True:
        found.append(f"{where}: readOnlyRootFilesystem must be true")
    if any(port.get("hostPort") for port in container.get("ports") or ()):
        found.append(f"{where}: hostPort must not be used")
    return found
