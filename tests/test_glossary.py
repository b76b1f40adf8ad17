"""용어집: 페이지가 굵게 쓴 말은 모두 용어집에 있고, 처음 굵게 쓴 곳에 영어 용어가 따르며,
용어집의 '처음 나오는 곳' 링크는 바로 그 절로 간다."""

import re
from html.parser import HTMLParser

import pytest
from mkdocs.config import load_config

from tests.conftest import ROOT

GLOSSARY = ROOT / "docs" / "glossary.md"
ROW = re.compile(r"^\| (?P<ko>[^|]+) \| (?P<en>[^|]+) \| (?P<meaning>[^|]+) \| \[[^\]]+\]\((?P<link>[^)]+)\) \|$")


def glossary_rows():
    """[(한국어 이름들, 영어, 페이지 파일, 앵커)]: 한국어 칸은 쉼표로 나눈 같은 뜻의 이름들."""
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match and match["ko"] != "한국어":
            page, _, anchor = match["link"].partition("#")
            names = [n.strip() for n in match["ko"].split(",")]
            rows.append((names, match["en"].strip(), page, anchor))
    return rows


def nav_files():
    """사이트를 읽는 순서(nav)대로 원본 파일 이름."""
    files, stack = [], list(reversed(load_config(str(ROOT / "mkdocs.yml"))["nav"]))
    while stack:
        item = stack.pop()
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            stack.extend(reversed(value))
        else:
            files.append(value)
    return files


def html_path(src):
    """neuron.md -> neuron/index.html, index.md -> index.html, notebooks/xor.ipynb -> notebooks/xor/index.html."""
    stem = src.rsplit(".", 1)[0]
    return "index.html" if stem == "index" else f"{stem}/index.html"


class BoldFinder(HTMLParser):
    """본문(article) 안의 굵은 글씨마다 (글자, 바로 뒤 글자, 그 앞의 가장 가까운 앵커)를 모은다."""

    ANCHORS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "div"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bold, self.ids = [], set()
        self._article = 0
        self._anchor = None
        self._strong = None
        self._after = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self._article += 1
        if not self._article:
            return
        if a.get("id"):
            self.ids.add(a["id"])
            if tag in self.ANCHORS:
                self._anchor = a["id"]
        if tag in ("strong", "b"):
            self._strong = []

    def handle_endtag(self, tag):
        if tag == "article" and self._article:
            self._article -= 1
        if tag in ("strong", "b") and self._strong is not None:
            record = ["".join(self._strong).strip(), "", self._anchor]
            self.bold.append(record)
            self._strong, self._after = None, record

    def handle_data(self, data):
        if not self._article:
            return
        if self._strong is not None:
            self._strong.append(data)
        elif self._after is not None:
            self._after[1] += data
            if len(self._after[1]) > 60:
                self._after = None


def bold_uses(pages):
    """nav 순서대로 [(페이지 파일, 굵은 글자, 뒤따르는 글자, 앵커)] (용어집 페이지 제외)."""
    uses = []
    for src in nav_files():
        if src == "glossary.md":
            continue
        finder = BoldFinder()
        finder.feed(pages[html_path(src)])
        uses += [(src, text, after, anchor) for text, after, anchor in finder.bold]
    return uses


def first_uses(pages):
    firsts = {}
    for src, text, after, anchor in bold_uses(pages):
        firsts.setdefault(text, (src, after, anchor))
    return firsts


def test_glossary_has_one_row_per_concept():
    rows = glossary_rows()
    assert len(rows) >= 50
    names = [n for row in rows for n in row[0]]
    assert len(names) == len(set(names)), "두 줄에 같은 이름이 있습니다"
    for term in [
        "경사 하강법",
        "도함수",
        "이진 교차 엔트로피",
        "평균 제곱 오차",
        "수치 미분",
        "정확도",
        "시드",
        "초기화",
    ]:
        assert term in names, term
    assert "항등 함수" in names


def test_every_bold_term_is_in_the_glossary(pages):
    names = {n for row in glossary_rows() for n in row[0]}
    unknown = sorted({f"{src}: {text}" for src, text, _, _ in bold_uses(pages) if text not in names})
    assert unknown == [], "용어집에 없는 굵은 글씨:\n" + "\n".join(unknown)


def test_first_bold_use_is_followed_by_the_english_term(pages):
    english = {n: row[1] for row in glossary_rows() for n in row[0]}
    problems = []
    for text, (src, after, _) in first_uses(pages).items():
        if text not in english:
            continue  # 위 테스트가 알린다
        paren = re.match(r"\s*\(([^)]*)\)", after)
        latin = re.findall(r"[A-Za-z][A-Za-z' -]*[A-Za-z]", paren[1]) if paren else []
        if not any(word.lower() in english[text].lower() for word in latin):
            problems.append(f"{src}: **{text}** 뒤에 영어 용어({english[text]})가 괄호로 오지 않습니다: {after[:30]!r}")
    assert problems == [], "\n".join(problems)


def test_glossary_links_point_to_the_first_bold_use(pages):
    firsts = first_uses(pages)
    problems = []
    for names, _, page, anchor in glossary_rows():
        uses = [(nav_files().index(firsts[n][0]), firsts[n]) for n in names if n in firsts]
        if not uses:
            problems.append(f"{names[0]}: 어느 페이지에서도 굵게 소개되지 않았습니다")
            continue
        _, (src, _, first_anchor) = min(uses, key=lambda u: u[0])
        if (page, anchor) != (src, first_anchor):
            problems.append(f"{names[0]}: 용어집 링크 {page}#{anchor}, 처음 굵게 쓴 곳 {src}#{first_anchor}")
    assert problems == [], "\n".join(problems)


def test_glossary_link_lands_on_a_page_that_contains_the_term(pages):
    for names, _, page, anchor in glossary_rows():
        finder = BoldFinder()
        html = pages[html_path(page)]
        finder.feed(html)
        assert anchor in finder.ids, f"{names[0]}: {page}에 앵커 #{anchor}가 없습니다"
        assert any(n in html for n in names), f"{names[0]}: {page}에 이 용어가 없습니다"


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        ('<article><h2 id="a">A</h2><p><strong>기울기</strong> 는</p></article>', "영어"),
        ('<article><h2 id="a">A</h2><p><strong>아무 말</strong>(anything)</p></article>', "용어집에 없는"),
    ],
)
def test_the_checks_can_fail(html, problem):
    """검사가 실제로 잡는지: 영어가 빠진 첫 사용, 용어집에 없는 굵은 글씨."""
    pages = {html_path(src): "<article></article>" for src in nav_files()}
    pages["neuron/index.html"] = html
    check = (
        test_first_bold_use_is_followed_by_the_english_term
        if problem == "영어"
        else test_every_bold_term_is_in_the_glossary
    )
    with pytest.raises(AssertionError, match=problem):
        check(pages)
