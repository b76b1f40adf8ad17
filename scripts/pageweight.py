"""페이지 무게 비교: 우리 페이지와 '같은 글과 그림을 가진 기본 mkdocs-material 페이지'의 전송 바이트.

기준(plain) 사이트는 빌드된 우리 페이지에서 본문 글자와 그림만 꺼내, 설정을 더하지 않은 Material로 다시 빌드한 것이다.
우리가 더한 것(MathML 수식, 한글 CSS, 노트북 정리, 훅)의 비용이 이 비율에 드러난다.
"""

import contextlib
import functools
import gzip
import html
import http.server
import io
import os
import re
import shutil
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path

#: 이 머신(root, 닫힌 네트워크)에서 Debian Chromium을 조용히 띄우는 옵션
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path():
    """CHROMIUM_PATH 환경 변수, 아니면 PATH의 chromium(없으면 None)."""
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


#: 보이지 않는 주소창 팝업(WebUI)을 끄는 기능들. Chromium 156은 새 창(Playwright의 새 문맥)마다 이 팝업 페이지를
#: 다른 렌더러 프로세스에 미리 띄우고, 모듈 스크립트 수백 개를 불러오느라 창마다 약 1.5 CPU-s를 쓴다. 브라우저
#: 테스트와 측정의 Chromium(launch_chromium), Lighthouse의 Chromium(bench._lighthouse_chrome_flags)에서 끈다.
HIDDEN_POPUP_FEATURES = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup")


def with_popup_off(features):
    """끄는 기능 목록 features에 HIDDEN_POPUP_FEATURES를 더한 --disable-features 옵션 하나.

    Chromium은 --disable-features를 여러 번 받으면 마지막 것만 쓴다. 그래서 Playwright나 chrome-launcher가 이미
    끄는 목록에 더해 하나로 넘겨야 그 목록(HTTPS 업그레이드, PaintHolding 등)이 살아 있다.

    >>> with_popup_off(["Translate", "", "WebUIOmniboxPopup"])
    '--disable-features=Translate,WebUIOmniboxPopup,WebUIOmniboxAimPopup'
    """
    merged = [f for f in features if f]
    merged += [f for f in HIDDEN_POPUP_FEATURES if f not in merged]
    return "--disable-features=" + ",".join(merged)


def disabled_features(browser):
    """브라우저의 명령줄이 끄는 기능의 목록(chrome://version의 'Command-line Variations').

    그 칸은 페이지가 열린 뒤에 채워지므로 글자가 들어올 때까지 기다린다(5초까지)."""
    page = browser.new_page()
    try:
        page.goto("chrome://version/?show-variations-cmd")
        page.wait_for_function(
            "() => (document.getElementById('variations-cmd')?.textContent || '').includes('--')", timeout=5000
        )
        text = page.inner_text("#variations-cmd")
    finally:
        page.close()
    found = re.search(r'--disable-features="?([^"\s]*)', text)
    return [f for f in found.group(1).split(",") if f] if found else []


_PLAYWRIGHT_FEATURES = {}  # {Chromium 경로: Playwright가 끄는 기능}: 프로세스마다 한 번만 읽는다


def launch_chromium(playwright):
    """Playwright가 끄는 기능에 HIDDEN_POPUP_FEATURES를 더 꺼서 Chromium을 띄운다.

    Playwright의 목록은 기본 옵션으로 한 번 띄워 chrome://version에서 읽는다(프로세스마다 한 번, 약 2 s).
    """
    path = chromium_path()
    if path not in _PLAYWRIGHT_FEATURES:
        probe = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            _PLAYWRIGHT_FEATURES[path] = disabled_features(probe)
        finally:
            probe.close()
    if not _PLAYWRIGHT_FEATURES[path]:
        raise RuntimeError(f"{path}: chrome://version에서 Playwright가 끄는 기능(--disable-features)을 못 읽었습니다")
    return playwright.chromium.launch(
        executable_path=path, args=[*CHROMIUM_ARGS, with_popup_off(_PLAYWRIGHT_FEATURES[path])]
    )


PLAIN_CONFIG = """site_name: {site_name}
theme:
  name: material
  language: ko
  font: false
"""


class _ArticleText(HTMLParser):
    """<article> 안의 글자(코드 포함)와 그림을 문서 순서대로 모은다."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.blocks = 0, []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.depth += 1
        if self.depth and tag in ("script", "style"):
            self._skip += 1
        if self.depth and tag == "img":
            self.blocks.append(("img", a.get("src", ""), a.get("alt", "")))

    def handle_endtag(self, tag):
        if tag == "article" and self.depth:
            self.depth -= 1
        if self.depth and tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if self.depth and not self._skip and data.strip():
            self.blocks.append(("text", data.strip()))


def plain_markdown(page_html):
    """우리 페이지의 본문 글자와 그림으로 만든 Markdown."""
    parser = _ArticleText()
    parser.feed(page_html)
    lines = []
    for block in parser.blocks:
        if block[0] == "img":
            lines.append(f'<img src="{html.escape(block[1])}" alt="{html.escape(block[2])}">')
        else:
            lines.append(html.escape(re.sub(r"\s+", " ", block[1])))
    return "\n\n".join(lines) + "\n"


def build_plain_site(site, out):
    """site(우리 빌드)의 페이지마다 같은 글과 그림의 기본 Material 페이지를 out/site에 빌드한다."""
    site, out = Path(site), Path(out)
    docs = out / "docs"
    shutil.rmtree(out, ignore_errors=True)
    docs.mkdir(parents=True)
    for page in sorted(site.rglob("index.html")):
        rel = page.parent.relative_to(site)
        if rel.parts and rel.parts[0] in ("search", "assets"):
            continue
        md = docs / ("index.md" if not rel.parts else f"{rel.as_posix()}.md")
        md.parent.mkdir(parents=True, exist_ok=True)
        md.write_text(plain_markdown(page.read_text(encoding="utf-8")), encoding="utf-8")
    if (site / "figures").is_dir():
        shutil.copytree(site / "figures", docs / "figures")
    (out / "mkdocs.yml").write_text(PLAIN_CONFIG.format(site_name="인공 신경망 입문"), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(out / "site")],
        cwd=out,
        check=True,
        capture_output=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000"),
    )
    return out / "site"


#: 검색 색인과 그 작업자(worker), 파비콘은 load 전에 받을지 뒤에 받을지가 매번 달라(두 사이트 모두 같은 것을
#: 받는다) 뺀다. 파비콘(1,870 B)이 기준 페이지에서만 load 전에 오면 비율이 0.006 흔들렸다.
UNTIMED_ASSETS = ("/search/", "/workers/", "/lunr/", "/favicon.")


def transfer_bytes(browser, base_url, paths):
    """{경로: 그 페이지를 처음 방문할 때(빈 캐시) 받은 응답 본문의 바이트 수 합계}.

    페이지, CSS, JS, 그림을 모두 센다(load까지). 검색 색인과 파비콘은 뺀다(UNTIMED_ASSETS). 한 문맥에서 브라우저 캐시를
    끄고 차례로 연다: 페이지마다 새 문맥을 만드는 것과 같은 값이고 두 배 넘게 빠르다. 본문 크기는 serve(gzip=False)가
    보내는 Content-Length다(본문을 브라우저에서 다시 받아 세는 것과 같은 값이고, 응답마다 오가는 시간이 없다). 압축해
    보낸 응답이나 Content-Length가 없는 응답이 있으면 ValueError.
    """
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    responses = []
    page.on("response", lambda response: responses.append(response))
    result = {}
    for path in paths:
        responses.clear()
        page.goto(base_url + path, wait_until="load")
        counted = [r for r in responses if not any(part in r.url for part in UNTIMED_ASSETS)]
        missing = [r.url for r in counted if "content-length" not in r.headers or "content-encoding" in r.headers]
        if missing:
            raise ValueError(f"Content-Length가 없거나 압축한 응답(serve(gzip=False)로 제공하세요): {missing[:3]}")
        result[path] = sum(int(r.headers["content-length"]) for r in counted)
    context.close()
    return result


class _Handler(http.server.SimpleHTTPRequestHandler):
    """조용한 정적 파일 서버. gzip=True이면 글자 파일을 GitHub Pages처럼 gzip으로 보낸다."""

    gzip = False
    TEXT = (".html", ".css", ".js", ".json", ".xml", ".ipynb")

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.gzip and accepts and path.endswith(self.TEXT) and os.path.isfile(path)):
            return super().send_head()
        with open(path, "rb") as f:
            data = gzip.compress(f.read(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """브라우저가 받던 응답을 끊은 것(다른 페이지로 가며 그림 요청을 취소)은 알리지 않는다. 다른 오류는 알린다."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory, gzip=False):
    """폴더를 127.0.0.1의 빈 포트에서 제공한다(아무 정적 서버로도 읽힌다는 뜻)."""
    handler = functools.partial(type("Handler", (_Handler,), {"gzip": gzip}), directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def figure_text_px(page, sizes):
    """열린 페이지의 그림마다 가장 작은 글자가 화면에서 보이는 크기(CSS px): [(그림 파일 이름, px)].

    sizes는 figures.text_sizes. 접힌 상자는 펼쳐서 재고, <picture>가 고른 그림(currentSrc)을 잰다. 폭은 그림이
    그려진 안쪽 폭이다(흰 카드의 여백은 뺀다).
    """
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    rows = page.evaluate(
        """() => [...document.querySelectorAll('.md-content img[src*="figures/"]')].map(i => {
            const s = getComputedStyle(i);
            const inner = i.getBoundingClientRect().width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)
                - parseFloat(s.borderLeftWidth) - parseFloat(s.borderRightWidth);
            return [i.currentSrc.split('figures/').pop(), inner, i.naturalWidth];
        })"""
    )
    return [(name, sizes[name] * shown / natural) for name, shown, natural in rows]
