"""프로젝트 자체: README의 두 명령, CI, GitHub Actions 워크플로, 재현 가능한 빌드."""

import re
import subprocess
import sys
from pathlib import Path

import yaml
from mkdocs.config import load_config

from tests.conftest import ROOT


def readme_commands():
    """README의 bash 코드 블록들(빌드 명령, 테스트 명령 순서)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", text, re.DOTALL)]


def test_readme_has_exactly_two_commands():
    build, test = readme_commands()
    assert "mkdocs build --strict" in build
    assert "pytest" in test


def test_ci_runs_the_readme_test_command_and_requires_the_browser():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    _, test = readme_commands()
    assert test in ci
    assert "REQUIRE_BROWSER=1" in ci
    assert "apt-get install" in ci
    assert "chromium" in ci


def _workflow(name):
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    assert isinstance(data["jobs"], dict)
    assert data.get(True) or data.get("on")  # PyYAML은 'on' 키를 True로 읽는다
    return data


def test_pages_workflow_builds_with_the_readme_command():
    data = _workflow("pages.yml")
    build, _ = readme_commands()
    runs = [step.get("run", "") for step in data["jobs"]["build"]["steps"]]
    assert build in runs
    uses = [step.get("uses", "") for job in data["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert data["permissions"]["pages"] == "write"


def test_test_workflow_covers_oldest_and_newest():
    data = _workflow("test.yml")
    include = data["jobs"]["test"]["strategy"]["matrix"]["include"]
    pythons = [entry["python"] for entry in include]
    assert "3.10" in pythons
    assert any(entry["numpy"] == "numpy==1.26.4" for entry in include)
    runs = " ".join(step.get("run", "") for step in data["jobs"]["test"]["steps"])
    assert 'pip install -e ".[docs,test]"' in runs
    assert "python -m pytest" in runs


def test_site_config_for_publishing():
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert config["site_url"].startswith("https://")
    assert config["repo_url"].startswith("https://github.com/")
    assert config["edit_uri"]
    assert config["theme"]["language"] == "ko"
    assert config["theme"]["font"] is False


def test_figures_are_not_committed():
    assert not list((ROOT / "docs").rglob("*.svg"))
    assert not list((ROOT / "docs").rglob("*.webp"))
    assert not (ROOT / "docs" / "figures").exists()
    assert not list(Path(ROOT / "docs").rglob("*.png"))


def test_ruff_is_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]


def test_error_messages_have_no_value_dependent_particles():
    """읽는 사람이 보는 오류 메시지에 '을(를)'처럼 값에 따라 달라지는 조사를 쓰지 않는다(값은 괄호 안에)."""
    pattern = re.compile(r"을\(를\)|이\(가\)|은\(는\)|과\(와\)|\(으\)로")
    for path in sorted((ROOT / "reference_nn").glob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            assert not pattern.search(line), f"{path.name}:{number}: {line.strip()}"
