"""Kubernetes names: validation predicates and derived names that always fit."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from constructs_lib.errors import ConfigurationError, InvalidNameError
from constructs_lib.naming import (
    DNS_LABEL_MAX,
    JOB_NAME_MAX,
    content_hash,
    derive_name,
    is_dns_label,
    is_dns_subdomain,
    is_label_value,
    require_dns_label,
)

HASHED = re.compile(r"^(?P<readable>[a-z0-9-]*?)-?(?P<hash>[0-9a-f]{8})$")


@pytest.mark.parametrize("parts, expected", [
    (("exp-1234",), "exp-1234"),
    (("exp", "run-7"), "exp-run-7"),
    (("exp", "", "run"), "exp-run"),  # empty parts are skipped, not doubled dashes
    (("a" * 63,), "a" * 63),  # exactly at the limit
])
def test_derive_name_keeps_a_valid_name_as_given(parts, expected):
    assert derive_name(*parts) == expected


@pytest.mark.parametrize("parts, max_length, readable", [
    (("Exp_1",), DNS_LABEL_MAX, "exp-1"),  # uppercase and '_' are not DNS
    (("my experiment", "Run 3"), DNS_LABEL_MAX, "my-experiment-run-3"),
    (("a" * 64,), DNS_LABEL_MAX, "a" * 54),  # one over: cut to 63 - 9
    (("sweep", "x" * 60), JOB_NAME_MAX, "sweep-" + "x" * 37),  # 52 - 9 = 43
    (("-lead", "trail-"), DNS_LABEL_MAX, "lead-trail"),  # no leading or trailing '-'
    (("__",), DNS_LABEL_MAX, ""),  # nothing readable left: the hash alone
])
def test_derive_name_shortens_with_a_stable_hash(parts, max_length, readable):
    name = derive_name(*parts, max_length=max_length)
    assert is_dns_label(name) and len(name) <= max_length
    match = HASHED.match(name)
    assert match, name
    assert match["readable"] == readable
    assert match["hash"] == content_hash(list(parts))


def test_derive_name_is_stable_and_distinguishes_parts():
    long = "x" * 80
    assert derive_name("exp", long) == derive_name("exp", long)
    # Same readable prefix after cutting, different parts: different hashes.
    assert derive_name("exp", long + "a") != derive_name("exp", long + "b")
    # Names that normalise to the same text still differ.
    assert derive_name("My_Exp") != derive_name("my-exp-")


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.text(max_size=80), max_size=4),
       max_length=st.integers(min_value=10, max_value=DNS_LABEL_MAX))
def test_derive_name_always_gives_a_dns_label_within_the_limit(parts, max_length):
    name = derive_name(*parts, max_length=max_length)
    assert is_dns_label(name), name
    assert len(name) <= max_length
    assert name == derive_name(*parts, max_length=max_length)
    joined = "-".join(p for p in parts if p)
    if is_dns_label(joined) and len(joined) <= max_length:
        assert name == joined


@pytest.mark.parametrize("max_length", [1, 8])
def test_derive_name_respects_a_limit_shorter_than_the_hash(max_length):
    assert len(derive_name("x" * 100, max_length=max_length)) <= max_length


@pytest.mark.parametrize("value, label, subdomain, label_value", [
    ("exp-1", True, True, True),
    ("a", True, True, True),
    ("a" * 63, True, True, True),
    ("a" * 64, False, False, False),
    ("Exp", False, False, True),
    ("-exp", False, False, False),
    ("exp-", False, False, False),
    ("exp_1", False, False, True),
    ("ai.example.com", False, True, True),
    ("ai..example.com", False, False, True),  # label values may repeat dots
    ("", False, False, True),  # an empty label value is allowed
])
def test_name_predicates(value, label, subdomain, label_value):
    assert (is_dns_label(value), is_dns_subdomain(value), is_label_value(value)) == (label, subdomain, label_value)


def test_dns_subdomain_is_at_most_253_characters():
    name = ".".join(["a" * 63] * 3 + ["a" * 61])
    assert len(name) == 253 and is_dns_subdomain(name)
    assert not is_dns_subdomain(name + "a")


def test_require_dns_label_returns_a_valid_value():
    assert require_dns_label("job", "train-1") == "train-1"


@pytest.mark.parametrize("value, max_length", [
    ("Train", DNS_LABEL_MAX),
    ("train_1", DNS_LABEL_MAX),
    ("", DNS_LABEL_MAX),
    ("a" * 53, JOB_NAME_MAX),
    (42, DNS_LABEL_MAX),
])
def test_require_dns_label_names_field_value_and_rule(value, max_length):
    with pytest.raises(InvalidNameError, match=rf"^'job' \({re.escape(repr(value))}\) must be a DNS-1123 "
                                                rf"label: at most {max_length} lowercase"):
        require_dns_label("job", value, max_length)


def test_invalid_name_error_is_a_value_error():
    assert issubclass(InvalidNameError, ConfigurationError) and issubclass(InvalidNameError, ValueError)


def test_content_hash_ignores_key_order_and_has_the_requested_length():
    assert content_hash({"a": 1, "b": [1, 2]}) == content_hash({"b": [1, 2], "a": 1})
    assert content_hash({"a": 1}) != content_hash({"a": 2})
    assert re.fullmatch(r"[0-9a-f]{8}", content_hash("x"))
    assert len(content_hash("x", length=12)) == 12
