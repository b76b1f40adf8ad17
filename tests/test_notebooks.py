"""노트북의 글: Markdown 셀의 소수는 계산되었거나 검사되고, 직접 바꿔 보기 과제가 있고, 빌드용 셀은 사이트에 없다."""

import json
import re

import pytest

NOTEBOOKS = ["activations", "xor", "digits"]
DECIMAL = re.compile(r"(?<![\w.])\d+\.\d+(?![\d.])")
CODE_SPAN = re.compile(r"`[^`]*`")


def _executed(site, name):
    """빌드가 실행해 사이트에 올린(내려받기용) 노트북."""
    return json.loads((site / "notebooks" / name / f"{name}.ipynb").read_text(encoding="utf-8"))


def _text(cell):
    return "".join(cell["source"])


def _appears(number, text):
    return re.search(rf"(?<![\d.]){re.escape(number)}(?!\d)", text) is not None


def decimals_not_backed(nb):
    """Markdown 셀(직접 바꿔 보기 제외)의 소수 중, 실행 출력에도 assert 줄에도 나오지 않는 것."""
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    outputs = "\n".join("".join(o.get("text", "")) for c in code for o in c["outputs"])
    asserts = "\n".join(line for c in code for line in _text(c).splitlines() if line.strip().startswith("assert"))
    checked, missing = 0, []
    for cell in nb["cells"]:
        text = _text(cell)
        if cell["cell_type"] != "markdown" or text.startswith("## 직접 바꿔 보기"):
            continue
        for number in DECIMAL.findall(CODE_SPAN.sub("", text)):
            checked += 1
            if not (_appears(number, outputs) or _appears(number, asserts)):
                missing.append(number)
    return checked, missing


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_markdown_decimals_are_computed_or_checked(site, name):
    checked, missing = decimals_not_backed(_executed(site, name))
    assert checked > 0
    assert missing == [], f"{name}: 출력에도 assert에도 없는 Markdown의 소수 {missing}"


def test_a_changed_markdown_number_is_caught(site):
    """검사가 실제로 잡는지: Markdown의 0.25를 0.26으로 바꾸면 걸린다."""
    nb = _executed(site, "activations")
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            cell["source"] = [line.replace("0.25", "0.26") for line in cell["source"]]
    assert "0.26" in decimals_not_backed(nb)[1]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_try_it_yourself_tasks(site, pages, name):
    nb = _executed(site, name)
    tasks = [_text(c) for c in nb["cells"] if _text(c).startswith("## 직접 바꿔 보기")]
    assert len(tasks) == 1
    assert 2 <= len(re.findall(r"^\d+\. ", tasks[0], re.MULTILINE)) <= 3
    assert "직접 바꿔 보기" in pages[f"notebooks/{name}/index.html"]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_setup_cell_is_in_the_download_but_not_on_the_page(site, pages, name):
    nb = _executed(site, name)
    setup = [c for c in nb["cells"] if "setup" in c["metadata"].get("tags", [])]
    assert len(setup) == 1
    assert "NanumGothic" in _text(setup[0])
    assert "NanumGothic" not in pages[f"notebooks/{name}/index.html"]
