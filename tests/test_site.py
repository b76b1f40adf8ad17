"""빌드된 사이트(브라우저 없이): 수식, 그림, 본문의 숫자, 노트북, 외부 요청."""

import json
import re
from pathlib import Path
from urllib.parse import unquote

import matplotlib.pyplot as plt
import pytest

from reference_nn import relu, sigmoid, sigmoid_grad, step
from scripts import plotstyle
from tests.htmltext import RAW_TEX, parse

SOURCE_TYPOS = [
    "겅우",
    "뉴련",
    "입력밧",
    "Flase",
    "Recified",
    "신경마의",
    "잇지만",
    "학습이용",
    "전판되",
    "개신한",
    "taget",
    "원할한",
    "완하시",
]


def test_every_nav_page_is_built(pages):
    for page in [
        "index.html",
        "neuron/index.html",
        "step/index.html",
        "sigmoid/index.html",
        "relu/index.html",
        "notebooks/activations/index.html",
        "glossary/index.html",
    ]:
        assert page in pages


def test_no_raw_tex_or_placeholders_in_prose(pages):
    for name, html in pages.items():
        prose = parse(html).prose
        assert not RAW_TEX.search(prose), f"{name}: 렌더링되지 않은 TeX: {RAW_TEX.search(prose).group(0)!r}"
        assert "{{" not in prose, f"{name}: 계산되지 않은 {{{{ 식 }}}}"
        assert "}}" not in prose, f"{name}: 계산되지 않은 {{{{ 식 }}}}"
        assert not re.search(r"--8\s*<\s*--", parse(html).everything), f"{name}: 포함되지 않은 스니펫"


def test_formulas_are_mathml_without_script(pages):
    for name in ["neuron/index.html", "step/index.html", "sigmoid/index.html", "relu/index.html"]:
        html = pages[name]
        assert html.count("<math ") >= 2, name
        assert 'class="arithmatex"' not in html
        assert "mathjax" not in html.lower()
        assert "katex" not in html.lower()


def test_prose_numbers_come_from_the_package(pages):
    sig = parse(pages["sigmoid/index.html"]).prose
    assert f"약 {sigmoid(0.2):.4f}" in sig
    assert f"약 {round(sigmoid(0.2) * 100)}%" in sig
    assert f"{sigmoid(0.2):.2f}" in sig
    assert f"가장 클 때도 {sigmoid_grad(0):g}" in sig
    step_text = parse(pages["step/index.html"]).prose
    assert f"무조건 {step(0.1):g}이" in step_text
    relu_text = parse(pages["relu/index.html"]).prose
    assert f"\u22123을 넣으면 {relu(-3):g}, 2.5를 넣으면 {relu(2.5):g}" in relu_text


#: 본문에서 음수를 하이픈(-)으로 쓴 곳: 글자나 점 뒤가 아닌 하이픈 바로 뒤의 숫자(예: "-0.7414", "x = -3")
HYPHEN_NUMBER = re.compile(r"(?<![\w.)\]])-\s?\d")


def test_prose_uses_the_minus_sign(pages):
    """본문, 표, 그림의 대체 글에서 음수는 빼기 기호(U+2212)로 쓴다. 코드와 그 출력은 Python의 하이픈."""
    assert HYPHEN_NUMBER.search("가중치는 -0.7414입니다")  # 검사가 잡아야 하는 것
    assert not HYPHEN_NUMBER.search("가중치는 \u22120.7414, 0-1 손실, 2-층, 1e-12, W1-W4")
    found = []
    for name, html in pages.items():
        page = parse(html)
        texts = [page.prose, *(img.get("alt", "") for img in page.images)]
        for text in texts:
            found += [f"{name}: {text[max(0, m.start() - 30) : m.end() + 10]!r}" for m in HYPHEN_NUMBER.finditer(text)]
    assert found == []


def test_source_typos_are_fixed(pages):
    for name, html in pages.items():
        for typo in SOURCE_TYPOS:
            assert typo not in parse(html).prose, f"{name}: 원문의 오타 {typo!r}"


def test_no_external_resources(pages):
    for name, html in pages.items():
        for src in parse(html).sources:
            assert not re.match(r"^(https?:)?//", src), f"{name}: 외부 리소스 {src}"
        assert "fonts.googleapis" not in html
        assert "fonts.gstatic" not in html


def test_images_exist_and_have_korean_alt(site, pages):
    for name, html in pages.items():
        page_dir = (site / name).parent
        for img in parse(html).images:
            if not img["src"].startswith("data:"):
                assert (page_dir / img["src"]).resolve().is_file(), f"{name}: 없는 그림 {img['src']}"
            alt = img.get("alt", "")
            assert re.search(r"[가-힣]", alt), f"{name}: 그림 {img['src']}에 한국어 대체 글이 없습니다"
            assert len(alt) >= 15, f"{name}: 그림 {img['src']}의 대체 글이 너무 짧습니다"


_FIGURE_TAG = re.compile(r'<(?:img|source) [^>]*?(?:src|srcset)="(?P<src>[^"]*figures/[^"]+\.webp)"[^>]*>')


def test_figures_declare_their_size(site, pages):
    """빌드가 만든 모든 그림이 어느 페이지에 쓰이고, 그림(<img>와 휴대폰용 <source>)마다 width, height 속성이
    그 파일의 픽셀 크기다: 브라우저가 그림을 받기 전에 자리를 잡아 두어 글이 밀리지 않는다.

    브라우저에서 재는 검사는 test_browser.py의 test_every_page_in_the_browser_fits_holds_still_and_is_readable."""
    from PIL import Image

    checked = set()
    for name, html in pages.items():
        for tag in _FIGURE_TAG.finditer(html):
            with Image.open((site / name).parent / tag["src"]) as image:
                size = image.size
            attrs = dict(re.findall(r'\s(width|height)="(\d+)"', tag.group(0)))
            assert (int(attrs.get("width", 0)), int(attrs.get("height", 0))) == size, f"{name}: {tag.group(0)[:120]}"
            checked.add(Path(tag["src"]).name)
    assert checked == {p.name for p in (site / "figures").iterdir()}  # 모든 그림과 휴대폰용 그림


def test_search_index_is_korean(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "ko" in index["config"]["lang"]
    hits = [d["location"] for d in index["docs"] if "시그모이드" in d["title"]]
    assert hits
    assert hits[0].startswith("sigmoid/")


@pytest.mark.parametrize(
    ("name", "output"),
    [("activations", f"본문의 숫자와 일치합니다: {round(sigmoid(0.2), 4)}"), ("xor", "정확도: 1.0")],
)
def test_notebook_is_executed_and_downloadable(site, pages, name, output):
    html = pages[f"notebooks/{name}/index.html"]
    assert output in html  # 빌드 때 실행된 출력
    assert "data:image/png;base64," in html  # 그래프가 그려졌다
    assert (site / "notebooks" / name / f"{name}.ipynb").is_file()
    assert f'href="{name}.ipynb"' in html
    assert "download" in html


def _page_weight(site, name, html):
    """HTML과 그 페이지의 그림 파일을 더한 바이트 수."""
    page_dir = (site / name).parent
    files = [i["src"] for i in parse(html).images if not i["src"].startswith("data:")]  # data:는 HTML에 이미 들어 있다
    return len(html.encode()) + sum((page_dir / src).resolve().stat().st_size for src in files)


@pytest.mark.parametrize("name", ["activations", "xor"])
def test_notebook_page_is_not_heavier_than_others(site, pages, name):
    others = [_page_weight(site, n, h) for n, h in pages.items() if "notebooks" not in n]
    page = f"notebooks/{name}/index.html"
    assert _page_weight(site, page, pages[page]) <= max(others)
    assert "<style" not in pages[page].split('class="jupyter-wrapper"')[1]


@pytest.mark.parametrize(
    ("family", "title"),
    [(["DejaVu Sans"], "시그모이드"), (None, "$x^{깊이}$")],  # 한글 글꼴 없음 / 수식(mathtext) 안의 한글
)
def test_missing_glyph_fails_the_figure(monkeypatch, family, title):
    plotstyle.setup()
    if family:
        monkeypatch.setitem(plt.rcParams, "font.family", family)
    fig, ax = plt.subplots()
    ax.set_title(title)
    with pytest.raises((UserWarning, RuntimeError), match=r"(?i)glyph"), plotstyle.strict_glyphs():
        plotstyle.save(fig, "/dev/null")
    plt.close(fig)


def test_korean_font_comes_from_pip_package():
    path = plotstyle.korean_font_path()
    assert path.is_file()
    assert "site-packages" in str(path) or "dist-packages" in str(path)


def test_internal_links_and_anchors_resolve(site, pages):
    parsed = {name: parse(html) for name, html in pages.items()}
    checked = 0
    for name, page in parsed.items():
        for href in page.links:
            if re.match(r"^[a-z]+:", href) or href.startswith("//"):
                continue  # 바깥 링크(mailto:, https:)는 여기서 다루지 않는다
            path, _, fragment = href.partition("#")
            target = ((site / name).parent / path).resolve() if path else (site / name)
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{name}: 깨진 링크 {href}"
            key = target.relative_to(site).as_posix()
            if fragment and key in parsed:
                assert unquote(fragment) in parsed[key].ids, f"{name}: 없는 앵커 {href}"
            checked += 1
    assert checked > 50
