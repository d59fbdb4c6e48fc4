"""Compute resources of a training container: CPU, memory and GPUs, as Kubernetes quantities.

Quantities are parsed with Kubernetes' grammar and written in the canonical form the API server
stores (``0.5`` becomes ``500m``, ``1.5Gi`` becomes ``1536Mi``), so that a GitOps tool compares
like with like and never reports drift the API server created.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from .errors import InvalidOptionError

__all__ = ["Quantity", "Resources", "DEFAULT_GPU_RESOURCE"]

DEFAULT_GPU_RESOURCE = "nvidia.com/gpu"
"""The extended resource NVIDIA's device plugin advertises."""

_QUANTITY = re.compile(r"^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))"
                       r"(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?$")
_BINARY = {"Ki": 1, "Mi": 2, "Gi": 3, "Ti": 4, "Pi": 5, "Ei": 6}
_DECIMAL = {"n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18}
_DECIMAL_SUFFIX = {exponent: suffix for suffix, exponent in _DECIMAL.items()}
_BINARY_SUFFIX = ["", *_BINARY]
_EXTENDED_RESOURCE = re.compile(r"^[a-z0-9]([-a-z0-9.]*[a-z0-9])?/[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")
_MILLI = Decimal("0.001")


class _Format(Enum):
    BINARY_SI = "binary"
    DECIMAL_SI = "decimal"
    DECIMAL_EXPONENT = "exponent"


@dataclass(frozen=True)
class Quantity:
    """A parsed Kubernetes quantity: its exact value and the notation it was written in.

    ``str(quantity)`` is the canonical form the API server stores.
    """

    value: Decimal
    _format: _Format

    @classmethod
    def parse(cls, field: str, text: str | int | float) -> Quantity:
        """Parse ``text`` (``"8Gi"``, ``"500m"``, ``2``, ``0.5``) as a positive quantity.

        :raises InvalidOptionError: naming ``field`` when ``text`` is not a positive quantity.
        """
        match = None if isinstance(text, bool) else _QUANTITY.match(_as_text(text))
        if match is None or Decimal(match.group(1)) <= 0:
            raise InvalidOptionError(f"'{field}' ({text!r}) must be a positive Kubernetes quantity, "
                                     "such as 8Gi, 512Mi, 2 or 500m")
        number, suffix = Decimal(match.group(1)), match.group(2) or ""
        if suffix in _BINARY:
            return cls(number * 1024 ** _BINARY[suffix], _Format.BINARY_SI)
        if suffix in _DECIMAL:
            return cls(number.scaleb(_DECIMAL[suffix]), _Format.DECIMAL_SI)
        return cls(number.scaleb(int(suffix[1:])), _Format.DECIMAL_EXPONENT)

    def __str__(self) -> str:
        value, notation = self.value, self._format
        if notation is _Format.BINARY_SI and (value < 1024 or value != value.to_integral_value()):
            notation = _Format.DECIMAL_SI  # what the API server does: no rounding, no tiny binary units
        if notation is _Format.BINARY_SI:
            amount, power = int(value), 0
            while amount % 1024 == 0 and power < len(_BINARY):
                amount, power = amount // 1024, power + 1
            return f"{amount}{_BINARY_SUFFIX[power]}"
        sign, digits, exponent = value.normalize().as_tuple()
        mantissa = int("".join(map(str, digits))) * (-1 if sign else 1)
        shift = int(exponent) % 3  # exponents in multiples of 3, the mantissa an integer
        mantissa, exponent = mantissa * 10 ** shift, int(exponent) - shift
        if notation is _Format.DECIMAL_SI and exponent in _DECIMAL_SUFFIX:
            return f"{mantissa}{_DECIMAL_SUFFIX[exponent]}"
        return f"{mantissa}e{exponent}" if exponent else str(mantissa)


def _as_text(value: str | int | float) -> str:
    return repr(value) if isinstance(value, float) else str(value)


@dataclass(frozen=True, kw_only=True)
class Resources:
    """CPU, memory and GPU requests and limits of the training container.

    Defaults suit a small training job rather than a web service: 2 CPUs and 8 GiB, with limits
    equal to the requests (the pod gets the ``Guaranteed`` QoS class: evicted last, and eligible
    for exclusive CPUs under the static CPU manager policy).

    :param cpu: CPU request, a quantity (``"2"``, ``"500m"``, ``4``). Default: ``"2"``.
    :param memory: memory request, a quantity of whole bytes (``"8Gi"``). Default: ``"8Gi"``.
    :param gpu: number of whole GPUs, written to both requests and limits (Kubernetes allows
        extended resources only as whole numbers with request equal to limit). Default: ``0``.
    :param cpu_limit: CPU limit, at least ``cpu``. Default: unset, meaning equal to ``cpu``.
    :param memory_limit: memory limit, at least ``memory``; in-memory volumes such as
        ``/dev/shm`` count against it. Default: unset, meaning equal to ``memory``.
    :param gpu_resource: the extended resource name of the GPU. Default: ``nvidia.com/gpu``.
    :raises InvalidOptionError: listing every invalid field.
    """

    cpu: str | int | float = "2"
    memory: str | int = "8Gi"
    gpu: int = 0
    cpu_limit: str | int | float | None = None
    memory_limit: str | int | None = None
    gpu_resource: str = DEFAULT_GPU_RESOURCE

    def __post_init__(self) -> None:
        found: list[str] = []
        quantities = {field: _collect(found, field, getattr(self, field))
                      for field in ("cpu", "memory", "cpu_limit", "memory_limit")}
        for field in ("cpu", "cpu_limit"):
            value = quantities[field]
            if value and value.value % _MILLI:
                found.append(f"'{field}' ({getattr(self, field)!r}) must be a multiple of 1m (0.001 CPU)")
        for field in ("memory", "memory_limit"):
            value = quantities[field]
            if value and value.value != value.value.to_integral_value():
                found.append(f"'{field}' ({getattr(self, field)!r}) must be a whole number of bytes")
        for request, limit in (("cpu", "cpu_limit"), ("memory", "memory_limit")):
            low, high = quantities[request], quantities[limit]
            if low and high and high.value < low.value:
                found.append(f"'{limit}' ({getattr(self, limit)!r}) must be >= '{request}' "
                             f"({getattr(self, request)!r})")
        if not isinstance(self.gpu, int) or isinstance(self.gpu, bool) or self.gpu < 0:
            found.append(f"'gpu' ({self.gpu!r}) must be a whole number >= 0: GPUs are not shared "
                         "by fractions")
        if not isinstance(self.gpu_resource, str) or not _EXTENDED_RESOURCE.match(self.gpu_resource):
            found.append(f"'gpu_resource' ({self.gpu_resource!r}) must be an extended resource name "
                         "such as nvidia.com/gpu or amd.com/gpu")
        if found:
            raise InvalidOptionError(found)

    @property
    def memory_limit_bytes(self) -> Decimal:
        """The effective memory limit in bytes."""
        return Quantity.parse("memory_limit", self.memory_limit or self.memory).value

    def to_spec(self) -> dict[str, Any]:
        """The container's ``resources`` field: requests and limits, canonical quantities."""
        cpu = str(Quantity.parse("cpu", self.cpu))
        memory = str(Quantity.parse("memory", self.memory))
        requests = {"cpu": cpu, "memory": memory}
        limits = {"cpu": str(Quantity.parse("cpu_limit", self.cpu_limit)) if self.cpu_limit is not None else cpu,
                  "memory": str(Quantity.parse("memory_limit", self.memory_limit))
                  if self.memory_limit is not None else memory}
        if self.gpu:
            requests[self.gpu_resource] = limits[self.gpu_resource] = str(self.gpu)
        return {"limits": limits, "requests": requests}


def _collect(found: list[str], field: str, value: Any) -> Quantity | None:
    """``value`` parsed, or ``None`` when unset or invalid (the problem appended to ``found``)."""
    if value is None:
        return None
    try:
        return Quantity.parse(field, value)
    except InvalidOptionError as error:
        found.extend(error.problems)
        return None
