"""사이트를 읽는 사람처럼: 실제 브라우저(Debian의 Chromium을 Playwright로)로 모든 페이지를 연다.

Chromium이 없으면 설치 방법을 알려 주며 건너뛴다(브라우저 준비물은 tests/conftest.py).
"""

import re
import time

import pytest

from scripts import pageweight
from tests.htmltext import RAW_TEX
from tests.test_widgets import TWO_FRAMES_JS, axe_problems, show_widget

# 화면에 보이는 글자(코드, 수식 제외)를 모으는 스크립트
PROSE_JS = """() => {
  const body = document.querySelector('.md-content').cloneNode(true);
  body.querySelectorAll('pre, code, math, script, style').forEach(e => e.remove());
  return body.innerText;
}"""


def _page_urls(pages):
    return [name.removesuffix("index.html") for name in pages]


#: 이 사이트 자신(테스트 서버)에서 오는 주소. 다른 주소로 가는 요청은 '바깥 요청'이다.
LOCAL = ("http://127.0.0.1:", "data:", "blob:")


def _watch(page):
    """이제부터 page의 콘솔 오류와 바깥 요청을 모을 두 목록 (errors, outside)."""
    errors, outside = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith(LOCAL) else outside.append(r.url))
    return errors, outside


def _open(page, url, wait="load"):
    """페이지를 열고, 그동안의 콘솔 오류와 바깥 요청을 모은다(늦은 요청까지 보려면 wait="networkidle")."""
    errors, outside = _watch(page)
    page.goto(url, wait_until=wait)
    return errors, outside


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


@pytest.mark.parametrize("path", ["backprop/", "notebooks/xor/"])
def test_every_code_block_has_a_copy_button_that_copies_it(page, base_url, path):
    """코드 블록마다(노트북의 입력 셀도) 복사 단추가 있고, 누르면 그 코드가 복사된다. 노트북의 셀은 빌드가 <code>로
    감싸야 Material이 코드 블록으로 보고, 셀의 id("cell-id=...")를 고쳐야 복사할 코드를 찾는다(scripts/hooks.py)."""
    _open(page, base_url + path)
    blocks = page.locator(".md-content pre:has(> code)")
    assert blocks.count() >= 5
    last = blocks.nth(blocks.count() - 1)
    copy = "> .md-code__nav > .md-code__button[data-md-type=copy]"
    page.evaluate("document.querySelectorAll('.md-content details').forEach(d => d.open = true)")  # 접힌 상자 속 코드도
    for i in range(blocks.count()):
        blocks.nth(i).scroll_into_view_if_needed()
        blocks.nth(i).locator(copy).wait_for(state="attached", timeout=5000)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    last.hover()
    last.locator(copy).click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == last.locator("> code").inner_text().strip()


def test_code_blocks_are_ready_when_the_page_opens():
    """Material의 content.lazy(코드 블록을 보일 때 준비)는 켜지 않는다: 빌드가 코드 블록에 둔 tabindex를 Material이
    준비하며 떼므로, Tab으로 화면 밖의 블록에 가면 초점이 문서(body)로 떨어졌다(역전파 페이지에서 재현)."""
    from mkdocs.config import load_config

    from tests.conftest import ROOT

    assert "content.lazy" not in load_config(str(ROOT / "mkdocs.yml"))["theme"]["features"]


def test_folded_admonitions_open(page, base_url):
    _open(page, base_url + "sigmoid/")
    details = page.locator(".md-content details").first
    assert details.get_attribute("open") is None
    assert not details.locator("p").first.is_visible()
    details.locator("summary").click()
    assert details.get_attribute("open") is not None
    assert details.locator("p").first.is_visible()


#: 화면 밖이라 content-visibility: auto로 미룬 상자(extra.css)도 모두 그린다. 미룬 상자는 넘치는 것을 잘라
#: 버려(paint containment) 문서 폭에 드러나지 않고(읽는 사람에게는 글이 잘려 보인다), axe는 그 안의 글자 대비
#: 일부를 판단하지 못한다(incomplete). 그래서 검사는 모든 상자를 그린 상태(읽는 사람이 스크롤하며 보게 될
#: 상태)를 본다.
DRAW_ALL_CSS = "* { content-visibility: visible !important; }"


@pytest.mark.slow(27)
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
#: {여는 폭: (창 높이, 연 뒤 창을 줄여 옆으로 넘치는지만 더 보는 폭)}. 높이는 휴대폰(390x844)과, Lighthouse
#: 데스크톱(940)보다 큰 모니터(1280x1024): 첫 화면이 클수록 content-visibility로 미루는 상자가 들 수 있다.
SCREENS = {390: (844, 360), 1280: (1024, 768)}
#: axe는 이 폭으로 연 페이지에서 돌린다(휴대폰 폭에서는 tests/test_widgets.py가 대화형 요소를 axe로 본다)
AXE_WIDTH = 1280
#: [문서 폭, 본문 칸(.md-content) 밖으로 나간 대화형 요소, 내용이 넘치는 표 칸, 줄여 보인 노트북 그림].
#: 표 칸: 칸 안의 수식이나 코드가 옆 칸의 글 위로 넘치면 문서 폭은 그대로라 따로 본다. 노트북 그림(matplotlib 기본
#: 글자 10 pt, 100 dpi에서 약 14 px)은 줄이지 않는다: 본래 크기로 보이고, 768 px 이상에서는 본문 칸 안에 든다
#: (휴대폰에서는 칸 안에서 스크롤).
FITS_JS = """() => {
  const column = document.querySelector('.md-content').getBoundingClientRect();
  const outside = el => {
    const box = el.getBoundingClientRect();
    return box.left < column.left - 1 || box.right > column.right + 1;
  };
  const widgets = [...document.querySelectorAll('.nn-widget:not([hidden])')].filter(outside);
  const cells = [...document.querySelectorAll('.md-content :is(td, th)')]
    .filter(c => c.scrollWidth > c.clientWidth + 1);
  const images = [...document.querySelectorAll('.jp-OutputArea-output img')].filter(i =>
    i.getBoundingClientRect().width < i.naturalWidth - 1 || (innerWidth >= 768 && outside(i)));
  return [document.documentElement.scrollWidth, widgets.length, cells.map(c => c.textContent.trim().slice(0, 30)),
          images.map(i => [i.naturalWidth, Math.round(i.getBoundingClientRect().width)])];
}"""


@pytest.mark.parametrize(
    "width", [pytest.param(w, marks=pytest.mark.slow(45 if w == AXE_WIDTH else 18)) for w in SCREENS]
)
def test_every_page_in_the_browser_fits_holds_still_and_is_readable(browser, base_url, pages, site, width):
    """모든 페이지를 휴대폰 폭(390 px)과 넓은 폭(1280 px)에서 한 번씩 열어 본다(폭마다 한 번 열어 모두 재어,
    페이지를 여는 횟수를 줄인다. 이 머신에서 페이지를 한 번 여는 데 약 1 CPU-s가 든다).

    1. 콘솔 오류가 없고, 바깥 호스트에 아무것도 요청하지 않는다(창 크기를 바꾸고 접힌 상자를 펼치고 대화형 요소를
       만드는 동안과, 그 뒤 네트워크가 0.5초 조용해질 때까지). 그림이 모두 로드되고 한국어 대체 글이 있으며, 화면에
       TeX가 보이지 않는다.
    2. 옆으로 넘치지 않는다: 코드, 표, 수식은 자기 상자 안에서만 가로로 스크롤한다. 연 폭과, 창을 바꾼
       360 px, 768 px에서 document.documentElement.scrollWidth <= innerWidth. 화면 밖의 상자도 모두 그려서
       잰다(DRAW_ALL_CSS). 대화형 요소가 있는 페이지는 그 요소를 만든 뒤에 재고, 요소가 본문 칸 안에 든다.
       표 칸의 내용(수식, 코드)이 칸 밖으로 넘치지 않는다.
    3. 불러오는 동안 글이 밀리지 않는다(Lighthouse의 CLS): 첫 화면을 그림 없이 그릴 때까지 그림 응답을 붙잡아
       둔다(느린 휴대폰 망처럼). 그림의 width, height 속성이 자리를 잡아 두고, 첫 화면의 상자는
       content-visibility로 미루지 않는다. 그림이 있는 페이지는 그림 응답을 실제로 붙잡았어야 한다.
    4. 모든 그림의 가장 작은 글자가 화면에서 11 CSS px 이상이다(그림이 본문 폭에 맞게 줄어든 뒤). 좁은 화면에서는
       <picture>가 고른 휴대폰용 그림(이름-narrow.webp)을 잰다. 그림마다 가장 작은 글자의 크기(저장한 그림의
       픽셀)는 빌드가 그림과 함께 캐시에 남긴다(figures.text_sizes). 노트북이 그린 그림은 줄이지 않고 본래 크기로
       보인다(FITS_JS).
    5. 넓은 폭(AXE_WIDTH)에서는 위의 검사를 마친 페이지를, 화면이 멈춘 뒤(test_widgets.axe_problems) axe로
       검사한다: 심각, 치명적 위반이 없다. 이때 페이지는 화면 밖의 상자까지 모두 그렸고(DRAW_ALL_CSS), 접힌 상자를
       펼쳤고, 대화형 요소를 만들었다: 읽는 사람이 볼 수 있는 모든 것을 본다.
    """
    from scripts import cachekey, figures

    sizes = figures.text_sizes(cachekey.CACHE / "figures")
    height, narrower = SCREENS[width]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="ko-KR")
    context.add_init_script(RECORD_SHIFTS_JS)
    page = context.new_page()
    errors, outside = _watch(page)
    held, holding = [], [True]
    page.route("**/figures/*", lambda route: held.append(route) if holding[0] else route.continue_())
    broken, wide, moved, small, seen, not_held, widgets, inaccessible = [], [], {}, {}, set(), [], set(), []
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
        broken += [f"{path or '/'}: {problem}" for problem in _content_problems(page)]
        if page.locator(".nn-widget").count():
            widgets.add(path)
            show_widget(page)
        page.add_style_tag(content=DRAW_ALL_CSS)  # 미룬 상자가 잘라 버린 넘침도 문서 폭에 드러나게
        for w in (width, narrower):
            page.set_viewport_size({"width": w, "height": height})
            scroll, outside_column, cells, images = page.evaluate(FITS_JS)
            if scroll > w or outside_column or cells or images:
                wide.append(
                    f"{path or '/'} {w} px: 문서 폭 {scroll} px, 본문 칸 밖의 대화형 요소 {outside_column}, "
                    f"내용이 넘치는 표 칸 {cells}, 줄였거나 칸 밖인 노트북 그림(본래 폭, 보인 폭) {images}"
                )
        page.set_viewport_size({"width": width, "height": height})  # 그림 글자는 연 폭에서 잰다
        shown = pageweight.figure_text_px(page, sizes)  # 접힌 상자를 펼치므로 마지막에
        if shown and not was_held:
            not_held.append(path or "/")
        for name, px in shown:
            seen.add(name)
            if px < 11:
                small[name] = px
        if width == AXE_WIDTH:
            inaccessible += [f"{path or '/'}: {problem}" for problem in axe_problems(page)]
        page.wait_for_load_state("networkidle")  # 늦게 나가는 요청과 오류도 이 페이지의 것으로(이미 조용하면 바로)
        if errors or outside:
            broken.append(f"{path or '/'}: 콘솔 오류 {errors}, 바깥 호스트 요청 {outside}")
            errors.clear()
            outside.clear()
    page.goto("about:blank")  # 마지막 페이지가 떠나기 전까지 한 것도 센다
    if errors or outside:
        broken.append(f"{path or '/'}: 떠나기 전 콘솔 오류 {errors}, 바깥 호스트 요청 {outside}")
    context.close()
    problems = {
        "그림 응답을 붙잡지 못한 페이지(검사 3이 빈 검사가 됨)": not_held,
        "콘솔 오류, 바깥 요청, 그림, 대체 글, TeX": broken,
        "옆으로 넘침": wide,
        "불러오는 동안 움직임([값, 움직인 요소])": moved,
        "11 px 미만인 그림 글자": small,
        "axe의 심각, 치명적 위반": inaccessible,
    }
    found = {kind: what for kind, what in problems.items() if what}
    assert found == {}, f"{width} px:\n" + "\n".join(f"{kind}: {what}" for kind, what in found.items())
    assert widgets == {name.removesuffix("index.html") for name, html in pages.items() if 'class="nn-widget"' in html}
    assert widgets  # 대화형 요소를 실제로 만들어 재었다
    suffix = figures.NARROW_SUFFIX + ".webp"
    wide_figures = {n for n in sizes if not n.endswith(suffix)}
    if width > 600:
        assert seen == wide_figures  # 모든 그림을 넓은 그림으로 보았다
    else:
        narrow = {n.replace(suffix, ".webp") for n in sizes if n.endswith(suffix)}
        assert seen == (wide_figures - narrow) | {n.replace(".webp", suffix) for n in narrow}
    assert all((site / "figures" / name).is_file() for name in seen)


def _content_problems(page):
    """열린 페이지의 본문에서: 로드되지 않은 그림, 한국어 대체 글이 없는 그림, 화면에 보이는 TeX."""
    problems = []
    images = page.evaluate(
        "() => [...document.querySelectorAll('.md-content img')].map(i => [i.src.slice(0, 80), i.naturalWidth, i.alt])"
    )
    for src, natural, alt in images:
        if natural == 0:
            problems.append(f"그림이 로드되지 않았습니다: {src}")
        if not re.search(r"[가-힣]", alt):
            problems.append(f"한국어 대체 글이 없는 그림: {src}")
    match = RAW_TEX.search(page.evaluate(PROSE_JS))
    if match:
        problems.append(f"화면에 TeX가 보입니다: {match.group(0)}")
    return problems


def _popups(browser):
    """브라우저에 떠 있는 보이지 않는 주소창 팝업(CDP의 browser_ui 대상)의 주소들."""
    session = browser.new_browser_cdp_session()
    try:
        targets = session.send("Target.getTargets", {"filter": [{}]})["targetInfos"]
    finally:
        session.detach()
    return [t["url"] for t in targets if t["url"].startswith("chrome://omnibox-popup")]


def _open_window(browser):
    context = browser.new_context()
    context.new_page().goto("about:blank")
    return context


def test_browser_keeps_playwright_settings_and_skips_the_hidden_popup(browser):
    """테스트의 브라우저(pageweight.launch_chromium)는 Playwright가 끄는 기능을 모두 끈 채로, 새 창마다 미리
    뜨는 보이지 않는 주소창 팝업도 끈다. --disable-features는 마지막 것만 쓰이므로 그냥 더하면 Playwright의 목록이
    사라진다. 기능 이름이 바뀌어 팝업이 다시 뜨는지도 본다: 기본 브라우저에서 팝업이 뜨기까지 걸린 시간의 두 배를
    기다려도 우리 브라우저에는 없다."""
    default = browser.browser_type.launch(executable_path=pageweight.chromium_path(), args=pageweight.CHROMIUM_ARGS)
    try:
        playwright_own = set(pageweight.disabled_features(default))
        context, start = _open_window(default), time.monotonic()
        while not _popups(default) and time.monotonic() - start < 15:
            time.sleep(0.2)
        waited = time.monotonic() - start
        default_popups = _popups(default)
        context.close()
    finally:
        default.close()
    ours = set(pageweight.disabled_features(browser))
    assert "HttpsUpgrades" in playwright_own, f"Playwright의 목록을 못 읽었습니다: {playwright_own}"
    assert playwright_own <= ours, f"Playwright가 끈 기능이 다시 켜졌습니다: {sorted(playwright_own - ours)}"
    assert set(pageweight.HIDDEN_POPUP_FEATURES) <= ours
    if not default_popups:
        pytest.skip("이 Chromium은 기본으로도 주소창 팝업을 띄우지 않습니다(HIDDEN_POPUP_FEATURES가 필요 없을 수 있음)")
    context = _open_window(browser)
    time.sleep(max(2 * waited, 1.0))
    assert _popups(browser) == [], "기능을 껐는데도 주소창 팝업이 떴습니다: 기능 이름이 바뀌었는지 보세요"
    context.close()


def test_a_formula_wider_than_the_phone_shows_a_shadow_where_it_continues(browser, base_url):
    """휴대폰에서 옆으로 스크롤하는 수식은 가려진 쪽 가장자리에 그림자가 있다(스크롤 그림자, extra.css; 밝은 테마에서는
    어둡게, 어두운 테마에서는 밝게 배경과 다르다): 처음에는 오른쪽만, 끝까지 스크롤하면 왼쪽만. 그림자가 없으면 식이
    화면 끝에서 잘린 것처럼 보였다."""
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
        page = context.new_page()
        _open(page, base_url + "backprop/")
        page.add_style_tag(content=DRAW_ALL_CSS)
        wide = page.locator("div.math").evaluate_all(
            "ms => ms.map((m, i) => [i, m.scrollWidth - m.clientWidth]).filter(([, extra]) => extra > 40)"
        )
        assert wide, "390 px에서 옆으로 넘치는 수식이 없다(검사가 빈 검사가 됨)"
        formula = page.locator("div.math").nth(wide[0][0])
        formula.scroll_into_view_if_needed()
        edges = []
        for scroll in ("0", "el.scrollWidth"):
            formula.evaluate(f"el => {{ el.scrollLeft = {scroll}; }}")
            page.evaluate(TWO_FRAMES_JS)
            edges.append(_edge_shadow(formula.screenshot()))
        context.close()
        (left0, right0), (left1, right1) = edges
        assert right0 > left0 + 8, f"{scheme}: 처음에 오른쪽에만 그림자가 있지 않다(왼쪽, 오른쪽) {edges}"
        assert left1 > right1 + 8, f"{scheme}: 끝까지 스크롤한 뒤 왼쪽에만 그림자가 있지 않다(왼쪽, 오른쪽) {edges}"


def _edge_shadow(png):
    """요소 스크린숏의 왼쪽과 오른쪽 끝 3 px 세로 띠가 배경(가장 흔한 밝기)에서 벗어난 정도(0~255). 줄마다 평균을 내고
    그 중앙값을 쓴다: 그림자는 모든 줄을 어둡게 하고, 가장자리에 걸린 식의 글자는 몇 줄만 바꾼다."""
    import io
    import statistics

    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("L")
    w, h = image.size
    histogram = image.histogram()
    background = histogram.index(max(histogram))

    def strip(x0):
        return statistics.median(
            sum(abs(image.getpixel((x, y)) - background) for x in range(x0, x0 + 3)) / 3 for y in range(h)
        )

    return strip(0), strip(w - 3)


def test_glossary_is_one_card_per_term_on_a_phone_and_still_a_table(browser, base_url):
    """휴대폰(390 px)에서 용어집은 줄마다 카드 하나다: 칸마다 카드의 폭 전체를 쓴다(네 열로 나누면 낱말이 중간에서
    끊겼다). 보조 기술에는 그대로 표다: 열 머리 넷과 줄마다 칸 넷(화면 밖이라 미룬 카드도), 칸마다 role="cell"."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    _open(page, base_url + "glossary/")
    narrow = page.evaluate(
        """() => {
          const inner = tr => {  // 줄(카드)의 안쪽 폭
            const s = getComputedStyle(tr);
            return tr.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
          };
          return [...document.querySelectorAll('.nn-glossary td')].filter(
            td => td.getBoundingClientRect().width < inner(td.parentElement) - 1).length;
        }"""
    )
    snapshot = page.locator(".nn-glossary").aria_snapshot()
    rows = page.locator(".nn-glossary tbody tr").count()
    roles = page.locator('.nn-glossary td[role="cell"]').count()  # display를 바꾸면 표로 알리지 않는 브라우저(Safari)
    context.close()
    assert narrow == 0, f"카드 폭보다 좁은 칸 {narrow}개"
    assert snapshot.startswith("- table"), snapshot[:200]
    assert snapshot.count("- columnheader ") == 4
    assert roles == 4 * rows
    assert rows > 50
    assert len(re.findall(r"^\s*- '?cell\b", snapshot, re.MULTILINE)) == 4 * rows  # 이름에 따옴표가 있으면 'cell ...'
