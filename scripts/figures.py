"""모든 그림을 그리는 진입점. 그리는 코드의 해시로 캐시한다.

캐시에 없는 그림 모듈은 새 파이썬 프로세스에서 그린다. 오래 도는 프로세스(mkdocs serve, pytest)가 예전에
불러 둔 모듈로 새 열쇠의 그림을 그리는 일이 없다.

직접 실행하면 그림을 폴더에 그린다: ``python -m scripts.figures 출력폴더``
"""

import contextlib
import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts import cachekey

ROOT = Path(__file__).resolve().parent.parent
#: 그림 모듈(페이지마다 하나). 각 모듈은 FIGURES = {"이름": 그리는 함수}를 가진다(파일은 이름.webp).
NARROW_SUFFIX = "-narrow"  # 휴대폰용 그림 파일 이름의 꼬리
TEXT_SIZES = "text-sizes.json"  # 캐시 폴더 안에만(사이트에는 올리지 않는다)
MODULES = ["scripts.fig_neuron", "scripts.fig_activations", "scripts.fig_networks", "scripts.fig_digits"]


def result_dir(module_name, cache_dir, fresh=False):
    """그림 모듈의 결과 폴더. 이름의 해시는 그림을 결정하는 모든 것: 그 모듈, 그 모듈이 (간접으로라도) 불러오는
    scripts 모듈, reference_nn 전체, 글꼴 파일, 라이브러리 버전(cachekey.digest). fresh이면 파일을 다시 읽는다."""
    short = module_name.rsplit(".", 1)[-1]
    path = ROOT / (module_name.replace(".", "/") + ".py")
    key = cachekey.fresh_digest(path) if fresh else cachekey.digest(path)
    return Path(cache_dir) / f"{short}-{key}"


def draw_module(module_name, cache_dir):
    """(이 프로세스에서) 한 모듈의 그림을 캐시에 없을 때만 그린다. 여러 프로세스가 동시에 그려도 안전하다:
    고유한 임시 폴더에 그린 뒤 한 번에 옮긴다(cachekey.publish). 그리는 동안 코드가 바뀌었으면 옮기지 않는다."""
    out = result_dir(module_name, cache_dir)  # 모듈을 불러오기 전에: 열쇠와 불러온 코드가 같은 파일에서
    if cachekey.lookup(out):
        return out
    from scripts import plotstyle  # matplotlib: 그리는 프로세스에서만

    module = importlib.import_module(module_name)
    tmp = cachekey.temporary(cache_dir, out.name)
    plotstyle.setup()
    with plotstyle.strict_glyphs():  # 글꼴에 없는 글자는 빌드 실패
        text = {}
        for name, draw in module.FIGURES.items():
            text[f"{name}.{plotstyle.FORMAT}"] = plotstyle.save(draw(), tmp / f"{name}.{plotstyle.FORMAT}")
        with plotstyle.narrow():  # 휴대폰용(세로로 쌓은) 그림: 페이지는 <picture>로 좁은 화면에 이것을 보인다
            for name in getattr(module, "NARROW", []):
                narrow = f"{name}{NARROW_SUFFIX}.{plotstyle.FORMAT}"
                text[narrow] = plotstyle.save(module.FIGURES[name](), tmp / narrow)
    (tmp / TEXT_SIZES).write_text(json.dumps(text, sort_keys=True), encoding="utf-8")
    if result_dir(module_name, cache_dir, fresh=True) != out:
        shutil.rmtree(tmp, ignore_errors=True)
        raise RuntimeError(f"{module_name}: 그리는 동안 그림 코드가 바뀌었습니다. 다시 빌드하세요")
    return cachekey.publish(tmp, out)


def _files(out):
    """{파일 이름: 경로}: 그린 모든 그림(TEXT_SIZES에 그림마다 항목 하나)."""
    names = json.loads((Path(out) / TEXT_SIZES).read_text(encoding="utf-8"))
    return {name: Path(out) / name for name in sorted(names)}


def render_module(module_name, cache_dir):
    """한 모듈의 그림을 (캐시에 없을 때만 새 프로세스에서) 그리고, {파일이름: 경로}를 돌려준다."""
    return _files(_render([module_name], cache_dir)[module_name])


def _render(module_names, cache_dir, parallel=False):
    """{모듈: 결과 폴더}. 캐시에 없는 모듈은 새 파이썬 프로세스에서 그린다(parallel이면 두 프로세스에서, _draw)."""
    cache_dir = Path(cache_dir).resolve()
    outs = {m: result_dir(m, cache_dir) for m in module_names}
    if any(not cachekey.lookup(out) for out in outs.values()):
        # 다른 빌드(serve와 테스트)가 그리고 있으면 기다렸다가 그 그림을 쓴다: 같은 그림을 두 번 그리지 않는다
        with cachekey.exclusive(cache_dir) as lock:
            todo = [m for m, out in outs.items() if not cachekey.lookup(out)]
            if todo:
                _draw(todo, cache_dir, lock, parallel)
    for m, out in outs.items():
        if not cachekey.lookup(out):  # 다른 열쇠로 그렸다: 그사이에 코드가 바뀌었다
            raise RuntimeError(f"{m}: 빌드하는 동안 그림 코드가 바뀌었습니다. 다시 빌드하세요")
        cachekey.prune(cache_dir, f"{out.name.rsplit('-', 1)[0]}-", keep=out)
    return outs


def _cores():
    """이 프로세스가 쓸 수 있는 코어 수(cpu affinity; 없는 OS에서는 os.cpu_count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _draw(module_names, cache_dir, lock, parallel=False):
    """새 파이썬 프로세스에서 그린다. parallel이고 코어가 둘 이상이면 모듈을 두 몫으로 나누어 두 프로세스에서 함께
    (깨끗한 빌드의 끝에서 노트북 실행이 끝난 코어가 놀지 않게), 한 몫 안에서는 차례로. parallel은 빌드(render_all)만
    쓴다: 빌드는 그리기 전에 그림이 부르는 계산(예제 학습, 숫자 페이지가 싣는 학습 시간)을 계산해 캐시에 두었다.
    그 캐시가 빈 채로 두 프로세스가 함께 그리면 학습 시간을 서로 느려진 채로 잰다. 그리는 프로세스도 잠금(lock)을
    물려받는다: 빌드만 죽고 그리는 프로세스가 남아도 잠겨 있다. 이 프로세스에서 예외가 나면 그리는 프로세스를 멈춘다."""
    parts = 2 if parallel and len(module_names) > 1 and _cores() > 1 else 1
    fds = () if lock is None else (lock,)
    env = cachekey.child_env()
    procs = []
    with contextlib.ExitStack() as stack:
        try:
            for group in (module_names[i::parts] for i in range(parts)):
                log = stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8"))  # 파이프는 차면 멈춘다
                command = [sys.executable, "-m", "scripts.figures", "--cache", str(cache_dir), *group]
                procs.append((subprocess.Popen(command, cwd=ROOT, env=env, stderr=log, pass_fds=fds), log))
            for proc, _ in procs:
                proc.wait()
        except BaseException:
            for proc, _ in procs:
                proc.kill()
                proc.wait()
            raise
        texts = []
        for _, log in procs:
            log.seek(0)
            texts.append(log.read())
    failed = [text for (proc, _), text in zip(procs, texts, strict=True) if proc.returncode]
    if failed:
        raise RuntimeError("그림을 그리지 못했습니다:\n" + "\n".join(text.strip()[-2000:] for text in failed))
    sys.stderr.write("".join(texts))  # 그리는 프로세스가 남긴 말은 숨기지 않는다(깨끗한 빌드의 로그에는 없어야 한다)


def text_sizes(cache_dir):
    """{그림 파일 이름: 가장 작은 글자의 크기(저장한 그림의 픽셀)} (tests/test_browser.py가 보이는 크기를 잰다)."""
    sizes = {}
    for out in _render(MODULES, cache_dir).values():
        sizes.update(json.loads((out / TEXT_SIZES).read_text(encoding="utf-8")))
    return sizes


def render_all(cache_dir, parallel=False):
    """모든 그림을 그리고 {사이트 안의 경로 "figures/...": 파일 경로}를 돌려준다. parallel: _draw."""
    outs = _render(MODULES, cache_dir, parallel)
    return {f"figures/{name}": path for out in outs.values() for name, path in _files(out).items()}


if __name__ == "__main__":
    if sys.argv[1:2] == ["--cache"]:  # _render가 띄운 프로세스: python -m scripts.figures --cache 폴더 모듈...
        for name in sys.argv[3:]:
            draw_module(name, Path(sys.argv[2]))
        sys.exit()
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "figures-out")
    target.mkdir(parents=True, exist_ok=True)
    for uri, path in render_all(cachekey.CACHE / "figures").items():
        shutil.copyfile(path, target / Path(uri).name)
        print(target / Path(uri).name)
