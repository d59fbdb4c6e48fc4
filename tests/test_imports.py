"""imports/ is exactly what `cdk8s import` generates from the CRDs, and the bindings work."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import cdk8s
import pytest
import yaml

ROOT = Path(__file__).parents[1]
IMPORTS = ROOT / "imports"
SEED = Path(__file__).parents[2] / "shared" / "fixtures" / "seed-exp-1234.yaml"


def tree(directory: Path) -> dict[str, bytes]:
    return {str(path.relative_to(directory)): path.read_bytes()
            for path in sorted(directory.rglob("*")) if path.is_file() and "__pycache__" not in path.parts}


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """`cdk8s import` run as `./dev import` runs it, in a copy of cdk8s.yaml and its import sources."""
    context = tmp_path_factory.mktemp("import")
    shutil.copy(ROOT / "cdk8s.yaml", context)
    sources = yaml.safe_load((ROOT / "cdk8s.yaml").read_text())["imports"]
    assert sources, "cdk8s.yaml lists no import source"
    for source in sources:
        (context / source).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / source, context / source)
    env = {**os.environ,
           "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20",
           "JSII_RUNTIME_PACKAGE_CACHE_ROOT": str(ROOT / ".cache" / "jsii"),
           "TMPDIR": str(ROOT / ".cache" / "tmp"),
           "npm_config_cache": str(ROOT / ".cache" / "npm"),
           "npm_config_update_notifier": "false"}
    subprocess.run([str(ROOT / "node_modules" / ".bin" / "cdk8s"), "import", "--no-check-upgrade",
                    "--language", "python", "-o", str(context / "imports")],
                   cwd=context, env=env, check=True, capture_output=True, timeout=300)
    return context / "imports"


def test_imports_match_a_fresh_cdk8s_import(generated):
    """Byte for byte, the jsii assembly (.tgz) included: `cdk8s import` is deterministic."""
    fresh, committed = tree(generated), tree(IMPORTS)
    assert sorted(committed) == sorted(fresh), "imports/ holds other files: run ./dev import"
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert stale == [], f"imports/ is stale ({stale}): run ./dev synth && ./dev import"


def test_bindings_build_the_seed_experiment():
    from imports.com.example import ai

    chart = cdk8s.Testing.chart()
    ai.Experiment(chart, "exp", metadata=cdk8s.ApiObjectMetadata(name="exp-1234"), spec=ai.ExperimentSpec(
        algorithm="neural-network", parameters=["learning_rate=0.01", "layers=3"],
        metrics={"accuracy": 0.98, "loss": 0.05}))
    assert cdk8s.Testing.synth(chart) == [yaml.safe_load(SEED.read_text())]
