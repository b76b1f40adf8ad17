"""빌드 캐시의 견고함: 동시 빌드, 도중에 죽은 빌드, 간접 import까지 보는 캐시 열쇠, 깨끗한 로그, 두 엔진.

여기의 빌드는 모두 저장소의 .cache가 아닌 빈 캐시 폴더(NN_CACHE_DIR)에서 한다. 예제 계산(.cache/examples)은
30초 넘게 걸리므로 세션 빌드가 만든 것을 복사해 넣고, 그 캐시의 동시 쓰기는 따로(test_examples_cache_...) 검사한다.
"""

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from scripts import cachekey
from tests.conftest import ROOT, assert_same_site, build_command, build_env, build_site, site_files


def _cache_with(tmp_path, site, *parts):
    """parts(예: "examples")만 채운 빈 캐시. 세션 빌드가 이미 계산해 둔 것을 복사한다."""
    del site  # 세션 빌드가 끝나 저장소의 캐시가 채워진 뒤에만 쓴다
    cache = tmp_path / "cache"
    for part in parts:
        shutil.copytree(cachekey.CACHE / part, cache / part)
    return cache


def _foreign_lines(log):
    """빌드 로그에서 MkDocs의 INFO 줄과 ProperDocs의 설정 파일 이름 안내를 뺀 나머지."""
    return [line for line in log.splitlines() if line.strip() and not line.startswith("INFO")]


def _kill_while_drawing(cache, env, site_dir):
    """빌드를 시작해 그림을 그리는 도중에(임시 이름이 보이고 0.3초 뒤) 빌드와 그리는 프로세스를 다 SIGKILL로 죽인다."""
    proc = subprocess.Popen(
        build_command(site_dir), cwd=ROOT, env=env, stderr=subprocess.DEVNULL, start_new_session=True
    )
    figures = cache / "figures"
    deadline = time.monotonic() + 120
    while not (figures.is_dir() and any(p.name.startswith(cachekey.TMP_PREFIX) for p in figures.iterdir())):
        assert proc.poll() is None, "그림을 그리기 전에 빌드가 끝났습니다"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    time.sleep(0.3)  # 그림 한두 장을 쓰는 중
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return {p.name for p in figures.iterdir() if p.name.startswith(cachekey.TMP_PREFIX)}


@pytest.mark.slow(30)
def test_killed_build_then_builds_at_once_give_identical_sites(site, tmp_path):
    """그림을 그리는 도중에 SIGKILL로 죽인 빌드는 임시 이름만 남긴다. 그 캐시에서 빌드 둘을 0.4초 차이로 시작하면
    (serve와 테스트를 같이 돌릴 때처럼) 둘 다 성공하고, 두 사이트가 세션 빌드와 바이트까지 같다. 빌드가 결정적이라는
    것(같은 소스, 같은 바이트: 그림을 새로 그려도)도 이 테스트가 본다.

    그림 캐시가 고정된 임시 이름을 쓰던 때는 두 번째 빌드가 FileNotFoundError로 죽었다. 죽인 빌드는 그림을 거의
    그리지 못했으므로 두 빌드는 빈 그림 캐시에서 시작하는 것과 같다. 나중 빌드는 먼저 빌드가 그림을 다 그릴 때까지
    기다렸다가 그 그림을 쓰고(cachekey.exclusive, 아래 test_a_build_waits_...), 죽은 빌드의 잠금에 막히지 않는다.
    새로 그린 그림이 세션 빌드의 그림과 같은지(다른 프로세스가 그려도 같은 그림)도 여기서 본다. 노트북 실행은 30초
    가까이 걸리므로 채워 두고, 노트북 캐시의 동시 쓰기와 실행 로그는 아래 test_notebook_cache_...가 본다.
    """
    cache = _cache_with(tmp_path, site, "examples", "notebooks")
    env = build_env(NN_CACHE_DIR=str(cache))
    leftovers = _kill_while_drawing(cache, env, tmp_path / "killed")
    assert leftovers
    finished = [p for p in (cache / "figures").iterdir() if not p.name.startswith(cachekey.TMP_PREFIX)]
    for entry in finished:  # 끝난 이름으로 있는 것은 모두 완전한 결과여야 한다
        sizes = json.loads((entry / "text-sizes.json").read_text(encoding="utf-8"))
        for webp in sizes:
            assert (entry / webp).read_bytes() == (site / "figures" / webp).read_bytes(), entry.name
    procs = []
    for name in ("a", "b"):
        procs.append(
            subprocess.Popen(
                build_command(tmp_path / name),
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
        time.sleep(0.4)
    logs = [p.communicate(timeout=600) for p in procs]
    for p, (_, err) in zip(procs, logs, strict=True):
        assert p.returncode == 0, err[-3000:]
        assert _foreign_lines(err) == []
    for name in ("a", "b"):
        assert_same_site(site, tmp_path / name)
    now = {p.name for p in cache.rglob("*") if p.name.startswith(cachekey.TMP_PREFIX)}
    assert now == leftovers  # 죽은 빌드의 임시 이름 말고는 남기지 않았다(그것은 하루 뒤에 지운다)


def _locked(folder):
    """다른 프로세스가 folder를 잠그고(cachekey.exclusive) 있는가."""
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def test_a_build_waits_for_another_that_holds_the_cache_and_a_killed_one_lets_go(tmp_path):
    """cachekey.exclusive(그림 캐시): 다른 프로세스가 캐시 폴더를 잠그고 있는 동안에는 잠글 수 없고(기다렸다가 그
    결과를 쓴다), 잠근 프로세스가 SIGKILL로 죽으면 운영체제가 잠금을 푼다(죽은 빌드가 다음 빌드를 막지 않는다)."""
    code = "import sys\nfrom scripts import cachekey\nwith cachekey.exclusive(sys.argv[1]):\n"
    code += "    print('잠금', flush=True)\n    sys.stdin.read()\n"
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        text=True,
    )
    assert holder.stdout.readline().strip() == "잠금"
    assert _locked(tmp_path)
    holder.kill()
    holder.communicate()
    assert not _locked(tmp_path)


def test_drawing_process_keeps_the_lock_after_its_build_is_killed(tmp_path):
    """빌드만 SIGKILL로 죽고 그림을 그리는 프로세스(figures._draw)가 남으면, 그 프로세스가 끝날 때까지 그림 캐시는
    잠겨 있다: 다음 빌드가 같은 그림을 동시에 그리지 않는다(동시에 그리면 숫자 페이지의 학습 시간이 늘어난다)."""
    waiting = dict(PROBE)
    waiting["probe_a.py"] = """
        import pathlib, time

        def label():  # 그리기 시작했다고 알리고, go 파일이 생길 때까지 기다린다
            pathlib.Path("drawing").touch()
            while not pathlib.Path("go").exists():
                time.sleep(0.05)
            return "첫째"
    """
    copy, _ = _probe_repo(tmp_path, waiting)
    build = subprocess.Popen(
        [sys.executable, "-c", RENDER_PROBE], cwd=copy, env=dict(os.environ, PYTHONPATH=str(copy)), text=True
    )
    deadline = time.monotonic() + 60
    while not (copy / "drawing").exists():
        assert build.poll() is None, "그리기 전에 끝났습니다"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    build.kill()
    build.wait()
    try:
        assert _locked(copy / "cache")  # 빌드는 죽었지만 그리는 프로세스가 잠금을 쥐고 있다
    finally:
        (copy / "go").touch()  # 남은 프로세스를 끝낸다
    while _locked(copy / "cache"):
        assert time.monotonic() < deadline, "그리는 프로세스가 끝나도 잠겨 있습니다"
        time.sleep(0.05)
    assert [p.name.split("-")[0] for p in (copy / "cache").iterdir()] == ["fig_probe"]  # 끝까지 그려 옮겼다


@pytest.mark.slow(5)
def test_notebook_cache_is_safe_when_written_at_once_and_logs_are_clean(tmp_path):
    """같은 노트북을 두 프로세스가 동시에 실행해 같은 캐시에 넣어도 둘 다 같은 결과를 받고, 남의 경고를 찍지 않는다.

    커널을 TCP로 띄우던 때는 실행마다 '[IPKernelApp] WARNING | Kernel is running over TCP without encryption'이 나왔다.
    """
    code = textwrap.dedent(
        """
        import sys
        from scripts import notebooks
        print(notebooks.execute_cached(sys.argv[1], sys.argv[2]))
        """
    )
    notebook = ROOT / "docs" / "notebooks" / "activations.ipynb"
    args = [sys.executable, "-c", code, str(notebook), str(tmp_path / "notebooks")]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [
        subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err[-2000:] for _, err in results]
    assert [err for _, err in results] == ["", ""]
    outs = [out.strip() for out, _ in results]
    assert outs[0] == outs[1]
    assert json.loads(Path(outs[0]).read_text(encoding="utf-8"))["cells"]


def _notebook(path, *cells):
    import nbformat

    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells]), path)
    return path


@pytest.mark.slow(11)
def test_notebooks_run_beside_the_build_with_one_blas_thread_and_their_errors_stop_it(tmp_path):
    """notebooks.executing: 빌드가 그림을 그리는 동안 캐시에 없는 노트북을 다른 프로세스에서 실행한다.

    1. 끝난 노트북은 캐시에 들어가 execute_cached가 다시 실행하지 않고 꺼낸다. 커널의 BLAS 스레드는 하나다
       (cachekey.ONE_THREAD: 결과의 마지막 비트가 머신의 코어 수에 따라 달라지지 않게). 한 셀의 잇단 출력은
       하나로 합친다(커널이 보낸 조각의 수에 따라 바이트가 달라지지 않게). 사이에 다른 출력이 있으면 순서를 지킨다.
    2. 실패한 노트북은 빌드를 멈춘다(셀의 오류가 RuntimeError에 보인다).
    3. 블록 안에서 빌드가 실패하면 실행하던 프로세스를 죽인다(빌드가 끝난 뒤에도 혼자 돌지 않는다).
    4. 빌드가 SIGKILL로 죽으면 실행 프로세스도 스스로 끝난다: 실행 중에 테스트가 죽여도, 실행 프로세스가 아직
       모듈을 불러오는 동안 빌드가 스스로 죽어도.
    """
    from scripts import notebooks

    threads = "import sys, time\nimport numpy\nfrom threadpoolctl import threadpool_info\n" + (
        "print(sorted({i['num_threads'] for i in threadpool_info() if i['user_api'] == 'blas'}))\n"
        "sys.stdout.flush()\ntime.sleep(0.3)\nprint('다음 줄')\n"  # 커널이 출력을 두 조각으로 보낸다
        "from IPython.display import display\ndisplay('표시')\nprint('끝')"
    )
    good = _notebook(tmp_path / "good.ipynb", threads)
    bad = _notebook(tmp_path / "bad.ipynb", "1 / 0")
    cache = tmp_path / "cache"
    with pytest.raises(RuntimeError, match=r"(?s)노트북을 실행하지 못했습니다.*ZeroDivisionError"):
        with notebooks.executing([good, bad], cache):
            pass
    done = [p.name for p in cache.iterdir()]
    assert [name.split("-")[0] for name in done] == ["good"]  # 실패한 것은 넣지 않았다
    executed = notebooks.execute_cached(good, cache)
    assert executed.parent.name == done[0]
    outputs = json.loads(executed.read_text(encoding="utf-8"))["cells"][0]["outputs"]
    # 한 셀의 잇단 출력은 한 출력으로 합친다: 몇 조각으로 왔는지(머신이 바쁜 정도)가 노트북의 바이트에 남지 않게.
    # 사이에 다른 출력이 있으면 합치지 않고 순서를 지킨다
    shapes = [(o["output_type"], "".join(o.get("text", ""))) for o in outputs]
    assert shapes == [("stream", "[1]\n다음 줄\n"), ("display_data", ""), ("stream", "끝\n")]

    slow = _notebook(tmp_path / "slow.ipynb", "import time\ntime.sleep(60)")
    t0 = time.monotonic()
    with pytest.raises(KeyError):
        with notebooks.executing([slow], cache):
            raise KeyError("그림을 그리다 실패한 빌드")
    elapsed = time.monotonic() - t0
    assert elapsed < 20, f"빌드가 실패한 뒤 실행 프로세스를 멈추는 데 {elapsed:.1f} s"
    assert _running_with(cache) == []
    assert not any(p.name.startswith("slow-") for p in cache.iterdir())

    # 빌드가 SIGKILL로 죽으면(예외도 finally도 없이) 실행 프로세스가 부모가 바뀐 것을 보고 스스로 끝난다:
    # 실행 프로세스가 돌기 시작한 뒤(1초 뒤)에 죽어도, 실행 프로세스가 아직 모듈을 불러오는 동안 곧바로 죽어도
    build = "import os, signal, sys, time\nfrom scripts import notebooks\n"
    build += "with notebooks.executing([sys.argv[1]], sys.argv[2]):\n    print('running', flush=True)\n"
    for wait, kill in (("time.sleep(60)", "테스트"), ("os.kill(os.getpid(), signal.SIGKILL)", "빌드 스스로")):
        proc = subprocess.Popen(
            [sys.executable, "-c", f"{build}    {wait}\n", str(slow), str(cache)],
            cwd=ROOT,
            env=cachekey.child_env(),
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout.readline().strip() == "running"
        if kill == "테스트":
            time.sleep(1)
            assert _running_with(cache) != [], "빌드가 돌고 있는데 실행 프로세스가 없다"
            proc.kill()
        proc.wait()
        proc.stdout.close()
        start = time.monotonic()
        while _running_with(cache) and time.monotonic() - start < 15:
            time.sleep(0.2)
        waited = time.monotonic() - start
        assert _running_with(cache) == [], f"빌드가 죽고 {waited:.1f} s 뒤에도 실행 프로세스가 돈다(죽인 쪽: {kill})"


def _running_with(text):
    """명령 줄에 text(예: 캐시 폴더)가 든 프로세스의 번호들."""
    found = []
    for proc in Path("/proc").iterdir():
        with contextlib.suppress(OSError):
            if proc.name.isdigit() and str(text).encode() in (proc / "cmdline").read_bytes():
                found.append(proc.name)
    return found


def test_notebook_edited_while_running_is_not_cached(tmp_path):
    """실행하는 동안 노트북 파일이 바뀌면(편집기에서 저장) 그 출력을 캐시에 넣지 않고 빌드가 멈춘다."""
    from scripts import notebooks

    cell = "with open('edit.ipynb', 'a', encoding='utf-8') as f:\n    f.write(' ')  # JSON 뒤의 공백"
    notebook = _notebook(tmp_path / "edit.ipynb", cell)
    with pytest.raises(RuntimeError, match="실행하는 동안"):
        notebooks.execute_cached(notebook, tmp_path / "cache")
    assert list((tmp_path / "cache").glob("*")) == []


def test_examples_cache_is_never_read_half_written(tmp_path):
    """예제 계산의 캐시 파일은 임시 이름에 쓴 뒤 옮긴다: 여러 프로세스가 같은 값을 동시에 써도 모두 읽을 수 있다."""
    code = textwrap.dedent(
        """
        from scripts import examples
        print(examples.worked_step()["loss"])
        """
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), NN_CACHE_DIR=str(tmp_path))
    procs = [
        subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    outs = {p.communicate(timeout=120)[0] for p in procs}
    assert [p.returncode for p in procs] == [0] * 4
    assert len(outs) == 1
    assert [p.name for p in (tmp_path / "examples").iterdir() if p.name.startswith(cachekey.TMP_PREFIX)] == []


def test_examples_compute_with_one_blas_thread(tmp_path):
    """예제 계산(examples.cache)은 BLAS 스레드 하나로 한다: 여러 스레드는 행렬 곱을 나누어 더해 결과의 마지막 비트가
    코어 수에 따라 달라진다(숫자 페이지의 학습이 그랬다). 밖에서는 NumPy의 기본(코어 수)을 그대로 둔다."""
    (tmp_path / "blas_probe.py").write_text(
        textwrap.dedent(
            """
            import numpy
            from threadpoolctl import threadpool_info

            from scripts.examples import cache


            def threads():
                return sorted({i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"})


            cached = cache(threads)
            """
        ),
        encoding="utf-8",
    )
    code = "import blas_probe; print(blas_probe.cached(), blas_probe.threads())"
    env = {k: v for k, v in os.environ.items() if k not in cachekey.ONE_THREAD}
    env.update(PYTHONPATH=os.pathsep.join([str(ROOT), str(tmp_path)]), NN_CACHE_DIR=str(tmp_path / "cache"))
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    inside, outside = out.stdout.split("] ")
    assert inside + "]" == "[1]"
    if (os.cpu_count() or 1) > 1:
        assert outside.strip() != "[1]"  # 이 머신에서는 제한이 없으면 스레드가 여럿이다(검사가 뜻이 있다)


PROBE = {
    "fig_probe.py": """
        import matplotlib.pyplot as plt
        from scripts import probe_a

        def draw():
            fig, ax = plt.subplots(figsize=(2, 1))
            ax.set_title(probe_a.label())
            return fig

        FIGURES = {"probe": draw}
    """,
    "probe_a.py": """
        def label():
            from scripts.probe_b import LABEL  # 함수 안의 import도 열쇠에 들어가야 한다
            return LABEL
    """,
    "probe_b.py": 'LABEL = "첫째"\n',
}


RENDER_PROBE = "from scripts import figures; print(figures.render_module('scripts.fig_probe', 'cache')['probe.webp'])"


def _probe_repo(tmp_path, probe):
    """scripts와 reference_nn을 복사하고 probe의 모듈을 더한 저장소, 그리고 그 안에서 파이썬 코드를 새 프로세스로
    실행하는 함수(기본은 fig_probe를 그리고 그림의 경로를 찍는 RENDER_PROBE)."""
    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "scripts", copy / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "reference_nn", copy / "reference_nn", ignore=shutil.ignore_patterns("__pycache__"))
    for name, source in probe.items():
        (copy / "scripts" / name).write_text(textwrap.dedent(source), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(copy))

    def run(code=RENDER_PROBE):
        return subprocess.run([sys.executable, "-c", code], cwd=copy, env=env, capture_output=True, text=True)

    return copy, run


def test_the_build_process_does_not_import_matplotlib(site):
    """빌드 프로세스가 하는 일(훅의 모듈, 캐시 열쇠의 글꼴, 모든 페이지의 {{ 식 }})은 matplotlib을 불러오지 않는다:
    불러오면 빌드마다 약 0.7 s가 든다. 그림은 캐시에 없을 때만 다른 프로세스(scripts.figures)에서 그린다.
    site: 세션 빌드가 예제 계산을 캐시에 채운 뒤에 돈다."""
    code = textwrap.dedent(
        """
        import sys
        from pathlib import Path

        from scripts import hooks

        cachekey, figures, notebooks, pagecache, pagevars = hooks._fresh_imports()
        cachekey.digest(Path("scripts/fig_neuron.py"))
        hooks._state.update(namespace=pagevars.namespace(), values={})  # on_pre_build처럼
        for page in sorted(Path("docs").glob("*.md")):
            for expr in hooks._EXPR.findall(page.read_text(encoding="utf-8")):
                hooks._value(expr)
        print(sorted(name for name in sys.modules if name.split(".")[0] == "matplotlib")[:3])
        """
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "[]"


@pytest.mark.slow(8)
def test_figure_key_follows_indirect_imports(tmp_path):
    """그림 모듈이 간접으로만 불러오는 모듈(fig_probe -> probe_a -> probe_b)을 바꾸면 그림을 다시 그린다."""
    copy, run = _probe_repo(tmp_path, PROBE)

    def drawn():
        out = run()
        assert out.returncode == 0, out.stderr[-2000:]
        path = copy / out.stdout.strip()
        return path, path.read_bytes()

    first_path, first = drawn()
    (copy / "scripts" / "probe_b.py").write_text('LABEL = "둘째"\n', encoding="utf-8")
    second_path, second = drawn()
    assert second_path != first_path
    assert second != first


def test_code_edited_while_drawing_is_not_cached(tmp_path):
    """그리는 동안 그림을 정하는 파일이 바뀌면(편집기에서 저장) 그 그림을 어느 열쇠로도 캐시에 넣지 않고 빌드가 멈춘다.

    넣는다면 옛 열쇠에 새 코드의 그림이 들어가, 편집을 되돌렸을 때 틀린 그림이 나온다."""
    edit_while_drawing = dict(PROBE)
    edit_while_drawing["probe_a.py"] = """
        from pathlib import Path

        def label():  # 그리는 도중에 이 파일(그림 모듈이 불러오는 모듈)에 한 줄을 더한다
            with open(Path(__file__), "a", encoding="utf-8") as f:
                f.write("# 편집\\n")
            return "첫째"
    """
    copy, run = _probe_repo(tmp_path, edit_while_drawing)
    out = run()
    assert out.returncode != 0
    assert "그리는 동안 그림 코드가 바뀌었습니다" in out.stderr
    assert [p.name for p in (copy / "cache").iterdir()] == []


@pytest.mark.slow(8)
def test_long_running_process_draws_with_the_code_on_disk(tmp_path):
    """오래 도는 프로세스(pytest, serve)가 그림 모듈을 불러 둔 뒤 파일이 바뀌면, 그 프로세스가 부탁한 그림도 새 코드로
    그린다. 불러 둔 옛 모듈로 그리면 새 열쇠 아래에 옛 그림이 캐시된다(이 저장소에서 실제로 일어났던 일)."""
    copy, run = _probe_repo(tmp_path, PROBE)
    code = textwrap.dedent(
        """
        import pathlib
        from scripts import fig_probe, probe_b  # 바뀌기 전의 모듈을 불러 둔다
        pathlib.Path("scripts/probe_b.py").write_text('LABEL = "둘째"\\n', encoding="utf-8")
        """
    )
    out = run(code + RENDER_PROBE)
    assert out.returncode == 0, out.stderr[-2000:]
    drawn = Path(out.stdout.strip()).read_bytes()
    shutil.rmtree(copy / "cache")
    fresh = run()  # 새 프로세스가 바뀐 코드로 그린 그림
    assert fresh.returncode == 0, fresh.stderr[-2000:]
    assert drawn == Path(fresh.stdout.strip()).read_bytes()


def test_imported_scripts_reads_every_import_form(tmp_path):
    pkg = tmp_path / "scripts"
    pkg.mkdir()
    (pkg / "a.py").write_text("import scripts.b\nfrom scripts import c\n", encoding="utf-8")
    (pkg / "b.py").write_text("def f():\n    from scripts.d import x\n", encoding="utf-8")
    (pkg / "c.py").write_text("import numpy\n", encoding="utf-8")
    (pkg / "d.py").write_text("x = 1\n", encoding="utf-8")
    (pkg / "e.py").write_text("", encoding="utf-8")
    found = cachekey.imported_scripts(pkg / "a.py", root=tmp_path)
    assert [p.name for p in found] == ["a.py", "b.py", "c.py", "d.py"]


@pytest.mark.slow(7)
@pytest.mark.parametrize("engine", ["properdocs"])
def test_properdocs_builds_the_same_site(site, tmp_path, engine):
    """ProperDocs(MkDocs 1.6의 관리되는 갈래)가 같은 mkdocs.yml로 만든 사이트는 생성기 표시 말고는 같다."""
    other = tmp_path / engine
    result = build_site(other, engine=engine)
    assert _foreign_lines(result.stderr) == []
    files = site_files(site)
    assert files == site_files(other)
    generator = 'name="generator" content="'
    for name in files:
        ours, theirs = (site / name).read_bytes(), (other / name).read_bytes()
        if ours != theirs:
            strip = [_without_generator(b.decode("utf-8"), generator) for b in (ours, theirs)]
            assert strip[0] == strip[1], name
    assert generator + "mkdocs-ProperDocs" in (other / "index.html").read_text(encoding="utf-8")


def _without_generator(text, marker):
    start = text.index(marker) + len(marker)
    return text[:start] + text[text.index('"', start) :]


PAGE_HOOK = """
from scripts import pagecache

def on_pre_build(config):
    index = config.plugins["material/search"].search_index
    add = index.add_entry_from_context

    def counted(page):
        print("색인", page.file.src_uri)
        add(page)

    index.add_entry_from_context = counted
    pagecache.cache_search_entries(index, "search-cache")

def on_pre_page(page, config, files):
    convert = page.render

    def counted(config, files):
        print("변환", page.file.src_uri)
        convert(config, files)

    page.render = pagecache.cached_render(page, counted, "cache")
"""


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_page_cache_follows_snippet_files_and_never_keeps_a_warning(tmp_path, engine):
    """페이지 변환과 검색 색인 항목의 캐시(scripts/pagecache.py): 두 번째 빌드는 바뀌지 않은 페이지를 변환하지도,
    색인하지도 않는다. snippets로 넣은 파일(--8<--)을 고치면 그 페이지를 다시 변환하고 색인해 새 내용을 보인다.
    변환하며 경고(없는 링크)를 낸 페이지는 캐시하지 않아 다음 빌드도 같은 경고를 낸다(strict 빌드는 언제나 멈춘다).
    ProperDocs의 로거는 위로 전하지 않으므로 그 로거도 들어야 한다(듣지 않던 때는 둘째 빌드에서 경고가 사라졌다)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text('# 코드\n\n--8<-- "code.txt"\n', encoding="utf-8")
    (tmp_path / "docs" / "other.md").write_text("# 다른 쪽\n\n[없는 곳](missing.md)\n", encoding="utf-8")
    (tmp_path / "code.txt").write_text("첫째\n", encoding="utf-8")
    (tmp_path / "hook.py").write_text(PAGE_HOOK, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\ntheme: material\nhooks: [hook.py]\nmarkdown_extensions:\n"
        "  - pymdownx.snippets:\n      base_path: ['.']\n      check_paths: true\n",
        encoding="utf-8",
    )
    env = build_env(PYTHONPATH=str(ROOT))

    def build():
        command = [sys.executable, "-m", engine, "build", "-f", "mkdocs.yml", "-d", "out"]
        out = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
        assert out.returncode == 0, out.stderr[-2000:]
        done = {
            word: sorted(line.split()[1] for line in out.stdout.splitlines() if line.startswith(word))
            for word in ("변환", "색인")
        }
        warned = "contains a link 'missing.md'" in out.stderr
        html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
        index = json.loads((tmp_path / "out" / "search" / "search_index.json").read_text(encoding="utf-8"))
        index = " ".join(doc["text"] for doc in index["docs"])
        return done["변환"], done["색인"], warned, [w for w in ("첫째", "둘째") if w in html and w in index]

    both = ["index.md", "other.md"]
    assert build() == (both, both, True, ["첫째"])
    assert build() == (["other.md"], [], True, ["첫째"])
    (tmp_path / "code.txt").write_text("둘째\n", encoding="utf-8")
    assert build() == (both, ["index.md"], True, ["둘째"])
