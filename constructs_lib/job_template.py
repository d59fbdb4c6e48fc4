"""How training executes: one :class:`TrainingTemplate`, rendered as a pod template and a Job.

A template holds everything about the training container and its Job that does not depend on a
particular run: image, command, resources, scheduling, volumes, retries, security. An
Experiment holds one as the default of its runs; a run overrides fields with
``dataclasses.replace(experiment.template, image=..., resources=...)``. A training run renders
it into one Job; a sweep renders the same template into one Indexed Job
(:class:`CompletionMode`), adding per-index arguments, environment and volumes.

Rendered pods meet the "restricted" Pod Security Standard (:mod:`constructs_lib.pod_security`),
and every default that the API server would otherwise fill in, and that changes behaviour, is
written out: ``restartPolicy``, ``backoffLimit``, ``completions``, ``parallelism``,
``completionMode``, ``imagePullPolicy``, ``terminationGracePeriodSeconds``, file modes,
quantities in canonical form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import Any

from . import labels as label_keys
from .errors import InvalidOptionError
from .naming import is_dns_label, is_dns_subdomain, is_label_value
from .pod_security import container_security_context, pod_security_context
from .resources import Quantity, Resources
from .volumes import EmptyDirVolume, Mount

__all__ = [
    "CONTAINER_NAME",
    "CompletionMode",
    "DEFAULT_ID",
    "DEFAULT_OUTPUT",
    "ENV_EXPERIMENT",
    "ENV_NAMESPACE",
    "ENV_OUTPUT_DIR",
    "ENV_RUN",
    "ENV_SEED",
    "PARAMETER_ENV_PREFIX",
    "ParameterPassing",
    "PullPolicy",
    "SecretKeyRef",
    "Toleration",
    "TolerationEffect",
    "TrainingTemplate",
    "identity_env",
]

CONTAINER_NAME = "training"
"""Name of the training container in every pod the library renders."""

DEFAULT_ID = 65532
"""Default UID, GID and fsGroup: distroless's ``nonroot`` user; above 10000, so it cannot
collide with a user of the node."""

ENV_RUN = "RUN_NAME"
"""Environment variable holding the Run's name (the object training reports its status to)."""
ENV_EXPERIMENT = "RUN_EXPERIMENT"
"""Environment variable holding the Experiment's name."""
ENV_NAMESPACE = "RUN_NAMESPACE"
"""Environment variable holding the namespace, from the downward API."""
ENV_SEED = "RUN_SEED"
"""Environment variable holding the run's random seed, when it has one."""
ENV_OUTPUT_DIR = "RUN_OUTPUT_DIR"
"""Environment variable holding the path of the output volume."""
PARAMETER_ENV_PREFIX = "PARAM_"
"""Parameters passed as environment variables are named ``PARAM_<NAME IN UPPER CASE>``."""

_RESERVED_ENV = frozenset({ENV_RUN, ENV_EXPERIMENT, ENV_NAMESPACE, ENV_SEED, ENV_OUTPUT_DIR})
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SECRET_KEY = re.compile(r"^[-._a-zA-Z0-9]{1,253}$")
_CHECK_ID = re.compile(r"^CKV2?_K8S_[0-9]+$")
_QUALIFIED_NAME = re.compile(r"^([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]$")
_PATH_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_DOMAIN = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]+)?"
_IMAGE = re.compile(rf"^(?:{_DOMAIN}/)?{_PATH_COMPONENT}(?:/{_PATH_COMPONENT})*(?::[\w][\w.-]{{0,127}})?"
                    r"(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$")
_SHA256_DIGEST = re.compile(r"@sha256:[0-9a-f]{64}$")
_IMAGE_MAX = 512  # the Run schema's bound on spec.image
_MAX_INT32 = 2**31 - 1
_TOKEN_DIRECTORY = "/var/run/secrets/kubernetes.io/serviceaccount"
_TOKEN_LIFETIME_SECONDS = 3600
_TMP, _SHM, _TOKEN = "tmp", "dshm", "service-account-token"

DEFAULT_OUTPUT = Mount(name="outputs", path="/outputs", source=EmptyDirVolume(size_limit="20Gi"), read_only=False)
"""Default output volume: a 20 GiB emptyDir at ``/outputs``. It disappears with the pod: upload
what must be kept (to the experiment's artifact store) before the training exits, or mount a
PersistentVolumeClaim instead."""


class ParameterPassing(Enum):
    """How a run's parameters reach the training process."""

    ARGS = "args"
    """As arguments ``--name=value`` after the template's own ``args``."""
    ENV = "env"
    """As environment variables ``PARAM_<NAME>`` (names must be usable as variable names)."""
    ARGS_AND_ENV = "args-and-env"
    """Both."""


class PullPolicy(Enum):
    """When the kubelet pulls the image."""

    ALWAYS = "Always"
    IF_NOT_PRESENT = "IfNotPresent"
    NEVER = "Never"


class TolerationEffect(Enum):
    """The taint effect a toleration matches."""

    NO_SCHEDULE = "NoSchedule"
    PREFER_NO_SCHEDULE = "PreferNoSchedule"
    NO_EXECUTE = "NoExecute"


class CompletionMode(Enum):
    """How a Job counts completions: one pod for a run, one index per trial for a sweep."""

    NON_INDEXED = "NonIndexed"
    INDEXED = "Indexed"


def _is_qualified_name(value: Any) -> bool:
    """A label key or taint key: an optional DNS-subdomain prefix and ``/``, then a name."""
    if not isinstance(value, str) or value.count("/") > 1:
        return False
    prefix, _, name = value.rpartition("/")
    return bool(_QUALIFIED_NAME.match(name)) and (not prefix or is_dns_subdomain(prefix))


def _freeze(instance: Any, name: str, found: list[str], mapping: bool = False) -> None:
    """Store the collection field ``name`` read-only: a tuple, or a read-only mapping. A value of
    the wrong shape (such as a string where a sequence belongs) is recorded in ``found``."""
    value = getattr(instance, name)
    if isinstance(value, (str, bytes)) or not isinstance(value, Mapping if mapping else Iterable):
        found.append(f"'{name}' ({value!r}) must be a {'mapping' if mapping else 'sequence'}")
        value = {} if mapping else ()
    object.__setattr__(instance, name, MappingProxyType(dict(value)) if mapping else tuple(value))


@dataclass(frozen=True, kw_only=True)
class SecretKeyRef:
    """One key of a Secret, referenced by name: the library never sees the secret value.

    :param secret: name of the Secret.
    :param key: the key within it.
    """

    secret: str
    key: str

    def __post_init__(self) -> None:
        found = []
        if not isinstance(self.secret, str) or not is_dns_subdomain(self.secret):
            found.append(f"'secret' ({self.secret!r}) must be the name of a Secret: a DNS-1123 subdomain")
        if not isinstance(self.key, str) or not _SECRET_KEY.match(self.key):
            found.append(f"'key' ({self.key!r}) must be a Secret key: letters, digits, '-', '_' or '.'")
        if found:
            raise InvalidOptionError(found)


@dataclass(frozen=True, kw_only=True)
class Toleration:
    """Lets the training pod run on tainted nodes, typically GPU nodes.

    The operator follows from the intent: ``Equal`` when a ``value`` is given, else ``Exists``.

    :param key: the taint key, for example ``nvidia.com/gpu``. Default: unset, which tolerates
        every taint (only with no ``value``).
    :param value: tolerate only taints with this value. Default: unset (any value).
    :param effect: tolerate only this effect. Default: unset (every effect).
    :param toleration_seconds: with ``NO_EXECUTE``: how long the pod stays once the taint
        appears. Default: unset (forever).
    :raises InvalidOptionError: listing every invalid field.
    """

    key: str | None = None
    value: str | None = None
    effect: TolerationEffect | None = None
    toleration_seconds: int | None = None

    def __post_init__(self) -> None:
        found = []
        if self.key is not None and not _is_qualified_name(self.key):
            found.append(f"'key' ({self.key!r}) must be a qualified name such as nvidia.com/gpu")
        if self.value is not None and (self.key is None or not is_label_value(self.value)):
            found.append(f"'value' ({self.value!r}) needs a 'key' and must be a valid label value")
        if self.effect is not None and not isinstance(self.effect, TolerationEffect):
            found.append(f"'effect' ({self.effect!r}) must be a TolerationEffect")
        if self.toleration_seconds is not None and (
                self.effect is not TolerationEffect.NO_EXECUTE or not _is_int(self.toleration_seconds, 0)):
            found.append(f"'toleration_seconds' ({self.toleration_seconds!r}) must be an integer >= 0 "
                         "and needs effect NO_EXECUTE")
        if found:
            raise InvalidOptionError(found)

    def to_spec(self) -> dict[str, Any]:
        """The pod's ``tolerations`` entry."""
        spec: dict[str, Any] = {} if self.key is None else {"key": self.key}
        spec["operator"] = "Exists" if self.value is None else "Equal"
        if self.value is not None:
            spec["value"] = self.value
        if self.effect is not None:
            spec["effect"] = self.effect.value
        if self.toleration_seconds is not None:
            spec["tolerationSeconds"] = self.toleration_seconds
        return spec


def _is_int(value: Any, minimum: int, maximum: int = _MAX_INT32) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and minimum <= value <= maximum


def identity_env(*, experiment: str, run: str | None = None, seed: int | None = None) -> list[dict[str, Any]]:
    """Environment variables naming the experiment, the run (when known) and the namespace
    (from the downward API), and the run's seed when it has one."""
    env: list[dict[str, Any]] = []
    if run is not None:
        env.append({"name": ENV_RUN, "value": run})
    env.append({"name": ENV_EXPERIMENT, "value": experiment})
    env.append({"name": ENV_NAMESPACE,
                "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"}}})
    if seed is not None:
        env.append({"name": ENV_SEED, "value": str(seed)})
    return env


@dataclass(frozen=True, kw_only=True)
class TrainingTemplate:
    """The training container and its Job, independent of any one run's parameters.

    :param image: container image, ``registry/name:tag`` or ``registry/name@sha256:<digest>``.
    :param command: replaces the image's entrypoint. Default: unset (the image's entrypoint).
    :param args: arguments before the run's parameters. Default: none.
    :param parameters_as: how parameters reach training. Default: ``ParameterPassing.ARGS``
        (``--name=value``).
    :param env: plain environment variables, name to value: never put secrets here, use
        ``secret_env`` or a ``SecretVolume``. Names ``RUN_NAME``, ``RUN_EXPERIMENT``,
        ``RUN_NAMESPACE``, ``RUN_SEED``, ``RUN_OUTPUT_DIR`` and the prefix ``PARAM_`` are the
        library's. Default: none.
    :param secret_env: environment variables read from Secrets, name to :class:`SecretKeyRef`.
        checkov's CKV_K8S_35 prefers secrets as files (a ``SecretVolume`` mount): using this
        needs a ``checkov_skips`` entry saying why. Default: none.
    :param resources: CPU, memory and GPUs. Default: ``Resources()`` (2 CPUs, 8 GiB, no GPU).
    :param node_selector: node labels the pod requires. Default: none.
    :param tolerations: taints the pod tolerates. Default: none.
    :param volumes: further mounts: datasets (read-only by default), configuration, secrets as
        files. Default: none.
    :param output: the writable volume training writes results to; its path is in
        ``RUN_OUTPUT_DIR``. Default: :data:`DEFAULT_OUTPUT` (a 20 GiB emptyDir at ``/outputs``).
    :param tmp_size: size limit of the writable emptyDir at ``/tmp`` (the root filesystem is
        read-only). Default: ``"1Gi"``.
    :param shm_size: size limit of the in-memory ``/dev/shm`` (PyTorch data loaders and NCCL
        need more than the container runtime's 64 MiB); it counts against the memory limit, so
        it must not exceed it. Default: ``"1Gi"``.
    :param backoff_limit: retries after a failed pod. Disruptions (preemption, node drain,
        eviction) are not counted: the Job's pod failure policy ignores them. Default: ``2``
        (the API server's default would be 6).
    :param non_retriable_exit_codes: exit codes that mean retrying cannot help (bad
        configuration): the Job fails at once. Default: none.
    :param active_deadline_seconds: the Job fails once it has run this long. Default: unset (no
        deadline: a long training is not cut short).
    :param ttl_seconds_after_finished: delete the finished Job after this many seconds.
        Default: unset, on purpose: under GitOps, Argo CD or Flux re-create a deleted Job from
        the repository, and the training runs again. Set it only where nothing re-applies
        the output.
    :param termination_grace_period_seconds: time between SIGTERM and SIGKILL, for writing a
        checkpoint. Default: ``30`` (the API server's default, written out).
    :param priority_class: PriorityClass of the pods. Default: unset (the cluster's default).
    :param queue: Kueue LocalQueue; sets the ``kueue.x-k8s.io/queue-name`` label on the Job and
        leaves ``spec.suspend`` to Kueue (it suspends the Job on creation and resumes it once
        admitted; tell Argo CD to ignore ``/spec/suspend`` of Jobs). Default: unset (no Kueue:
        ``suspend: false`` is written).
    :param run_as_user: numeric UID, >= 1; below 10000 checkov's CKV_K8S_40 fails. Default:
        ``65532``.
    :param run_as_group: numeric GID. Default: ``65532``.
    :param fs_group: group that owns the mounted volumes. Default: ``65532``.
    :param image_pull_policy: Default: unset, meaning ``IF_NOT_PRESENT`` for an image pinned by
        digest (it cannot change) and ``ALWAYS`` for a tag (it can move; checkov's CKV_K8S_15).
    :param image_pull_secrets: names of registry credential Secrets. Default: none.
    :param require_digest: reject an image that is not pinned by ``@sha256:`` digest. Default:
        ``False``; a tagged image then fails checkov's CKV_K8S_43 unless ``checkov_skips`` says why.
    :param checkov_skips: checkov check id to the reason it does not apply, written as
        ``checkov.io/skip<n>`` annotations on the Job (a reason may not contain ``=``).
        Default: none.
    :raises InvalidOptionError: listing every invalid field.
    """

    image: str
    command: Sequence[str] = ()
    args: Sequence[str] = ()
    parameters_as: ParameterPassing = ParameterPassing.ARGS
    env: Mapping[str, str] = field(default_factory=dict)
    secret_env: Mapping[str, SecretKeyRef] = field(default_factory=dict)
    resources: Resources = field(default_factory=Resources)
    node_selector: Mapping[str, str] = field(default_factory=dict)
    tolerations: Sequence[Toleration] = ()
    volumes: Sequence[Mount] = ()
    output: Mount = DEFAULT_OUTPUT
    tmp_size: str = "1Gi"
    shm_size: str = "1Gi"
    backoff_limit: int = 2
    non_retriable_exit_codes: Sequence[int] = ()
    active_deadline_seconds: int | None = None
    ttl_seconds_after_finished: int | None = None
    termination_grace_period_seconds: int = 30
    priority_class: str | None = None
    queue: str | None = None
    run_as_user: int = DEFAULT_ID
    run_as_group: int = DEFAULT_ID
    fs_group: int = DEFAULT_ID
    image_pull_policy: PullPolicy | None = None
    image_pull_secrets: Sequence[str] = ()
    require_digest: bool = False
    checkov_skips: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        found: list[str] = []
        for name in ("command", "args", "tolerations", "volumes", "non_retriable_exit_codes", "image_pull_secrets"):
            _freeze(self, name, found)
        for name in ("env", "secret_env", "node_selector", "checkov_skips"):
            _freeze(self, name, found, mapping=True)
        self._check_image(found)
        self._check_types(found)
        self._check_env(found)
        self._check_scheduling(found)
        self._check_volumes(found)
        self._check_job(found)
        if found:
            raise InvalidOptionError(found)

    # Validation, one group of fields at a time.

    def _check_image(self, found: list[str]) -> None:
        image = self.image
        if not isinstance(image, str) or not image.strip():
            found.append(f"'image' ({image!r}) must not be empty")
        elif len(image) > _IMAGE_MAX or not _IMAGE.match(image):
            found.append(f"'image' ({image!r}) must be an image reference such as "
                         "registry.example.com/team/train:1.2 or ...@sha256:<64 hex digits>")
        elif self.require_digest and not _SHA256_DIGEST.search(image):
            found.append(f"'image' ({image!r}) must be pinned by digest (name@sha256:<64 hex digits>) "
                         "because 'require_digest' is set")
        for name in ("command", "args"):
            if not all(isinstance(item, str) for item in getattr(self, name)):
                found.append(f"'{name}' ({list(getattr(self, name))!r}) must be a sequence of strings")

    def _check_types(self, found: list[str]) -> None:
        expected = (("parameters_as", ParameterPassing, False), ("resources", Resources, False),
                    ("output", Mount, False), ("image_pull_policy", PullPolicy, True))
        for name, kind, optional in expected:
            value = getattr(self, name)
            if not isinstance(value, kind) and not (optional and value is None):
                found.append(f"'{name}' ({value!r}) must be of type {kind.__name__}")
        for name in ("run_as_user", "run_as_group", "fs_group"):
            minimum = 1 if name == "run_as_user" else 0
            if not _is_int(getattr(self, name), minimum):
                found.append(f"'{name}' ({getattr(self, name)!r}) must be an integer from {minimum} to "
                             f"{_MAX_INT32}" + (" (0 is root)" if minimum else ""))

    def _check_env(self, found: list[str]) -> None:
        for name, value in (*self.env.items(), *self.secret_env.items()):
            if not isinstance(name, str) or not _ENV_NAME.match(name):
                found.append(f"'env' name {name!r} must be a letter or '_', then letters, digits or '_'")
            elif name in _RESERVED_ENV or name.startswith(PARAMETER_ENV_PREFIX):
                found.append(f"'env' name {name!r} is set by the library: the names {sorted(_RESERVED_ENV)} "
                             f"and the prefix {PARAMETER_ENV_PREFIX!r} are reserved")
        found += [f"'env' value of {name!r} ({value!r}) must be a string"
                  for name, value in self.env.items() if not isinstance(value, str)]
        found += [f"'secret_env' value of {name!r} ({value!r}) must be a SecretKeyRef"
                  for name, value in self.secret_env.items() if not isinstance(value, SecretKeyRef)]
        both = sorted(set(self.env) & set(self.secret_env))
        if both:
            found.append(f"'env' and 'secret_env' must not both set {both}")

    def _check_scheduling(self, found: list[str]) -> None:
        for key, value in self.node_selector.items():
            if not _is_qualified_name(key) or not isinstance(value, str) or not is_label_value(value):
                found.append(f"'node_selector' entry {key!r}: {value!r} must be a label key and value")
        found += [f"'tolerations' entry {item!r} must be a Toleration"
                  for item in self.tolerations if not isinstance(item, Toleration)]
        if self.priority_class is not None and (not isinstance(self.priority_class, str)
                                                or not is_dns_subdomain(self.priority_class)):
            found.append(f"'priority_class' ({self.priority_class!r}) must be a PriorityClass name: "
                         "a DNS-1123 subdomain")
        if self.queue is not None and (not isinstance(self.queue, str) or not is_dns_label(self.queue)):
            found.append(f"'queue' ({self.queue!r}) must be a Kueue LocalQueue name: a DNS-1123 label")
        for secret in self.image_pull_secrets:
            if not isinstance(secret, str) or not is_dns_subdomain(secret):
                found.append(f"'image_pull_secrets' entry {secret!r} must be a Secret name: a DNS-1123 subdomain")
        if len(set(self.image_pull_secrets)) < len(self.image_pull_secrets):
            found.append(f"'image_pull_secrets' ({list(self.image_pull_secrets)!r}) must not repeat a name")

    def _check_volumes(self, found: list[str]) -> None:
        mounts = [m for m in self.volumes if isinstance(m, Mount)]
        found += [f"'volumes' entry {m!r} must be a Mount" for m in self.volumes if not isinstance(m, Mount)]
        if isinstance(self.output, Mount):
            if self.output.read_only:
                found.append(f"'output' ({self.output.name!r}) must not be read_only: training writes there")
            mounts.append(self.output)
        names = [m.name for m in mounts] + [_TMP, _SHM, _TOKEN]
        paths = [m.path for m in mounts] + ["/tmp", "/dev/shm", _TOKEN_DIRECTORY]
        for what, values in (("name", names), ("path", paths)):
            repeated = sorted({v for v in values if values.count(v) > 1})
            if repeated:
                found.append(f"volume {what}s {repeated} are used twice (the library uses the names "
                             f"{[_TMP, _SHM, _TOKEN]} and the paths /tmp, /dev/shm, {_TOKEN_DIRECTORY})")
        shm = None
        for name in ("tmp_size", "shm_size"):
            try:
                size = Quantity.parse(name, getattr(self, name))
            except InvalidOptionError as error:
                found.extend(error.problems)
                continue
            if name == "shm_size":
                shm = size
        if shm and isinstance(self.resources, Resources) and shm.value > self.resources.memory_limit_bytes:
            found.append(f"'shm_size' ({self.shm_size!r}) must be <= the memory limit "
                         f"({self.resources.memory_limit or self.resources.memory!r}): /dev/shm is memory")

    def _check_job(self, found: list[str]) -> None:
        bounds = (("backoff_limit", 0, False), ("active_deadline_seconds", 1, True),
                  ("ttl_seconds_after_finished", 0, True), ("termination_grace_period_seconds", 0, False))
        for name, minimum, optional in bounds:
            value = getattr(self, name)
            if not (optional and value is None) and not _is_int(value, minimum):
                found.append(f"'{name}' ({value!r}) must be an integer >= {minimum}")
        codes = list(self.non_retriable_exit_codes)
        if not all(_is_int(code, 1, 255) for code in codes) or len(set(codes)) < len(codes):
            found.append(f"'non_retriable_exit_codes' ({codes!r}) must be distinct integers from 1 to 255")
        for check, reason in self.checkov_skips.items():
            if not isinstance(check, str) or not _CHECK_ID.match(check):
                found.append(f"'checkov_skips' key {check!r} must be a Kubernetes check id such as CKV_K8S_43")
            if not isinstance(reason, str) or not reason.strip() or "=" in reason or "\n" in reason:
                found.append(f"'checkov_skips' reason for {check!r} ({reason!r}) must be one line of text "
                             "without '='")

    # Parameters.

    def parameter_problems(self, parameters: Mapping[str, str]) -> list[str]:
        """Why ``parameters`` cannot be passed the way this template passes them; empty if they can."""
        if self.parameters_as is ParameterPassing.ARGS:
            return []
        found = [f"parameter {name!r} cannot be passed as an environment variable (parameters_as="
                 f"{self.parameters_as.name}): use letters, digits and '_' only"
                 for name in parameters if not _ENV_NAME.match(name)]
        variables: dict[str, list[str]] = {}
        for name in parameters:
            variables.setdefault(_parameter_variable(name), []).append(name)
        found += [f"parameters {names!r} would all be passed as {variable}"
                  for variable, names in variables.items() if len(names) > 1]
        return found

    def parameter_arguments(self, parameters: Mapping[str, str]) -> tuple[list[str], list[dict[str, Any]]]:
        """``parameters`` as container arguments and environment variables, sorted by name so
        that declaration order never changes the pod template."""
        ordered = sorted(parameters.items())
        as_args = self.parameters_as in (ParameterPassing.ARGS, ParameterPassing.ARGS_AND_ENV)
        as_env = self.parameters_as in (ParameterPassing.ENV, ParameterPassing.ARGS_AND_ENV)
        args = [f"--{name}={value}" for name, value in ordered] if as_args else []
        env = [{"name": _parameter_variable(name), "value": value} for name, value in ordered] if as_env else []
        return args, env

    # Rendering.

    @property
    def pull_policy(self) -> PullPolicy:
        """The effective image pull policy (see ``image_pull_policy``)."""
        if self.image_pull_policy is not None:
            return self.image_pull_policy
        return PullPolicy.IF_NOT_PRESENT if _SHA256_DIGEST.search(self.image) else PullPolicy.ALWAYS

    def pod_template(self, *, labels: Mapping[str, str], args: Sequence[str] = (),
                     env: Sequence[Mapping[str, Any]] = (), volumes: Sequence[Mount] = (),
                     service_account: str | None = None) -> dict[str, Any]:
        """The Job's ``spec.template``.

        :param labels: labels of the pods.
        :param args: appended to the template's ``args`` (a run's parameters, a sweep's index).
        :param env: environment variables placed before the template's ``env`` (identity, parameters).
        :param volumes: mounts added after the template's (a sweep's per-index parameters).
        :param service_account: a ServiceAccount whose token is mounted, read-only, at the standard
            path, as a projected volume that expires after an hour and is renewed by the kubelet.
            ``automountServiceAccountToken`` stays false: the token is visible in the YAML and
            mounted only here. Default: unset (the namespace's default account, no token).
        """
        mounts = [*self.volumes, *volumes, self.output]
        container: dict[str, Any] = {"name": CONTAINER_NAME, "image": self.image,
                                     "imagePullPolicy": self.pull_policy.value}
        if self.command:
            container["command"] = list(self.command)
        if self.args or args:
            container["args"] = [*self.args, *args]
        container["env"] = [
            *(dict(variable) for variable in env),
            {"name": ENV_OUTPUT_DIR, "value": self.output.path},
            *({"name": name, "value": value} for name, value in sorted(self.env.items())),
            *({"name": name, "valueFrom": {"secretKeyRef": {"key": ref.key, "name": ref.secret}}}
              for name, ref in sorted(self.secret_env.items())),
        ]
        container["resources"] = self.resources.to_spec()
        container["securityContext"] = container_security_context(
            run_as_user=self.run_as_user, run_as_group=self.run_as_group)
        container["terminationMessagePath"] = "/dev/termination-log"
        container["terminationMessagePolicy"] = "FallbackToLogsOnError"
        container["volumeMounts"] = [
            *(m.to_volume_mount() for m in mounts),
            {"mountPath": "/tmp", "name": _TMP, "readOnly": False},
            {"mountPath": "/dev/shm", "name": _SHM, "readOnly": False},
        ]
        pod_volumes = [
            *(m.to_volume() for m in mounts),
            {"name": _TMP, **EmptyDirVolume(size_limit=self.tmp_size).to_spec()},
            {"name": _SHM, **EmptyDirVolume(size_limit=self.shm_size, in_memory=True).to_spec()},
        ]
        spec: dict[str, Any] = {"automountServiceAccountToken": False, "containers": [container],
                                "enableServiceLinks": False}
        if self.image_pull_secrets:
            spec["imagePullSecrets"] = [{"name": name} for name in self.image_pull_secrets]
        if self.node_selector:
            spec["nodeSelector"] = dict(sorted(self.node_selector.items()))
        if self.priority_class:
            spec["priorityClassName"] = self.priority_class
        spec["restartPolicy"] = "Never"
        spec["securityContext"] = pod_security_context(
            run_as_user=self.run_as_user, run_as_group=self.run_as_group, fs_group=self.fs_group)
        if service_account:
            spec["serviceAccountName"] = service_account
            container["volumeMounts"].append({"mountPath": _TOKEN_DIRECTORY, "name": _TOKEN, "readOnly": True})
            pod_volumes.append(_token_volume())
        spec["terminationGracePeriodSeconds"] = self.termination_grace_period_seconds
        if self.tolerations:
            spec["tolerations"] = [t.to_spec() for t in self.tolerations]
        spec["volumes"] = pod_volumes
        return {"metadata": {"labels": dict(labels)}, "spec": spec}

    def job(self, *, name: str, labels: Mapping[str, str], pod_template: Mapping[str, Any],
            completions: int = 1, parallelism: int = 1,
            completion_mode: CompletionMode = CompletionMode.NON_INDEXED) -> dict[str, Any]:
        """A batch/v1 Job document running ``pod_template``.

        :param name: the Job's name (at most :data:`~constructs_lib.naming.JOB_NAME_MAX`).
        :param labels: the Job's labels; the Kueue queue label is added when ``queue`` is set.
        :param completions: pods (or indexes) that must succeed. Default: ``1``.
        :param parallelism: pods running at once. Default: ``1``.
        :param completion_mode: ``INDEXED`` for a sweep: ``backoff_limit`` then applies per
            index (``backoffLimitPerIndex``, Kubernetes 1.29+) and a non-retriable exit code
            fails only its index. Default: ``NON_INDEXED``.
        """
        job_labels = dict(labels)
        if self.queue:
            job_labels[label_keys.KUEUE_QUEUE_NAME] = self.queue
        metadata: dict[str, Any] = {"name": name, "labels": dict(sorted(job_labels.items()))}
        if self.checkov_skips:
            metadata["annotations"] = {f"checkov.io/skip{index}": f"{check}={reason}" for index, (check, reason)
                                       in enumerate(sorted(self.checkov_skips.items()), start=1)}
        indexed = completion_mode is CompletionMode.INDEXED
        spec: dict[str, Any] = {}
        if self.active_deadline_seconds is not None:
            spec["activeDeadlineSeconds"] = self.active_deadline_seconds
        spec["backoffLimit"] = _MAX_INT32 if indexed else self.backoff_limit
        if indexed:
            spec["backoffLimitPerIndex"] = self.backoff_limit
        spec["completionMode"] = completion_mode.value
        spec["completions"] = completions
        spec["parallelism"] = parallelism
        spec["podFailurePolicy"] = {"rules": self._pod_failure_rules("FailIndex" if indexed else "FailJob")}
        if not self.queue:
            spec["suspend"] = False
        spec["template"] = dict(pod_template)
        if self.ttl_seconds_after_finished is not None:
            spec["ttlSecondsAfterFinished"] = self.ttl_seconds_after_finished
        return {"apiVersion": "batch/v1", "kind": "Job", "metadata": metadata, "spec": spec}

    def _pod_failure_rules(self, fail_action: str) -> list[dict[str, Any]]:
        rules: list[dict[str, Any]] = []
        if self.non_retriable_exit_codes:
            rules.append({"action": fail_action, "onExitCodes": {
                "containerName": CONTAINER_NAME, "operator": "In",
                "values": sorted(self.non_retriable_exit_codes)},
                "onPodConditions": []})  # required (may be empty) by Kubernetes 1.27's schema
        rules.append({"action": "Ignore", "onPodConditions": [{"status": "True", "type": "DisruptionTarget"}]})
        return rules


def _parameter_variable(name: str) -> str:
    return f"{PARAMETER_ENV_PREFIX}{name.upper()}"


def _token_volume() -> dict[str, Any]:
    """What ``automountServiceAccountToken`` would mount, written out: a short-lived token, the
    cluster's CA certificate and the namespace."""
    return {"name": _TOKEN, "projected": {"defaultMode": 0o644, "sources": [
        {"serviceAccountToken": {"expirationSeconds": _TOKEN_LIFETIME_SECONDS, "path": "token"}},
        {"configMap": {"items": [{"key": "ca.crt", "path": "ca.crt"}], "name": "kube-root-ca.crt"}},
        {"downwardAPI": {"items": [{"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"},
                                    "path": "namespace"}]}},
    ]}}
