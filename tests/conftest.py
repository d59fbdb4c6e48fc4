import os
from pathlib import Path

os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
os.environ.setdefault("JSII_RUNTIME_PACKAGE_CACHE_ROOT", str(Path(__file__).parents[1] / ".cache" / "jsii"))


def pytest_sessionfinish(session, exitstatus):
    """cdk8s.Testing.app() leaves an empty cdk8s.outdir.* directory per call in TMPDIR."""
    import shutil
    import tempfile

    for leftover in Path(tempfile.gettempdir()).glob("cdk8s.outdir.*"):
        shutil.rmtree(leftover, ignore_errors=True)
