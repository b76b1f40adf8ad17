"""모든 그림의 공통 모양: 한글 글꼴, 결정적(deterministic) SVG 저장."""

import importlib.util
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib import font_manager

BLUE, ORANGE, GREEN, GRAY, RED = "#3f51b5", "#ef6c00", "#2e7d32", "#757575", "#c62828"


def korean_font_path():
    """pip 패키지 koreanize-matplotlib에 든 NanumGothic 파일 경로(패키지를 import하지 않는다)."""
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("한글 글꼴이 없습니다: pip install -e '.[docs]'로 koreanize-matplotlib를 설치하세요")
    return Path(next(iter(spec.submodule_search_locations))) / "fonts" / "NanumGothic.ttf"


def setup():
    """한글 글꼴과 결정적 출력을 설정한다. 한글에 없는 글리프(예: 빼기 기호 U+2212)는 DejaVu Sans가 맡는다."""
    font_manager.fontManager.addfont(str(korean_font_path()))
    plt.rcParams.update(
        {
            "font.family": ["NanumGothic", "DejaVu Sans"],
            "axes.unicode_minus": True,
            "svg.fonttype": "path",  # 글자를 도형으로: 읽는 사람의 글꼴과 상관없이 같게 보인다
            "svg.hashsalt": "reference_nn",
            "figure.dpi": 100,
            "font.size": 11,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "lines.linewidth": 2.2,
        }
    )


def save(fig, path):
    """메타데이터(날짜, 소프트웨어)를 빼고 저장해 같은 입력이면 같은 바이트가 나오게 한다."""
    fig.savefig(path, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    plt.close(fig)
