"""사이트를 읽는 사람처럼: 실제 브라우저(Debian의 Chromium을 Playwright로)로 모든 페이지를 연다.

Chromium이 없으면 설치 방법을 알려 주며 건너뛴다(브라우저 준비물은 tests/conftest.py).
"""

import re

import pytest

from scripts import pageweight
from tests.htmltext import RAW_TEX

# 화면에 보이는 글자(코드, 수식 제외)를 모으는 스크립트
PROSE_JS = """() => {
  const body = document.querySelector('.md-content').cloneNode(true);
  body.querySelectorAll('pre, code, math, script, style').forEach(e => e.remove());
  return body.innerText;
}"""


def _page_urls(pages):
    return [name.removesuffix("index.html") for name in pages]


def _open(page, url, wait="networkidle"):
    """페이지를 열고, 그동안의 콘솔 오류와 바깥 요청을 모은다(바깥 요청 검사는 networkidle까지 기다린다)."""
    errors, outside = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1:", "data:", "blob:")) else None,
    )
    page.goto(url, wait_until=wait)
    return errors, outside


def test_every_page_in_the_browser(page, base_url, pages):
    for path in _page_urls(pages):
        errors, outside = _open(page, base_url + path)
        assert errors == [], f"{path}: 콘솔 오류 {errors}"
        assert outside == [], f"{path}: 바깥 호스트 요청 {outside}"
        images = page.evaluate(
            "() => [...document.querySelectorAll('.md-content img')]"
            ".map(i => [i.src.slice(0, 80), i.naturalWidth, i.alt])"
        )
        for src, width, alt in images:
            assert width > 0, f"{path}: 그림이 로드되지 않았습니다: {src}"
            assert re.search(r"[가-힣]", alt), f"{path}: 한국어 대체 글이 없는 그림: {src}"
        prose = page.evaluate(PROSE_JS)
        match = RAW_TEX.search(prose)
        assert match is None, f"{path}: 화면에 TeX가 보입니다: {match.group(0) if match else ''}"


def test_formulas_render_as_math(page, base_url):
    _open(page, base_url + "sigmoid/")
    boxes = page.evaluate(
        "() => [...document.querySelectorAll('.md-content math')]"
        ".filter(m => m.closest('details:not([open])') === null)"
        ".map(m => m.getBoundingClientRect().height)"
    )
    assert boxes, "보이는 수식이 없습니다"
    assert all(h > 0 for h in boxes)
    # 분수(mfrac)는 한 줄보다 높게 그려진다: MathML이 실제로 조판되었다는 뜻
    frac_height = page.evaluate(
        "() => document.querySelector('.md-content div.math math').getBoundingClientRect().height"
    )
    line_height = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.md-content p')).fontSize)")
    assert frac_height > 1.5 * line_height


@pytest.mark.parametrize(
    ("query", "expected"),
    [("시그모이드", "sigmoid/"), ("역전파", "backprop/"), ("가중치", "neuron/")],
)
def test_korean_search(page, base_url, query, expected):
    _open(page, base_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.getAttribute('href'))")
    if expected == "neuron/":
        assert any(expected in h for h in hrefs), hrefs
    else:
        assert expected in hrefs[0], hrefs


def test_palette_toggle(page, base_url):
    _open(page, base_url)
    before = page.get_attribute("body", "data-md-color-scheme")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    after = page.get_attribute("body", "data-md-color-scheme")
    assert {before, after} == {"default", "slate"}


def test_folded_admonitions_open(page, base_url):
    _open(page, base_url + "sigmoid/")
    details = page.locator(".md-content details").first
    assert details.get_attribute("open") is None
    assert not details.locator("p").first.is_visible()
    details.locator("summary").click()
    assert details.get_attribute("open") is not None
    assert details.locator("p").first.is_visible()


def test_accessibility_with_axe(page, base_url, pages):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems = []
    for path in _page_urls(pages):
        _open(page, base_url + path, wait="load")
        result = axe.run(page)
        for v in result.response["violations"]:
            if v["impact"] in ("serious", "critical"):
                targets = [n["target"] for n in v["nodes"]][:3]
                problems.append(f"{path}: {v['id']} ({v['impact']}) {targets}")
    assert problems == [], "\n".join(problems)


def test_page_weight_within_budget(browser, base_url, site, pages, tmp_path):
    """모든 페이지(노트북 포함)의 전송 바이트가 같은 글과 그림의 기본 Material 페이지의 1.25배 이내."""
    plain = pageweight.build_plain_site(site, tmp_path / "plain")
    paths = _page_urls(pages)
    ours = pageweight.transfer_bytes(browser, base_url, paths)
    with pageweight.serve(plain) as plain_url:
        reference = pageweight.transfer_bytes(browser, plain_url, paths)
    rows = [(p or "/", ours[p], reference[p], ours[p] / reference[p]) for p in paths]
    table = "\n".join(f"{p:28} {o:>9,} {r:>9,} {x:5.2f}" for p, o, r, x in rows)
    assert all(x <= 1.25 for *_, x in rows), f"페이지 무게(우리, 기준, 비율):\n{table}"


def test_no_render_blocking_script(page, base_url):
    _open(page, base_url + "backprop/")
    blocking = page.evaluate(
        "() => [...document.head.querySelectorAll('script[src]')].filter(s => !s.async && !s.defer).map(s => s.src)"
    )
    assert blocking == []


#: 불러오는 동안 생긴 레이아웃 이동(layout shift: 화면 안의 글이 밀린 것)을 모은다. Lighthouse의 CLS가 쓰는 것과 같은
#: layout-shift 항목이지만, CLS처럼 가장 나쁜 구간만 보지 않고 load 뒤 두 프레임까지를 모두 더한다.
RECORD_SHIFTS_JS = """window.nnShifts = [];
new PerformanceObserver(list => list.getEntries().forEach(e => window.nnShifts.push(
  [Math.round(e.value * 1000) / 1000, e.sources.map(s => s.node ? s.node.nodeName + '#' + s.node.id : '?')]
))).observe({type: 'layout-shift', buffered: true});"""
#: 한 페이지의 레이아웃 이동 합의 상한: web.dev가 '좋음'으로 치는 0.1의 절반. 남는 것은 1280 px에서 첫 화면
#: 아래 끝에 대화형 요소가 나타날 때(0.011)다.
MAX_LAYOUT_SHIFT = 0.05
TWO_FRAMES_JS = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
#: {여는 폭: (창 높이, 연 뒤 창을 줄여 옆으로 넘치는지만 더 보는 폭)}. 높이는 휴대폰(390x844)과, Lighthouse
#: 데스크톱(940)보다 큰 모니터(1280x1024): 첫 화면이 클수록 content-visibility로 미루는 상자가 들 수 있다.
SCREENS = {390: (844, 360), 1280: (1024, 768)}


@pytest.mark.parametrize("width", list(SCREENS))
def test_every_page_fits_holds_still_and_has_readable_figures(browser, base_url, pages, site, width):
    """모든 페이지를 휴대폰 폭(390 px)과 넓은 폭(1280 px)에서 한 번씩 열어 세 가지를 본다.

    1. 옆으로 넘치지 않는다: 코드, 표, 수식은 자기 상자 안에서만 가로로 스크롤한다. 연 폭과, 창을 바꾼
       360 px, 768 px에서 document.documentElement.scrollWidth <= innerWidth.
    2. 불러오는 동안 글이 밀리지 않는다(Lighthouse의 CLS): 첫 화면을 그림 없이 그릴 때까지 그림 응답을 붙잡아
       둔다(느린 휴대폰 망처럼). 그림의 width, height 속성이 자리를 잡아 두고, 첫 화면의 상자는
       content-visibility로 미루지 않는다. 그림이 있는 페이지는 그림 응답을 실제로 붙잡았어야 한다.
    3. 모든 그림의 가장 작은 글자가 화면에서 11 CSS px 이상이다(그림이 본문 폭에 맞게 줄어든 뒤). 좁은 화면에서는
       <picture>가 고른 휴대폰용 그림(이름-narrow.webp)을 잰다. 그림마다 가장 작은 글자의 크기(저장한 그림의
       픽셀)는 빌드가 그림과 함께 캐시에 남긴다(figures.text_sizes).
    """
    from scripts import cachekey, figures

    sizes = figures.text_sizes(cachekey.CACHE / "figures")
    height, narrower = SCREENS[width]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="ko-KR")
    context.add_init_script(RECORD_SHIFTS_JS)
    page = context.new_page()
    held, holding = [], [True]
    page.route("**/figures/*", lambda route: held.append(route) if holding[0] else route.continue_())
    wide, moved, small, seen, not_held = [], {}, {}, set(), []
    for path in _page_urls(pages):
        holding[0] = True
        page.goto(base_url + path, wait_until="domcontentloaded")
        page.evaluate(TWO_FRAMES_JS)  # 그림 없이 첫 화면을 그린다
        holding[0] = False  # 이제 보낸다(붙잡아 둔 것과, 늦게 요청되는 것도)
        was_held = len(held)
        while held:
            held.pop().continue_()
        page.wait_for_load_state("load")
        page.evaluate(TWO_FRAMES_JS)
        shifts = page.evaluate("window.nnShifts")
        if sum(value for value, _ in shifts) > MAX_LAYOUT_SHIFT:
            moved[path or "/"] = shifts
        for w in (width, narrower):
            page.set_viewport_size({"width": w, "height": height})
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > w:
                wide.append(f"{path or '/'} {w} px: {scroll} px")
        page.set_viewport_size({"width": width, "height": height})  # 그림 글자는 연 폭에서 잰다
        shown = pageweight.figure_text_px(page, sizes)  # 접힌 상자를 펼치므로 마지막에
        if shown and not was_held:
            not_held.append(path or "/")
        for name, px in shown:
            seen.add(name)
            if px < 11:
                small[name] = px
    context.close()
    assert not_held == [], f"그림 응답을 붙잡지 못한 페이지(검사 2가 빈 검사가 됨): {not_held}"
    problems = {"옆으로 넘침": wide, "불러오는 동안 움직임([값, 움직인 요소])": moved, "11 px 미만인 그림 글자": small}
    found = {kind: what for kind, what in problems.items() if what}
    assert found == {}, f"{width} px: {found}"
    suffix = figures.NARROW_SUFFIX + ".webp"
    wide_figures = {n for n in sizes if not n.endswith(suffix)}
    if width > 600:
        assert seen == wide_figures  # 모든 그림을 넓은 그림으로 보았다
    else:
        narrow = {n.replace(suffix, ".webp") for n in sizes if n.endswith(suffix)}
        assert seen == (wide_figures - narrow) | {n.replace(".webp", suffix) for n in narrow}
    assert all((site / "figures" / name).is_file() for name in seen)
