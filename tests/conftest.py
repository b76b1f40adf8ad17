"""사이트 테스트의 공용 준비물: README의 빌드 명령과 같은 방법으로 사이트를 한 번 빌드한다."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def build_site(site_dir):
    """mkdocs build --strict (README와 같은 명령) 으로 site_dir에 빌드한다."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"mkdocs build --strict 실패:\n{result.stderr[-4000:]}"
    return result


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """빌드된 사이트 폴더."""
    site_dir = tmp_path_factory.mktemp("site")
    build_site(site_dir)
    return site_dir


@pytest.fixture(scope="session")
def pages(site):
    """{페이지 경로: HTML} (404 페이지 제외)."""
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("index.html"))}
