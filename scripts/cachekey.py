"""빌드 캐시: 결과를 정하는 모든 것의 해시(열쇠)와, 여러 빌드가 동시에 써도 안전한 저장.

그림(figures.py), 노트북 실행(notebooks.py), 예제 계산(examples.py)의 캐시가 모두 이 모듈을 쓴다.

- 열쇠: 결과를 만드는 파일과 그 파일이 불러오는 ``scripts`` 모듈(간접으로 불러오는 것까지),
  ``reference_nn`` 전체, 그림의 한글 글꼴 파일, 결과에 영향을 주는 라이브러리와 Python의 버전.
- 저장: 언제나 고유한 임시 이름에 쓴 뒤 ``os.rename``으로 한 번에 제자리에 옮긴다. 그래서 제자리에 있는 것은
  언제나 끝까지 쓴 결과이고, 도중에 죽은(SIGKILL) 빌드는 임시 이름만 남긴다. 같은 결과를 다른 빌드가 먼저
  옮겼으면 그것을 쓴다.
- 정리: 다른 빌드가 아직 쓰고 있을 수 있으므로 옛 결과를 바로 지우지 않는다. 쓸 때마다 수정 시각을 새로 하고,
  하루 넘게 아무도 쓰지 않은 옛 결과와 임시 이름만 지운다.
"""

import ast
import contextlib
import functools
import hashlib
import json
import logging
import os
import platform
import shutil
import tempfile
import time
from importlib import metadata
from pathlib import Path

from scripts import fontfile

ROOT = Path(__file__).resolve().parent.parent
#: 캐시 폴더. 테스트가 빈 캐시로 빌드할 때 환경 변수로 바꾼다.
CACHE = Path(os.environ.get("NN_CACHE_DIR") or ROOT / ".cache")
#: 이보다 오래 쓰이지 않은 옛 결과와 임시 이름은 지운다(빌드 한 번은 1분도 걸리지 않는다).
MAX_AGE = 24 * 3600
#: 결과(그림의 바이트, 노트북 출력)를 바꿀 수 있는 라이브러리.
LIBRARIES = ("numpy", "matplotlib", "pillow", "ipykernel", "nbclient", "nbformat", "scikit-learn")
TMP_PREFIX = ".tmp-"
#: 계산하는 자식 프로세스(그림, 노트북 커널)의 BLAS·OpenMP 스레드는 하나: 여러 스레드는 행렬 곱을 나누어 더하는 순서가
#: 달라 결과의 마지막 비트가 머신의 코어 수에 따라 달라지고(같은 소스, 같은 바이트), 이 작은 행렬에서는 빠르지도
#: 않으며(숫자 페이지의 학습: 한 스레드 2.9초, 두 스레드 2.6~2.9초에 CPU는 1.6배), 다른 프로세스와 함께 돌 때
#: 기다리는 스레드가 CPU를 태운다. 빌드 프로세스 안의 계산은 examples.cache가 같은 제한을 건다.
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def child_env():
    """scripts를 불러오는 자식 프로세스의 환경: 저장소를 PYTHONPATH에, BLAS 스레드는 하나(ONE_THREAD)."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return dict(os.environ, PYTHONPATH=path, **ONE_THREAD)


@functools.cache
def imported_scripts(path, root=ROOT, package="scripts"):
    """path가 불러오는 ``scripts`` 모듈 파일을 간접으로 불러오는 것까지 모두 찾는다(path 자신 포함).

    함수 안의 import도, ``from scripts import a``와 ``from scripts.a import b``와 ``import scripts.a``도 본다.
    파이썬 파일이 아니면(노트북) 코드 셀의 글을 그대로 파싱한다.
    """
    found, todo = set(), [Path(path)]
    while todo:
        current = todo.pop()
        if current in found:
            continue
        found.add(current)
        todo.extend(_direct_imports(current, Path(root), package))
    return tuple(sorted(found))


@functools.cache  # 여러 그림·노트북의 열쇠가 같은 모듈을 거친다: 한 빌드 안에서 모듈마다 한 번만 파싱한다
def _direct_imports(path, root, package):
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    else:
        sources = [path.read_text(encoding="utf-8")]
    names = []
    for source in sources:
        try:
            tree = ast.parse(source)
        except SyntaxError:  # 노트북 셀의 %매직 등: 그 셀은 import를 찾지 않는다
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names += [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.append(node.module)
                names += [f"{node.module}.{a.name}" for a in node.names]
    files = []
    for name in names:
        parts = name.split(".")
        if parts[0] == package and len(parts) > 1:
            candidate = root.joinpath(*parts[:2]).with_suffix(".py")
            if candidate.exists():
                files.append(candidate)
    return tuple(files)


@functools.cache
def _environment():
    """라이브러리와 Python의 버전, 글꼴 파일의 해시."""
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} -")
    font = fontfile.korean_font_path()
    versions.append(f"python {platform.python_version()} font {hashlib.sha256(font.read_bytes()).hexdigest()}")
    return "\n".join(versions)


def digest(*files, extra=""):
    """files와 그것들이 불러오는 scripts 모듈, reference_nn/*.py, 환경(_environment), extra의 해시(16자리)."""
    return combine(files_digest(*files), extra)


def files_digest(*files):
    """files와 그것들이 불러오는 scripts 모듈, reference_nn/*.py, 환경의 해시(긴 것, extra 없이)."""
    return _files_digest(tuple(Path(f).resolve() for f in files))


def combine(files_hash, extra):
    """files_digest의 값과 extra(예: 함수 호출)로 열쇠(16자리)를 만든다."""
    return hashlib.sha256(f"{files_hash}\n{extra}".encode()).hexdigest()[:16]


def fresh_digest(*files, extra=""):
    """digest와 같지만 이 프로세스가 기억해 둔 값을 버리고 파일을 다시 읽는다(그리는 동안 코드가 바뀌었는지 볼 때)."""
    _files_digest.cache_clear()
    imported_scripts.cache_clear()
    _direct_imports.cache_clear()
    return digest(*files, extra=extra)


@functools.cache  # 빌드마다 이 모듈을 새로 불러오므로(hooks._fresh_imports) 한 빌드 안에서만 기억한다
def _files_digest(files):
    """files와 그것들이 불러오는 scripts 모듈, reference_nn/*.py, 환경의 해시(인자만 다른 호출끼리 나눠 쓴다)."""
    h = hashlib.sha256()
    used = sorted({f for path in files for f in imported_scripts(path)})
    for f in [*used, *sorted((ROOT / "reference_nn").glob("*.py"))]:
        label = Path(f).relative_to(ROOT).as_posix() if Path(f).is_relative_to(ROOT) else Path(f).name
        h.update(label.encode() + b"\0" + Path(f).read_bytes())
    h.update(_environment().encode())
    return h.hexdigest()


def lookup(final):
    """final이 끝까지 쓴 결과로 있으면 수정 시각을 새로 하고(정리 대상에서 빼기) True."""
    try:
        os.utime(final)
    except FileNotFoundError:
        return False
    return True


def temporary(cache_dir, name, directory=True):
    """cache_dir 안의 고유한 임시 폴더(또는 파일)."""
    Path(cache_dir).mkdir(parents=True, exist_ok=True)
    prefix = f"{TMP_PREFIX}{name}-"
    if directory:
        path = tempfile.mkdtemp(prefix=prefix, dir=cache_dir)
        os.chmod(path, 0o755)  # mkdtemp는 0700: 다른 캐시 폴더와 같게
        return Path(path)
    fd, path = tempfile.mkstemp(prefix=prefix, dir=cache_dir)
    os.close(fd)
    os.chmod(path, 0o644)
    return Path(path)


def store(final, data):
    """data(바이트)를 final 파일로 한 번에 쓴다: 고유한 임시 파일에 쓴 뒤 publish한다(다른 빌드가 반쯤 쓴 파일을
    읽지 않는다)."""
    final = Path(final)
    tmp = temporary(final.parent, final.name, directory=False)
    tmp.write_bytes(data)
    return publish(tmp, final)


def publish(tmp, final):
    """tmp를 final로 한 번에 옮긴다. 다른 빌드가 같은 결과를 먼저 옮겼으면 그것을 두고 tmp를 지운다."""
    tmp, final = Path(tmp), Path(final)
    try:
        os.rename(tmp, final)  # 파일은 덮어쓰고(같은 내용), 폴더는 final이 비어 있지 않으면 OSError
    except OSError:
        if not final.exists():
            raise
        shutil.rmtree(tmp, ignore_errors=True)
    return final


@contextlib.contextmanager
def exclusive(cache_dir):
    """cache_dir 폴더 자체에 거는 배타 잠금(flock). 같은 결과를 두 빌드가 함께 만들지 않게 한다: 나중 빌드는 먼저
    빌드가 다 만들 때까지 기다렸다가(기다린다고 INFO로 알린다) 그 결과를 쓴다. 잠근 프로세스가 죽으면(SIGKILL)
    운영체제가 잠금을 푼다. 잠금의 파일 기술자를 돌려준다: 일을 맡긴 자식 프로세스에 물려주면(subprocess의
    pass_fds) 둘 다 끝날 때까지 잠겨 있다. flock이 없는 곳(Windows)에서는 잠그지 않고 None을 돌려준다: 그래도
    publish 덕에 결과는 맞고, 같은 일을 두 번 할 뿐이다."""
    try:
        import fcntl
    except ImportError:
        yield None
        return
    Path(cache_dir).mkdir(parents=True, exist_ok=True)
    fd = os.open(cache_dir, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            logging.getLogger("mkdocs.hooks").info("다른 빌드가 %s에 쓰고 있어 끝나기를 기다립니다", cache_dir)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)


def prune(cache_dir, prefix, keep):
    """prefix로 시작하는 옛 결과(keep 말고)와 임시 이름 가운데 MAX_AGE 넘게 쓰이지 않은 것을 지운다."""
    cache_dir = Path(cache_dir)
    if not cache_dir.is_dir():
        return
    now = time.time()
    for entry in cache_dir.iterdir():
        if entry.name == Path(keep).name:
            continue
        if not (entry.name.startswith(prefix) or entry.name.startswith(TMP_PREFIX)):
            continue
        try:
            old = now - entry.stat().st_mtime > MAX_AGE
        except FileNotFoundError:
            continue
        if old:
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
