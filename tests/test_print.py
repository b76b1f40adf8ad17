"""인쇄용 한 페이지(print_page/, mkdocs-print-site-plugin).

모든 페이지와 그림과 수식이 들어 있고, 접힌 상자는 펼쳐져 있고, 브라우저에서 오류 없이 열리며,
인쇄하면 사이트의 탐색 막대 없이 본문만 나온다."""

import json
import re
from html import unescape
from urllib.parse import urljoin

import pytest

from tests.conftest import PRINT_PAGE
from tests.htmltext import parse
from tests.test_browser import _open


def _print_html(site):
    return (site / PRINT_PAGE / "index.html").read_text(encoding="utf-8")


def _title(html):
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.DOTALL).group(1)
    return unescape(re.sub(r"<[^>]+>", "", h1)).replace("¶", "").strip()


def _figure(img):
    return img["src"].split("figures/")[-1]


def test_print_page_holds_every_page_title_figure_and_formula(site, pages):
    book = _print_html(site)
    book_text = parse(book).prose
    for name, html in pages.items():
        if name == "index.html" or "<h1" not in html:
            continue
        title = _title(html)
        assert title in book_text, f"인쇄용 페이지에 {name}의 제목 {title!r}이 없습니다"
    figures = {_figure(img) for html in pages.values() for img in parse(html).images if "figures/" in img["src"]}
    in_book = {_figure(img) for img in parse(book).images if "figures/" in img["src"]}
    assert figures
    assert figures <= in_book
    assert book.count("<math") == sum(html.count("<math") for html in pages.values())
    assert 'class="arithmatex"' not in book


def test_print_page_opens_every_folded_box(site, pages):
    book = _print_html(site)
    boxes = re.findall(r"<details[^>]*>", book)
    assert len(boxes) == sum(html.count("<details") for html in pages.values())
    assert all(re.search(r"\bopen\b", box) for box in boxes)


def test_index_links_to_the_print_page(pages):
    assert f'href="{PRINT_PAGE}/"' in pages["index.html"]


@pytest.mark.slow(13)
def test_print_page_in_the_browser_and_in_print(browser, base_url, site):
    """콘솔 오류와 바깥 요청이 없고, 복사 단추마다 제 코드를 복사하며, 인쇄 매체에서 탐색 막대와 복사 단추는 숨고
    본문은 보이며, PDF로 저장된다."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    page = context.new_page()
    missing = []
    page.on("response", lambda r: missing.append(r.url) if r.status >= 400 else None)
    errors, outside = _open(page, base_url + PRINT_PAGE + "/", wait="networkidle")
    assert missing == []
    assert errors == []
    # 검색 색인은 테마 설정의 base에서 찾는다: site_url의 경로가 아니라 이 사이트 안에서 찾아야 한다(로컬, 오프라인)
    config = json.loads(re.search(r'<script id="__config"[^>]*>(.*?)</script>', _print_html(site), re.DOTALL).group(1))
    index = urljoin(base_url + PRINT_PAGE + "/", config["base"] + "/search/search_index.json")
    assert page.request.get(index).status == 200
    assert outside == []
    page.locator(".md-content pre:has(> code) > .md-code__nav").first.wait_for(state="visible")
    # 복사 단추마다 제 코드 블록을 복사한다(모든 페이지를 모은 이 페이지에서는 한 절의 단추가 모두 첫 블록을 가리켰다)
    wrong = page.evaluate(
        """() => [...document.querySelectorAll('.md-content pre > code')].filter(code => {
            const button = code.parentElement.querySelector(':scope > .md-code__nav > [data-md-type=copy]');
            return !button || document.querySelector(button.dataset.clipboardTarget) !== code;
        }).length"""
    )
    assert wrong == 0
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.md-code__nav'].map(s => {
            const el = document.querySelector(s); return el ? getComputedStyle(el).display : 'none'; })"""
    )
    assert hidden == ["none", "none", "none", "none"]  # 탐색 막대, 바닥글, 코드 블록의 복사 단추
    assert page.evaluate("document.querySelector('details .highlight, details p').offsetHeight") > 0
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) > 20
    context.close()
