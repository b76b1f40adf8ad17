"""모든 그림의 공통 모양: 한글 글꼴, 결정적(deterministic) 저장."""

import contextlib
import logging
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib import font_manager
from matplotlib.text import Text

from scripts.fontfile import korean_font_path

BLUE, ORANGE, GREEN, GRAY, RED = "#3f51b5", "#ef6c00", "#2e7d32", "#757575", "#c62828"


def setup():
    """한글 글꼴과 결정적 출력을 설정한다.

    라틴 문자, 숫자, 빼기 기호(U+2212)는 DejaVu Sans가, 한글은 글리프 단위 대체(fallback)로 NanumGothic이 그린다.
    수식(mathtext)은 대체를 하지 않으므로 DejaVu Sans가 앞에 있어야 로그 눈금의 빼기 기호가 나온다.
    """
    font_manager.fontManager.addfont(str(korean_font_path()))
    plt.rcParams.update(
        {
            "font.family": ["DejaVu Sans", "NanumGothic"],
            "mathtext.fontset": "dejavusans",
            "axes.unicode_minus": True,
            "figure.dpi": 100,
            "font.size": 11,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "lines.linewidth": 2.2,
        }
    )


#: 그림 형식. 글자를 도형으로 바꾼 SVG는 한글 글리프 때문에 40~140 KB이고 그리는 데도 오래 걸려
#: (Lighthouse LCP, TBT), 무손실 WebP(150 dpi, 12~30 KB)를 쓴다. 어느 OS에서나 같은 글꼴로 보인다.
FORMAT = "webp"
DPI = 150


#: 휴대폰용 그림의 폭(인치). 본문 폭 약 357 px에서 11pt 글자가 11 px 넘게 보인다(150 dpi로 660 px).
NARROW_WIDTH = 4.4
_narrow = [False]


@contextlib.contextmanager
def narrow():
    """이 안에서 그리는 그림은 휴대폰용이다: 그림 함수가 is_narrow()를 보고 칸을 세로로 쌓고 폭을 줄인다."""
    _narrow[0] = True
    try:
        yield
    finally:
        _narrow[0] = False


def is_narrow():
    return _narrow[0]


def width(wide):
    """넓은 화면용 폭 wide, 휴대폰용이면 NARROW_WIDTH."""
    return NARROW_WIDTH if is_narrow() else wide


def smallest_text_px(fig):
    """그림에 보이는 글자 가운데 가장 작은 것의 글꼴 크기를, 저장한 그림의 픽셀로(DPI 기준)."""
    sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    return round(min(sizes) * DPI / 72, 2)


def save(fig, path):
    """같은 입력이면 같은 바이트가 나오게 저장한다(무손실 WebP에는 날짜 같은 메타데이터가 없다).

    가장 작은 글자의 크기(smallest_text_px)를 돌려준다: 페이지에서 그림이 줄어 보일 때 글자가 읽히는지 재는 데 쓴다.
    """
    fig.savefig(path, format=FORMAT, dpi=DPI, bbox_inches="tight", pil_kwargs={"lossless": True, "method": 6})
    smallest = smallest_text_px(fig)
    plt.close(fig)
    return smallest


class _GlyphLog(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def strict_glyphs():
    """글꼴에 없는 글자를 오류로 만든다: 경고("Glyph ... missing")와 mathtext 로그("does not have a glyph") 모두."""
    handler = _GlyphLog()
    logger = logging.getLogger("matplotlib")
    logger.addHandler(handler)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            yield
    finally:
        logger.removeHandler(handler)
    missing = [m for m in handler.messages if "glyph" in m.lower()]
    if missing:
        raise RuntimeError(f"그림에 글꼴이 없는 글자가 있습니다: {missing[0]}")
