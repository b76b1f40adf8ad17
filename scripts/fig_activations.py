"""활성화 함수 그림: 함수와 그 도함수를 나란히, 본문의 숫자를 그래프 위에."""

import matplotlib.pyplot as plt
import numpy as np

from reference_nn import relu, relu_grad, sigmoid, sigmoid_grad, step
from scripts import plotstyle
from scripts.plotstyle import BLUE, GRAY, GREEN, ORANGE, RED

X = np.linspace(-6, 6, 1201)  # 0을 정확히 포함한다


def _pair(title_f, title_g):
    if plotstyle.is_narrow():  # 휴대폰: 함수 위, 도함수 아래
        fig, (ax_f, ax_g) = plt.subplots(2, 1, figsize=(plotstyle.NARROW_WIDTH, 6.0), constrained_layout=True)
    else:
        fig, (ax_f, ax_g) = plt.subplots(1, 2, figsize=(8.4, 3.2), constrained_layout=True)
    ax_f.set_title(title_f)
    ax_g.set_title(title_g)
    for ax in (ax_f, ax_g):
        ax.axhline(0, color=GRAY, lw=0.8)
        ax.axvline(0, color=GRAY, lw=0.8)
        ax.set_xlabel("입력 x")
    return fig, ax_f, ax_g


# --8<-- [start:step_figure]
def step_figure():
    """계단 함수와 그 도함수. 0.1 -> 1, 0 -> 0을 표시한다."""
    fig, ax_f, ax_g = _pair("계단 함수 step(x)", "도함수: 0 (x = 0에서는 정의되지 않음)")
    left, right = X[X <= 0], X[X > 0]
    ax_f.plot(left, step(left), color=BLUE)
    ax_f.plot(right, step(right), color=BLUE)
    ax_f.plot([0], [step(0)], "o", color=BLUE, ms=7)  # step(0) = 0: 채운 점
    ax_f.plot([0], [1], "o", mfc="white", color=BLUE, ms=7)  # 1은 0에서 닿지 않는다: 빈 점
    ax_f.annotate(
        f"step(0.1) = {step(0.1):g}",
        (0.1, step(0.1)),
        (1.2, 0.55),
        color=RED,
        arrowprops={"arrowstyle": "->", "color": RED},
    )
    ax_f.set_ylim(-0.15, 1.25)
    ax_f.set_ylabel("출력")
    ax_g.plot(left[:-1], np.zeros(left.size - 1), color=ORANGE)
    ax_g.plot(right, np.zeros(right.size), color=ORANGE)
    ax_g.plot([0], [0], "o", mfc="white", color=ORANGE, ms=7)
    ax_g.set_ylim(-0.15, 1.25)
    return fig


# --8<-- [end:step_figure]


# --8<-- [start:sigmoid_figure]
def sigmoid_figure():
    """시그모이드와 그 도함수. sigmoid(0.2)와 도함수의 최댓값 0.25를 표시한다."""
    fig, ax_f, ax_g = _pair("시그모이드 함수 σ(x)", "도함수 σ'(x) = σ(x)(1 − σ(x))")
    ax_f.plot(X, sigmoid(X), color=BLUE)
    ax_f.axhline(1, color=GRAY, lw=0.8, ls=":")
    y02 = sigmoid(0.2)
    ax_f.plot([0.2], [y02], "o", color=RED, ms=6)
    ax_f.annotate(
        rf"$\sigma(0.2) \approx {y02:.4f}$",
        (0.2, y02),
        (1.4, 0.3),
        color=RED,
        arrowprops={"arrowstyle": "->", "color": RED},
    )
    ax_f.set_ylim(-0.08, 1.1)
    ax_f.set_ylabel("출력")
    g = sigmoid_grad(X)
    ax_g.plot(X, g, color=ORANGE)
    i = int(np.argmax(g))
    ax_g.plot([X[i]], [g[i]], "o", color=RED, ms=6)
    ax_g.annotate(
        f"최댓값 {g[i]:g} (x = {X[i]:g})",
        (X[i], g[i]),
        (1.2, 0.2),
        color=RED,
        arrowprops={"arrowstyle": "->", "color": RED},
    )
    ax_g.annotate("양쪽 끝에서 0에 가까워짐", (5, sigmoid_grad(5.0)), (-5.8, 0.27), color=GRAY, fontsize=10)
    ax_g.set_ylim(-0.02, 0.3)
    return fig


# --8<-- [end:sigmoid_figure]


# --8<-- [start:threshold_figure]
def threshold_figure():
    """임계치 그림: 출력의 0.5와 입력의 0은 같은 결정이다."""
    fig, ax = plt.subplots(figsize=(plotstyle.width(6.0), 3.4), constrained_layout=True)
    ax.plot(X, sigmoid(X), color=BLUE, label=r"$\sigma(z)$")
    ax.axhline(0.5, color=RED, ls="--", lw=1.2, label="출력의 임계치 0.5")
    ax.axvline(0, color=GREEN, ls="--", lw=1.2, label="입력의 임계치 0")
    ax.fill_between(X, 0, 1, where=X > 0, color=GREEN, alpha=0.08)
    ax.text(3, 0.28, r"$z > 0 \Leftrightarrow \sigma(z) > 0.5$", ha="center", color=GREEN)
    ax.text(3, 0.18, "양성(성공)", ha="center", color=GREEN)
    ax.text(-3.6, 0.28, r"$z \leq 0 \Leftrightarrow \sigma(z) \leq 0.5$", ha="center", color=GRAY)
    ax.text(-3.6, 0.18, "음성(실패)", ha="center", color=GRAY)
    ax.set_xlabel("입력 z (가중합)")
    ax.set_ylabel("출력 σ(z)")
    ax.set_ylim(-0.05, 1.05)
    ax.legend(loc="upper left", fontsize=11)
    return fig


# --8<-- [end:threshold_figure]


# --8<-- [start:relu_figure]
def relu_figure():
    """ReLU와 그 도함수. x = 0에서 도함수는 0으로 정한다."""
    fig, ax_f, ax_g = _pair("ReLU(x) = max(0, x)", "도함수 (x = 0에서 0으로 정함)")
    ax_f.plot(X, relu(X), color=BLUE)
    for x, text_at in ((-3.0, (-4.5, 1.6)), (2.5, (-2.5, 4.3))):  # 글은 선과 겹치지 않는 곳에
        ax_f.plot([x], [relu(x)], "o", color=RED, ms=6)
        ax_f.annotate(
            f"ReLU({x:g}) = {relu(x):g}".replace("-", "−"),  # 빼기 기호(본문과 같게)
            (x, relu(x)),
            text_at,
            color=RED,
            arrowprops={"arrowstyle": "->", "color": RED},
        )
    ax_f.set_ylabel("출력")
    left, right = X[X <= 0], X[X > 0]
    ax_g.plot(left, relu_grad(left), color=ORANGE)
    ax_g.plot(right, relu_grad(right), color=ORANGE)
    ax_g.plot([0], [relu_grad(0)], "o", color=ORANGE, ms=7)
    ax_g.plot([0], [1], "o", mfc="white", color=ORANGE, ms=7)
    ax_g.set_ylim(-0.15, 1.25)
    return fig


# --8<-- [end:relu_figure]


FIGURES = {
    "step": step_figure,
    "sigmoid": sigmoid_figure,
    "sigmoid_threshold": threshold_figure,
    "relu": relu_figure,
}
#: 휴대폰용 그림도 그리는 것(scripts/figures.py가 이름-narrow.webp로)
NARROW = ["step", "sigmoid", "sigmoid_threshold", "relu"]
