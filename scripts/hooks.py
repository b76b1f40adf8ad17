"""MkDocs 빌드 훅: 사이트의 모든 맞춤 빌드 논리는 이 파일 하나에 있습니다.

0. 노트북: ``scripts/notebooks.py``가 실행하고 노트북과 reference_nn의 해시로 캐시한다. 캐시에 없으면 다른
   프로세스에서 실행하고, 그동안 이 프로세스는 페이지의 식을 계산하고 그림을 그린다(on_files).
1. 그림: ``scripts/fig_*.py``가 ``reference_nn``으로 그린 그림(WebP)을 빌드에 더한다(docs/에는 쓰지 않는다).
   그리는 코드의 해시로 ``.cache/figures/``에 캐시하므로 바뀐 것이 없으면 다시 그리지 않는다.
2. 본문의 숫자: Markdown의 ``{{ 식 }}``을 ``reference_nn``으로 계산한 값으로 바꾼다.
3. 수식: arithmatex가 남긴 TeX를 빌드 때 MathML로 바꾼다(JavaScript도 CDN도 쓰지 않는다).
4. 접근성: 테마의 검색 대화상자에 이름(aria-label)을 붙인다(Material이 빠뜨린 것).
5. 노트북 페이지: mkdocs-jupyter가 넣는 외부 스크립트(MathJax, Mermaid CDN)와 큰 인라인 CSS를 빼고,
   출력 그림에 노트북 메타데이터 ``image_alt``의 한국어 대체 글을 붙이고, 입력 셀을 다른 코드 블록과 같게 한다.
6. 코드 블록: JavaScript 없이도 키보드로 닿도록 tabindex를 둔다.
"""

import contextlib
import hashlib
import html
import itertools
import json
import pickle
import re
import sys
from pathlib import Path

from latex2mathml.converter import convert as latex_to_mathml
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from pymdownx.slugs import slugify

ROOT = Path(__file__).resolve().parent.parent


def _fresh_imports():
    """serve 중 패키지나 스크립트가 바뀌었을 수 있으므로 매 빌드마다 새로 불러온다."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # scripts 패키지를 불러오기 위해(MkDocs는 훅을 읽은 뒤 sys.path를 되돌린다)
    for name in list(sys.modules):
        if name.split(".")[0] in ("reference_nn", "scripts"):
            del sys.modules[name]
    from scripts import cachekey, figures, notebooks, pagecache, pagevars

    return cachekey, figures, notebooks, pagecache, pagevars


_state = {}


@event_priority(100)  # print-site의 on_config보다 먼저
def on_config(config):
    """mkdocs serve에서는 인쇄용 한 페이지를 만들지 않는다: 모든 페이지를 다시 훑는 데 빌드마다 2~3초가 들어
    편집 고리(페이지를 고친 뒤 다시 빌드, 예산 1.5 s)를 넘긴다. mkdocs build는 언제나 만든다."""
    if "serve" in sys.argv[1:3]:
        config.plugins["print-site"].config["enabled"] = False
    return config


def on_pre_build(config):
    cachekey, figures, notebooks, pagecache, pagevars = _fresh_imports()
    _state["cache"] = cachekey.CACHE
    # 두 프로세스에서 그린다: 그림이 부르는 예제 계산은 on_files가 그리기 전에 캐시에 둔다
    _state["render_figures"] = lambda: figures.render_all(cachekey.CACHE / "figures", parallel=True)
    _state["narrow_suffix"] = figures.NARROW_SUFFIX
    _state["notebooks"] = notebooks
    _state["pagecache"] = pagecache
    search = config.plugins.get("material/search")
    if search and search.config.enabled:  # 검색 색인은 검색 플러그인의 on_config가 만든다
        pagecache.cache_search_entries(search.search_index, cachekey.CACHE / "search")
    _state["namespace"] = pagevars.namespace()
    _state["values"] = {}


def on_env(env, config, files):
    """테마 템플릿의 컴파일 결과를 캐시한다(빌드마다 약 1초).

    Jinja는 임시 파일에 쓴 뒤 옮기므로 동시 빌드에도 안전하다."""
    from jinja2 import FileSystemBytecodeCache

    folder = _state["cache"] / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env


def on_files(files, config):
    notebooks, cache = _state["notebooks"], _state["cache"] / "notebooks"
    ipynbs = [file for file in files if file.src_uri.endswith(".ipynb")]
    # 노트북 커널이 한 코어에서 도는 동안 이 프로세스는 페이지의 식(예제 학습)을 계산하고 그림을 그린다(그림은 예제의
    # 결과를 쓰므로 그 뒤에). 2코어에서 깨끗한 빌드가 약 30% 짧아졌다(README).
    with notebooks.executing([file.abs_src_path for file in ipynbs], cache):
        _evaluate_all(files)
        _state["figures"] = _state["render_figures"]()
    _state["figure_sizes"] = {uri: _pixel_size(path) for uri, path in _state["figures"].items()}
    for src_uri, path in _state["figures"].items():
        files.append(File.generated(config, src_uri, abs_src_path=str(path)))
    for file in ipynbs:
        # 실행된(캐시된) 노트북을 대신 렌더링한다. 원래 경로(src_uri)와 파일 이름은 그대로다.
        file.abs_src_path = str(notebooks.execute_cached(file.abs_src_path, cache))
    return files


def on_pre_page(page, config, files):
    """페이지의 변환 결과를 캐시한다: Markdown 페이지는 scripts/pagecache.py가(고친 페이지만 다시 변환한다).

    노트북은 HTML로 바꾼 결과를 실행 결과 곁에 캐시한다(한 번에 약 1초: 편집하며 다시 빌드할 때 아낀다).

    mkdocs-jupyter의 자체 캐시는 쓰다 만 파일을 다른 빌드가 읽을 수 있고 다른 빌드의 항목을 지우므로 끄고,
    같은 일을 고유한 임시 이름과 한 번에 옮기기(cachekey.store)로 한다. 열쇠: 실행된 노트북(폴더 이름이 그 열쇠),
    변환 설정, mkdocs-jupyter와 nbconvert의 버전.
    """
    if not page.file.src_uri.endswith(".ipynb"):
        page.render = _state["pagecache"].cached_render(page, page.render, _state["cache"] / "pages")
        return page
    from importlib import metadata

    cachekey, plugin = sys.modules["scripts.cachekey"], config.plugins["mkdocs-jupyter"]
    versions = [metadata.version(n) for n in ("mkdocs-jupyter", "nbconvert", "mkdocs")]
    setting = repr((versions, sorted((k, repr(v)) for k, v in plugin.config.items())))
    executed = Path(page.file.abs_src_path)
    cached = executed.parent / f"html-{hashlib.sha256(setting.encode()).hexdigest()[:16]}.pkl"
    convert = page.render  # mkdocs-jupyter가 on_pre_page에서 바꿔 끼운 변환 함수

    def render(config, files):
        if cachekey.lookup(cached):
            page.content, page.toc, page.title = pickle.loads(cached.read_bytes())
            return
        convert(config, files)
        cachekey.store(cached, pickle.dumps((page.content, page.toc, page.title)))

    page.render = render
    return page


_EXPR = re.compile(r"\{\{\s*(.+?)\s*\}\}")


def _value(expr):
    """페이지의 식 하나를 계산한 글자. 이 빌드에서 계산한 식은 기억해 둔다."""
    if expr not in _state["values"]:
        # 이름들을 전역으로 넘겨야 생성식(sum(... for ...)) 안에서도 보인다. 식은 이 저장소의 페이지에서만 온다.
        _state["values"][expr] = str(eval(expr, dict(_state["namespace"])))
    return _state["values"][expr]


def _evaluate_all(files):
    """모든 Markdown 페이지의 식을 미리 계산한다. 계산하지 못한 식은 건너뛴다: 그 페이지를 만들 때
    on_page_markdown이 다시 계산해 페이지 이름과 함께 오류를 낸다."""
    for file in files.documentation_pages():
        if file.src_uri.endswith(".md"):
            for expr in _EXPR.findall(file.content_string):
                with contextlib.suppress(Exception):
                    _value(expr)


def on_page_markdown(markdown, page, config, files):
    def evaluate(match):
        try:
            return _value(match.group(1))
        except Exception as err:
            raise ValueError(f"{page.file.src_uri}: {{{{ {match.group(1)} }}}}를 계산하지 못했습니다: {err!r}") from err

    return _EXPR.sub(evaluate, markdown)


_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*(?:\\\((?P<inline>.+?)\\\)|\\\[(?P<block>.+?)\\\])\s*</(?P=tag)>',
    re.DOTALL,
)


_ENTITY = re.compile(r"&#x([0-9A-Fa-f]+);")
_MATH_BREAK = re.compile(r"(</m(?:row|sub|sup|frac)>)(?=<)")


def _lean(mathml):
    """HTML 안의 MathML을 가볍게: xmlns는 HTML 파서가 알아서 붙이고, 문자 참조(&#x02212;)는 글자 그대로 쓴다."""
    mathml = mathml.replace(' xmlns="http://www.w3.org/1998/Math/MathML"', "", 1)

    def char(match):
        c = chr(int(match.group(1), 16))
        return match.group(0) if c in '<>&"' else c

    return _ENTITY.sub(char, mathml)


def _to_mathml(match):
    tex = html.unescape(match.group("inline") or match.group("block"))
    display = "block" if match.group("block") else "inline"
    mathml = _lean(latex_to_mathml(tex.strip(), display=display))
    # 묶음 요소의 닫는 태그 뒤에 줄바꿈(요소 사이의 공백은 MathML에서 보이지 않는다): 공백 없는 긴 태그 줄에서 인쇄용
    # 페이지 플러그인의 id 정규식이 되돌아가기(backtracking)로 빌드마다 4초를 썼다(모든 페이지 합 4.2 s에서 0.5 s로).
    # 모든 닫는 태그 뒤에 넣으면 0.3 s이지만 역전파 페이지가 1.4 KB(이것은 0.4 KB) 늘어 페이지 무게 예산에 닿는다.
    mathml = _MATH_BREAK.sub("\\1\n", mathml)
    # 원래 TeX는 화면에 보이지 않는 alttext로만 남긴다(보조 기술용)
    mathml = mathml.replace("<math ", f'<math alttext="{html.escape(tex.strip())}" ', 1)
    if display == "block":  # 가로로 넘치면 스크롤되므로 키보드로도 닿게 한다(접근성)
        return f'<div class="math" tabindex="0">{mathml}</div>'
    return f'<span class="math">{mathml}</span>'


_NB_STYLE = re.compile(r"<style[^>]*>.*?</style>", re.DOTALL)
_NB_SCRIPT = re.compile(r"<script[^>]*>.*?</script>", re.DOTALL)
_NB_COPY = re.compile(
    r'<clipboard-copy[^>]*>.*?</clipboard-copy>|<div class="clipboard-copy-txt"[^>]*>.*?</div>', re.DOTALL
)
_NB_HEADING = re.compile(r'<h([1-6]) id="[^"]*">(.*?)<a class="anchor-link" href="#[^"]*">')
_slugify = slugify(case="lower")


#: Pygments의 이름(n), 공백(w), 구두점(p), 연산자(o) 토큰은 span 없이 코드 글자 색으로 쓴다.
#: 테마에서 이름 색은 원래 코드 글자 색과 같고, 구두점과 연산자도 같은 색이면 대비가 오히려 높다.
_PLAIN_TOKEN = re.compile(r'<span class="[nwpo]">([^<]*)</span>')

#: 코드 블록(Pygments의 <pre><span></span><code>). JavaScript 없이도 키보드로 닿도록 tabindex를 둔다: 옆으로 스크롤하는
#: 블록은 초점을 받아야 한다(axe의 scrollable-region-focusable). Material은 페이지를 열 때 스크롤하지 않는 블록에서는
#: 이것을 뗀다. Material의 content.lazy(보일 때 준비)는 쓰지 않는다: Tab으로 화면 밖의 블록에 가면 그때 준비하며
#: tabindex를 떼어 초점이 문서(body)로 떨어졌다.
_CODE_BLOCK = re.compile(r"(<pre>(?:<span></span>)?)<code>")
#: 노트북의 입력 셀(nbconvert의 <pre>): 안을 <code>로 감싸 다른 코드 블록과 같게 한다(Material의 복사 단추, 모양)
_NB_INPUT = re.compile(r'(<div class="highlight hl-python"><pre>)(.*?)</pre>', re.DOTALL)


_FIGURE_IMG = re.compile(r'<img [^>]*?src="(?P<prefix>[^"]*?figures/)(?P<name>[\w-]+)\.webp"[^>]*>')


def _pixel_size(path):
    """그림 파일의 (너비, 높이) 픽셀."""
    from PIL import Image

    with Image.open(path) as image:
        return image.size


def _size_attrs(name):
    """그림의 width, height 속성: 브라우저가 그림을 받기 전에 그 비율의 자리를 잡아 두어, 그림이 뜰 때 글이
    밀리지 않는다(받기 전에는 긴 대체 글이 그 자리에 여러 줄로 그려진다). 빌드가 만든 그림이 아니면 빈 글."""
    size = _state["figure_sizes"].get(f"figures/{name}")
    return f'width="{size[0]}" height="{size[1]}" ' if size else ""


_HAS_SIZE = re.compile(r"\s(?:width|height)=")


def _figure_picture(match):
    """그림에 크기 속성을 붙이고(쓴 사람이 크기를 적었으면 그대로 둔다), 휴대폰용 그림(이름-narrow.webp)이 있으면
    좁은 화면(600 px 이하)에서는 그것을 보이는 <picture>로 감싼다."""
    img = match.group(0)
    if not _HAS_SIZE.search(img):
        img = img.replace("<img ", f"<img {_size_attrs(match.group('name') + '.webp')}", 1)
    narrow = f"{match.group('name')}{_state['narrow_suffix']}.webp"
    if f"figures/{narrow}" not in _state["figures"]:
        return img
    attrs = f'media="(max-width: 600px)" srcset="{match.group("prefix")}{narrow}" {_size_attrs(narrow)}'.rstrip()
    source = f"<source {attrs}>"
    return f"<picture>{source}{img}</picture>"


@event_priority(50)  # print-site가 페이지 HTML을 모으기 전에: 인쇄용 페이지에도 MathML과 정리된 노트북
def on_page_content(html_text, page, config, files):
    html_text = _FIGURE_IMG.sub(_figure_picture, html_text)
    html_text = _MATH.sub(_to_mathml, html_text)
    html_text = _PLAIN_TOKEN.sub(r"\1", html_text)  # 페이지 무게: 코드 목록이 큰 페이지에서 10 KB 넘게 준다
    if page.file.src_uri.endswith(".ipynb"):
        # 외부 요청을 만드는 스크립트와 575 KB짜리 인라인 CSS를 뺀다(모양은 extra.css가 맡는다)
        html_text = _NB_SCRIPT.sub("", _NB_STYLE.sub("", html_text))
        html_text = _NB_COPY.sub("", html_text)  # 스크립트 없이는 동작하지 않는 복사 단추와 그 숨은 글
        html_text = html_text.replace("highlight-ipynb", "highlight")
        html_text = _NB_INPUT.sub(r"\1<code>\2</code></pre>", html_text)
        # 셀의 id "cell-id=..."는 CSS 선택자가 아니다: Material이 그 id로 복사할 코드를 찾다가 아무것도 복사하지 못했다
        html_text = html_text.replace(' id="cell-id=', ' id="cell-')
        html_text = _notebook_alt_text(html_text, page)
        html_text = _notebook_heading_ids(html_text, page)
    if 'class="nn-glossary"' in html_text:
        html_text = _table_roles(html_text)
    return _CODE_BLOCK.sub(r'\1<code tabindex="0">', html_text)


_TABLE_ROLES = {
    "table": "table",
    "thead": "rowgroup",
    "tbody": "rowgroup",
    "tr": "row",
    "th": "columnheader",
    "td": "cell",
}


def _table_roles(html_text):
    """용어집의 표에 표의 역할(role)을 적는다. 휴대폰에서는 CSS가 줄을 카드로 바꾸는데(display: block), 브라우저에 따라
    (Safari) display를 바꾼 표를 보조 기술에 표로 알리지 않는다. 역할을 적으면 모양과 상관없이 표다."""
    start = html_text.index('class="nn-glossary"')
    end = html_text.index("</table>", start)
    table = re.sub(
        r"<(table|thead|tbody|tr|th|td)>", lambda m: f'<{m[1]} role="{_TABLE_ROLES[m[1]]}">', html_text[start:end]
    )
    return html_text[:start] + table + html_text[end:]


_NB_DEFAULT_ALT = 'alt="No description has been provided for this image"'


def _notebook_alt_text(html_text, page):
    """nbconvert의 영어 기본 대체 글을 노트북 메타데이터 image_alt의 글로 차례대로 바꾼다."""
    metadata = json.loads(Path(page.file.abs_src_path).read_text(encoding="utf-8"))["metadata"]
    alts = metadata.get("image_alt", [])
    found = html_text.count(_NB_DEFAULT_ALT)
    if found != len(alts):
        raise ValueError(f"{page.file.src_uri}: 출력 그림 {found}개에 대체 글(image_alt)이 {len(alts)}개 있습니다")
    for alt in alts:
        html_text = html_text.replace(_NB_DEFAULT_ALT, f'alt="{html.escape(alt)}"', 1)
    return html_text


def _notebook_heading_ids(html_text, page):
    """nbconvert는 한글 제목의 id를 비워 둔다: 제목과 목차(toc)에 같은, 한글을 살린 id를 준다."""
    items, stack = [], list(reversed(list(page.toc)))
    while stack:  # 목차를 문서 순서대로 편다
        item = stack.pop()
        items.append(item)
        stack.extend(reversed(item.children))
    headings = list(_NB_HEADING.finditer(html_text))
    if len(headings) != len(items):
        raise ValueError(f"{page.file.src_uri}: 제목 {len(headings)}개와 목차 항목 {len(items)}개가 맞지 않습니다")
    for item in items:
        item.id = _slugify(html.unescape(item.title), "-")
    ids = iter(item.id for item in items)
    return _NB_HEADING.sub(
        lambda m: f'<h{m.group(1)} id="{(i := next(ids))}">{m.group(2)}<a class="anchor-link" href="#{i}">', html_text
    )


_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


#: print-site 플러그인이 모든 페이지에 넣는 인쇄용 CSS와 JavaScript: 인쇄용 페이지에만 필요하다(다른 페이지의 무게)
_PRINT_SITE_ASSETS = re.compile(
    r'\s*<link rel="stylesheet" href="[^"]*css/print-site(?:-material)?\.css">'
    r'|\s*<script src="[^"]*js/print-site\.js">\s*</script>'
)


def _name_search_dialog(output):
    return output.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + ' aria-label="검색">', 1)


def on_post_page(output, page, config):
    return _name_search_dialog(_PRINT_SITE_ASSETS.sub("", output))


_CSS_COMMENT = re.compile(r"/\*.*?\*/\n?", re.DOTALL)
#: 규칙과 선언, 목록 사이의 공백(문자열 안의 공백은 건드리지 않는다: 우리 CSS의 문자열에는 { } ; , 가 없다)
_CSS_SPACE = re.compile(r"\s*([{};,])\s*")


@event_priority(-50)  # print-site가 인쇄용 페이지(print_page/)를 쓴 뒤에
def on_post_build(config):
    """사이트의 CSS(extra.css)에서 주석과 규칙 사이의 공백을 뺀다(한국어 주석이 모든 페이지에 2 KB 넘게, 공백이 0.7 KB
    더해진다; 원본에는 남는다).

    인쇄용 한 페이지: 접힌 상자는 펼쳐 두고(인쇄에 답과 코드가 빠지지 않게), 검색 대화상자에 이름을 붙이고, 코드
    블록마다 id를 준다. Material은 복사할 코드를 코드 블록에서 가장 가까운 id로 찾는데, 이 페이지에서는 그것이 원래
    페이지의 절(section)이어서 한 절의 복사 단추가 모두 첫 코드 블록을 복사했다."""
    for css in config["extra_css"]:
        if not css.startswith("stylesheets/"):  # 우리 CSS만(인쇄 플러그인이 더한 CSS는 그대로)
            continue
        path = Path(config["site_dir"]) / css
        text = _CSS_COMMENT.sub("", path.read_text(encoding="utf-8"))
        quoted = [q for q in re.findall(r'"[^"]*"', text) if re.search(r"[{};,]", q)]
        if quoted:  # 공백을 빼면 문자열이 바뀐다
            raise ValueError(f"{css}: 문자열 안의 {{ }} ; , 는 공백 정리가 바꿉니다: {quoted}")
        path.write_text(_CSS_SPACE.sub(r"\1", text).strip() + "\n", encoding="utf-8")
    print_site = config.plugins["print-site"].config
    path = Path(config["site_dir"]) / print_site["print_page_basename"] / "index.html"
    if print_site["enabled"]:
        text = _name_search_dialog(path.read_text(encoding="utf-8"))
        # 플러그인은 404 페이지의 문맥을 빌려 써서 테마 설정의 base가 site_url의 경로(/neural-networks-ko/)다:
        # 다른 주소(로컬 서버, 오프라인)에서는 검색 색인을 찾지 못한다. 다른 페이지처럼 상대 경로로.
        text = re.sub(r'(<script id="__config"[^>]*>\{[^<]*?"base": )"[^"]*"', r'\1".."', text, count=1)
        text = re.sub(r"<details(?![^>]*\bopen\b)", "<details open", text)
        numbers = itertools.count(1)
        text = re.sub(r"<pre>(?=(?:<span></span>)?<code\b)", lambda m: f'<pre id="code-{next(numbers)}">', text)
        path.write_text(text, encoding="utf-8")
