"""페이지 Markdown 변환(HTML, 목차, 앵커)과 검색 색인 항목의 캐시: 고친 페이지만 다시 변환한다(mkdocs serve의
편집 고리).

변환은 빌드 시간의 약 3분의 1(코드 강조 Pygments 포함)이고, 페이지 하나를 고치면 나머지 페이지의 변환 결과는
그대로다. 결과는 다른 캐시처럼 고유한 임시 이름에 쓴 뒤 한 번에 옮긴다(cachekey.store).

- 열쇠: 훅이 숫자를 넣은 뒤의 Markdown, 그 페이지와 사이트의 모든 파일의 주소와 포함 여부(상대 링크를 고치고
  검사한다), Markdown 확장과 링크 검사의 설정, 엔진과 Markdown 확장과 Python의 버전, 이 파일의 해시.
- snippets(``--8<--``)가 읽은 파일: 변환하며 실제로 읽은 파일(그 안에서 다시 읽은 것까지)과 그 해시를 결과 곁에
  적어 두고, 꺼낼 때 모두 같은지 본다(make의 의존 파일 목록처럼). 그래서 reference_nn의 코드를 고치면 그 코드를
  보여 주는 페이지만 다시 변환한다.
- 변환하며 로그(링크 경고 등)를 남긴 페이지는 캐시하지 않는다: 다음 빌드도 같은 말을 하고, strict 빌드는 같은
  까닭으로 멈춘다.
- 검색 색인 항목(cache_search_entries)은 변환 다음으로 큰 일이다(페이지 HTML을 다시 파싱한다).
"""

import contextlib
import functools
import hashlib
import logging
import pickle
import platform
import re
import sys
from importlib import metadata
from pathlib import Path

from scripts import cachekey

#: 변환 결과를 바꿀 수 있는 배포판(엔진은 설치된 것만)
DISTRIBUTIONS = ("mkdocs", "properdocs", "Markdown", "pymdown-extensions", "Pygments")
#: 엔진이 경고를 남기는 로거. ProperDocs의 로거는 위(루트)로 전하지 않는다
LOGGERS = ("", "mkdocs", "properdocs")
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")  # 함수 repr의 메모리 주소: 프로세스마다 다르다


@functools.cache  # 페이지마다 새로 찾으면 빌드마다 약 35 ms(훅이 빌드마다 이 모듈을 새로 불러온다)
def _versions():
    """배포판과 Python의 버전, 이 파일의 해시(캐시하는 방법이 바뀌면 옛 항목을 쓰지 않는다)."""
    found = [f"python {platform.python_version()}", hashlib.sha256(Path(__file__).read_bytes()).hexdigest()]
    for name in DISTRIBUTIONS:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} -")
    return tuple(found)


def key(page, config, files):
    """변환하기 전에 알 수 있는 것의 해시(snippets가 읽을 파일은 결과 곁에 따로 적는다). 설정은 이 빌드가 읽은
    설정 객체에서 꺼낸다: 빌드하는 동안 mkdocs.yml을 저장해도 옛 설정의 결과가 새 설정의 열쇠로 들어가지 않는다."""
    setting = repr(
        (
            config["markdown_extensions"],
            config["mdx_configs"],
            config["use_directory_urls"],
            config["validation"],  # 링크 경고의 수준
            [logging.getLogger(n).getEffectiveLevel() <= logging.DEBUG for n in LOGGERS[1:]],  # 앵커 링크를 모으는지
            type(page).__module__,
            *_versions(),
        )
    )
    h = hashlib.sha256()
    for part in (
        page.markdown,
        page.file.src_uri,
        page.file.url,
        _ADDRESS.sub("", setting),
        # 상대 링크와 링크 검사: 파일의 주소와 포함 여부(exclude_docs, not_in_nav, draft_docs가 정한다)
        "\n".join(sorted(f"{f.src_uri} {f.url} {f.inclusion}" for f in files)),
    ):
        h.update(part.encode() + b"\0")
    return h.hexdigest()[:16]


def _sha(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@contextlib.contextmanager
def _recording():
    """변환하는 동안 snippets가 읽은 파일과 남긴 로그(INFO 이상)를 모은다."""
    from pymdownx.snippets import SnippetPreprocessor

    read, logged = [], []
    original = SnippetPreprocessor.read_lines

    def read_lines(self, path):
        read.append((str(path), _sha(path)))  # 읽기 전에: 그사이에 바뀌면 다음 빌드가 다르다고 보고 다시 변환한다
        return original(self, path)

    handler = logging.Handler(logging.INFO)
    handler.emit = logged.append
    loggers = [logging.getLogger(name) for name in LOGGERS]
    SnippetPreprocessor.read_lines = read_lines
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield read, logged
    finally:
        SnippetPreprocessor.read_lines = original
        for logger in loggers:
            logger.removeHandler(handler)


def cached_render(page, convert, cache_dir):
    """page.render 자리에 둘 함수: 캐시에 맞는 결과가 있으면 꺼내고, 없으면 convert(원래 render)로 변환해 넣는다."""
    cache_dir = Path(cache_dir)

    def render(config, files):
        stem = re.sub(r"\W", "_", page.file.src_uri)
        final = cache_dir / f"{stem}-{key(page, config, files)}.pkl"
        if cachekey.lookup(final):
            read, *result = pickle.loads(final.read_bytes())
            if all(Path(path).is_file() and _sha(path) == sha for path, sha in read):
                page.content, page.toc, page._title_from_render, page.present_anchor_ids, links = result
                if links is not None:  # {대상 파일 src_uri: {앵커: 원래 링크}} -> 이 빌드의 File 객체로
                    links = {files.get_file_from_path(uri): anchors for uri, anchors in links.items()}
                page.links_to_anchors = links
                return
        with _recording() as (read, logged):
            convert(config, files)
        if logged or not all(logging.getLogger(n).isEnabledFor(logging.WARNING) for n in LOGGERS):
            return  # 경고를 낸 변환, 또는 경고를 볼 수 없던 변환(mkdocs build -q)
        links = getattr(page, "links_to_anchors", None)
        if links is not None:
            links = {f.src_uri: anchors for f, anchors in links.items()}
        result = (page.content, page.toc, page._title_from_render, page.present_anchor_ids, links)
        cachekey.store(final, pickle.dumps((sorted(set(read)), *result)))
        cachekey.prune(cache_dir, f"{stem}-", keep=final)

    return render


def _toc(items):
    return [(i.title, i.id, i.level, i.url, _toc(i.children)) for i in items]


def cache_search_entries(index, cache_dir):
    """Material 검색 색인(index)이 페이지마다 항목을 만드는 일을 캐시한다.

    열쇠: 페이지 HTML(훅이 수식 등을 바꾼 뒤), 주소, 제목, 목차, 머리말(meta), 검색 설정, 중국어 분할(jieba)을
    쓰는지, Material과 _versions()의 버전. 값: 그 페이지가 색인에 더한 항목들.
    """
    cache_dir = Path(cache_dir)
    add = index.add_entry_from_context
    jieba = getattr(sys.modules[type(index).__module__], "jieba", None)  # 있으면 한자를 낱말로 나눈다
    config = sorted((k, repr(v)) for k, v in index.config.items())
    setting = repr((config, jieba is None, metadata.version("mkdocs-material"), *_versions()))

    def add_entry_from_context(page):
        h = hashlib.sha256()
        for part in (page.content, page.url, str(page.title), repr(page.meta), repr(_toc(page.toc)), setting):
            h.update(part.encode() + b"\0")
        stem = re.sub(r"\W", "_", page.file.src_uri)
        final = cache_dir / f"{stem}-{h.hexdigest()[:16]}.pkl"
        if cachekey.lookup(final):
            index.entries.extend(pickle.loads(final.read_bytes()))
            return
        start = len(index.entries)
        add(page)
        cachekey.store(final, pickle.dumps(index.entries[start:]))
        cachekey.prune(cache_dir, f"{stem}-", keep=final)

    index.add_entry_from_context = add_entry_from_context
