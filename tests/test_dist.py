"""dist/ is what main.py synthesizes now, every time byte for byte, and every document in it is valid."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from constructs_lib.cluster_roles import cluster_role_documents
from constructs_lib.crds import crd_documents
from tests.checks import CUSTOM_SCHEMAS, assert_semantically_valid

ROOT = Path(__file__).parents[1]
DIST = ROOT / "dist"


def synth_main(outdir: Path) -> subprocess.CompletedProcess[str]:
    """Run main.py as `./dev synth` does (same JSII_* and TMPDIR), writing to ``outdir``."""
    env = {**os.environ,
           "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20",
           "JSII_RUNTIME_PACKAGE_CACHE_ROOT": str(ROOT / ".cache" / "jsii"),
           "TMPDIR": str(ROOT / ".cache" / "tmp"),
           "PYTHONDONTWRITEBYTECODE": "1",
           "CDK8S_OUTDIR": str(outdir)}
    (ROOT / ".cache" / "tmp").mkdir(parents=True, exist_ok=True)
    return subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=True)


def files(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir()) if path.is_file()}


def documents(directory: Path) -> dict[str, list[dict[str, Any]]]:
    return {name: [d for d in yaml.safe_load_all(content) if d] for name, content in files(directory).items()}


@pytest.fixture(scope="module")
def first(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    outdir = tmp_path_factory.mktemp("synth-1")
    return outdir, synth_main(outdir)


def test_synth_is_quiet(first):
    _, result = first
    assert (result.stdout, result.stderr) == ("", "")


def test_dist_is_what_main_synthesizes_now(first):
    outdir, _ = first
    fresh, committed = files(outdir), files(DIST)
    assert sorted(fresh) == sorted(committed), "dist/ holds other files than a synth writes: run ./dev synth"
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert stale == [], f"dist/ is stale ({stale}): run ./dev synth"


def test_two_synths_are_byte_identical(first, tmp_path):
    outdir, _ = first
    synth_main(tmp_path)
    assert files(tmp_path) == files(outdir)


def test_every_document_is_semantically_valid():
    assert_semantically_valid([d for docs in documents(DIST).values() for d in docs])


def test_api_file_sorts_first_and_holds_the_crds_and_roles():
    """CRDs land before the objects that use them: in the first file, and only there."""
    by_file = documents(DIST)
    first_file, *later = sorted(by_file)
    api = by_file[first_file]
    assert [d for d in api if d["kind"] == "CustomResourceDefinition"] == crd_documents()
    assert [d for d in api if d["kind"] == "ClusterRole"] == cluster_role_documents()
    assert api[:2] == crd_documents()
    assert not any(d["kind"] in CUSTOM_SCHEMAS for d in api)
    assert not any(d["kind"] == "CustomResourceDefinition" for name in later for d in by_file[name])


def test_dist_snapshot(snapshot):
    assert {name: content.decode() for name, content in files(DIST).items()} == snapshot
