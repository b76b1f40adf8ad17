"""사이트 테스트의 공용 준비물: README의 빌드 명령과 같은 방법으로 사이트를 한 번 빌드한다."""

import fcntl
import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import pageweight

ROOT = Path(__file__).resolve().parent.parent
PRINT_PAGE = "print_page"  # mkdocs-print-site-plugin의 기본 주소


def pytest_collection_modifyitems(items):
    """오래 걸리는 테스트(@pytest.mark.slow(초))를 긴 것부터 맨 앞에 둔다(나머지는 그대로).

    pytest-xdist(--maxschedchunk 1)는 작업자마다 앞에서부터 두 개씩 먼저 주고, 그 뒤로는 하나 끝날 때마다 하나씩
    준다. 그래서 긴 테스트가 작업자 사이에 나뉜다. 파일 순서대로 두면 긴 브라우저·빌드 테스트가 한 작업자에 몰려,
    다른 작업자가 먼저 끝나고 논다.
    """

    def seconds(item):
        mark = item.get_closest_marker("slow")
        return mark.args[0] if mark else 0

    items.sort(key=seconds, reverse=True)


def build_command(site_dir, engine="mkdocs"):
    """README의 빌드 명령(mkdocs build --strict)을 site_dir에 빌드하는 명령으로. engine="properdocs"도 된다."""
    config = ["-f", "mkdocs.yml"] if engine == "properdocs" else []  # ProperDocs는 properdocs.yml을 먼저 찾는다
    return [sys.executable, "-m", engine, "build", "--strict", *config, "--site-dir", str(site_dir)]


def build_env(**extra):
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000", **extra)


def build_site(site_dir, engine="mkdocs", **env):
    """README와 같은 명령으로 site_dir에 빌드한다. env: 더할 환경 변수(예: NN_CACHE_DIR)."""
    result = subprocess.run(
        build_command(site_dir, engine), cwd=ROOT, env=build_env(**env), capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{engine} build --strict 실패:\n{result.stderr[-4000:]}"
    return result


def site_files(path):
    """폴더 안의 모든 파일(상대 경로, 정렬)."""
    return sorted(p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file())


def assert_same_site(a, b):
    """두 사이트가 같은 파일을 바이트까지 같게 가졌다."""
    files = site_files(a)
    assert files == site_files(b)
    _, mismatch, errors = filecmp.cmpfiles(a, b, files, shallow=False)
    assert mismatch == []
    assert errors == []


@pytest.fixture(scope="session")
def site(tmp_path_factory, request):
    """빌드된 사이트 폴더. 병렬 실행(pytest -n)에서는 처음 온 작업자가 빌드하고 나머지는 그 폴더를 읽는다."""
    if not hasattr(request.config, "workerinput"):  # pytest-xdist 작업자가 아니다
        site_dir = tmp_path_factory.mktemp("site")
        build_site(site_dir)
        return site_dir
    shared = tmp_path_factory.getbasetemp().parent  # 모든 작업자가 같이 쓰는 폴더
    site_dir = shared / "site"
    with open(shared / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (site_dir / "index.html").exists():
            build_site(site_dir)
    return site_dir


@pytest.fixture(scope="session")
def pages(site):
    """{페이지 경로: HTML}: 책의 페이지들(404 페이지와, 모든 페이지를 모은 인쇄용 페이지 print_page/는 빼고).

    인쇄용 페이지는 tests/test_print.py가 따로 검사한다."""
    return {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(site.rglob("index.html"))
        if p.parent.name != PRINT_PAGE
    }


INSTALL_HINT = "브라우저 테스트를 하려면: apt-get install chromium fonts-nanum 와 pip install -e '.[test]'"


@pytest.fixture(scope="session")
def browser():
    path = pageweight.chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        path = None
    if not path:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1인데 Chromium 또는 Playwright가 없습니다. {INSTALL_HINT}")
        pytest.skip(f"Chromium 또는 Playwright가 없습니다. {INSTALL_HINT}")
    with sync_playwright() as p:
        b = pageweight.launch_chromium(p)
        yield b
        b.close()


@pytest.fixture(scope="session")
def base_url(site):
    with pageweight.serve(site) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    pg = context.new_page()
    yield pg
    context.close()
