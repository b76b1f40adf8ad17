"""노트북을 실행하고, 실행 결과를 노트북과 reference_nn의 해시로 캐시한다.

mkdocs-jupyter의 캐시는 노트북 파일만 보므로 reference_nn이 바뀌어도 옛 출력을 보여 준다.
여기서는 패키지 소스까지 해시에 넣어, 바뀐 것이 없을 때만 실행을 건너뛴다.
"""

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from scripts import cachekey


def cache_key(notebook, fresh=False):
    """노트북, 노트북이 불러오는 scripts 모듈, reference_nn 전체, 글꼴, 라이브러리 버전, 커널의 스레드 설정의 해시.
    fresh이면 파일을 다시 읽는다."""
    # 이 파일(실행과 출력 정리)도 열쇠에: 출력을 다르게 정리하면 캐시된 노트북도 다시 실행한다
    digest = cachekey.fresh_digest if fresh else cachekey.digest
    return digest(notebook, Path(__file__), extra=repr(cachekey.ONE_THREAD))


def check_outputs(nb, name):
    """실행 출력에 경고(표준 오류)가 있으면 빌드를 멈춘다. 예: 그래프의 글꼴에 없는 글자('Glyph ... missing').

    학습자가 받는 노트북에는 경고를 오류로 바꾸는 설정을 넣지 않고, 빌드가 여기서 대신 검사한다.

    >>> check_outputs({"cells": [{"cell_type": "code", "outputs": [{"output_type": "stream", "name": "stdout"}]}]}, "a")
    >>> bad = {"output_type": "stream", "name": "stderr", "text": "UserWarning: Glyph 44032 missing from font(s)"}
    >>> check_outputs({"cells": [{"cell_type": "code", "outputs": [bad]}]}, "a")
    Traceback (most recent call last):
    ...
    RuntimeError: a: 노트북 실행 중 경고가 나왔습니다: UserWarning: Glyph 44032 missing from font(s)
    """
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                raise RuntimeError(f"{name}: 노트북 실행 중 경고가 나왔습니다: {output.get('text', '').strip()[:300]}")


def _merge_adjacent_streams(nb):
    """한 셀에서 바로 잇달아 나온 같은 스트림(stdout끼리, stderr끼리)의 출력을 하나로 합친다. 커널이 print 출력을 몇
    조각으로 보내는지는 머신이 바쁜 정도에 따라 달라, 합치지 않으면 깨끗한 빌드마다 노트북의 바이트가 달랐다. 사이에
    그림 같은 다른 출력이 있으면 합치지 않는다(순서를 지킨다; nbclient의 coalesce_streams는 셀 전체에서 합쳐 그림 뒤의
    print를 그림 앞으로 옮긴다)."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        merged = []
        for output in cell.outputs:
            last = merged[-1] if merged else None
            if last and output.output_type == last.output_type == "stream" and output.name == last.name:
                last.text = "".join(last.text) + "".join(output.text)
            else:
                merged.append(output)
        cell.outputs = merged


def _result_dir(notebook, cache_dir, key):
    return Path(cache_dir) / f"{notebook.stem}-{key}"


def execute_cached(notebook, cache_dir):
    """실행된 노트북의 경로를 돌려준다(파일 이름은 원래와 같다). 셀에서 오류가 나면 예외가 난다.

    여러 빌드가 동시에 실행해도 안전하다: 고유한 임시 폴더에 쓴 뒤 한 번에 옮긴다(cachekey.publish).
    """
    notebook = Path(notebook)
    key = cache_key(notebook)
    out = _result_dir(notebook, cache_dir, key)
    if not cachekey.lookup(out):
        nb = nbformat.read(notebook, as_version=4)
        # record_timing=False: 실행 시각을 남기지 않아 같은 입력이면 같은 바이트가 나온다.
        # transport="ipc": 커널과 유닉스 소켓으로 이야기한다(TCP라면 커널이 암호화 없는 TCP라고 경고를 찍는다).
        client = NotebookClient(
            nb,
            timeout=300,
            kernel_name="python3",
            allow_errors=False,
            record_timing=False,
            resources={"metadata": {"path": str(notebook.parent)}},
        )
        sockets = tempfile.mkdtemp(prefix="nn-kernel-")  # 소켓 경로는 짧아야 한다(유닉스 소켓은 107바이트까지)
        try:
            client.km = client.kernel_manager_class(kernel_name="python3", transport="ipc", ip=f"{sockets}/k")
            client.execute(env=dict(os.environ, **cachekey.ONE_THREAD))  # 커널의 BLAS 스레드도 하나
        finally:
            shutil.rmtree(sockets, ignore_errors=True)
        _merge_adjacent_streams(nb)
        check_outputs(nb, notebook.name)
        if cache_key(notebook, fresh=True) != key:  # 커널은 파일을 새로 읽었다: 그사이에 바뀌었으면 넣지 않는다
            raise RuntimeError(f"{notebook.name}: 실행하는 동안 노트북이나 코드가 바뀌었습니다. 다시 빌드하세요")
        tmp = cachekey.temporary(cache_dir, out.name)
        nbformat.write(nb, tmp / notebook.name)
        cachekey.publish(tmp, out)
    cachekey.prune(cache_dir, f"{notebook.stem}-", keep=out)
    return out / notebook.name


@contextlib.contextmanager
def executing(notebooks, cache_dir):
    """캐시에 없는 노트북을 새 파이썬 프로세스 하나에서 실행하며 이 블록을 돈다: 빌드는 그동안 그림을 그린다(노트북
    커널과 그림은 서로 다른 프로세스여서 두 코어를 함께 쓴다). 블록이 끝나면 실행이 끝나기를 기다리고, 실행이
    실패했으면 그 오류를 낸다. 결과는 execute_cached가 캐시에서 꺼낸다(프로세스가 그 사이에 코드가 바뀐 것을 보고
    넣지 않았으면 다시 실행한다). 블록 안에서 예외가 나면 실행을 멈춘다(_stop). 빌드가 죽으면 실행 프로세스도
    스스로 끝난다(_runner). 어느 쪽이든 캐시에는 임시 이름만 남는다.
    """
    notebooks = [Path(nb) for nb in notebooks]
    todo = [str(nb) for nb in notebooks if not cachekey.lookup(_result_dir(nb, cache_dir, cache_key(nb)))]
    if not todo:
        yield
        return
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:  # 파이프는 가득 차면 실행을 멈춘다
        command = [sys.executable, "-m", "scripts.notebooks", str(os.getpid()), str(cache_dir), *todo]
        env = cachekey.child_env()
        proc = subprocess.Popen(command, cwd=cachekey.ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
        try:
            yield
        except BaseException:
            _stop(proc)
            raise
        proc.wait()
        log.seek(0)
        text = log.read()
    if proc.returncode:
        raise RuntimeError("노트북을 실행하지 못했습니다:\n" + text.strip()[-2000:])
    sys.stderr.write(text)  # 실행하며 남긴 말은 숨기지 않는다(깨끗한 빌드의 로그에는 없어야 한다)


def _stop(proc):
    """실행 프로세스를 멈춘다. 먼저 SIGTERM: 커널을 닫고 임시 파일을 지울 틈을 준다(아래 _runner). 5초 안에 끝나지
    않으면 SIGKILL."""
    proc.terminate()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _runner(parent, cache_dir, paths):
    """executing이 띄운 프로세스. SIGTERM을 받으면 정리하며(커널 종료, 임시 폴더) 끝나고, 부모가 parent(띄운
    빌드의 프로세스 번호)가 아니면(빌드가 SIGTERM이나 SIGKILL로 죽었다) 스스로 끝난다: 빌드 없이 혼자 돌며 캐시에
    쓰지 않는다.

    os.getppid()를 여기서 빌드의 번호로 읽지 않고 인자로 받는다: 이 프로세스가 모듈을 불러오는 동안(바쁜 머신에서
    1초 넘게) 빌드가 죽으면 새 부모(init)를 빌드로 알게 된다.
    """
    import signal
    import threading
    import time

    def orphaned():
        if os.getppid() == parent:
            return False
        print(f"노트북 실행을 멈춥니다: 띄운 빌드(PID {parent})가 없습니다", file=sys.stderr, flush=True)
        return True

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    if orphaned():
        sys.exit(1)

    def watch():
        while not orphaned():
            time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, daemon=True).start()
    for path in paths:
        execute_cached(path, cache_dir)


if __name__ == "__main__":  # executing이 띄운 프로세스: python -m scripts.notebooks 빌드의_PID 캐시폴더 노트북...
    _runner(int(sys.argv[1]), sys.argv[2], sys.argv[3:])
