"""뉴런 그림: Neuron 객체의 입력 수만큼 x, W를 그린다."""

import matplotlib.pyplot as plt
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from scripts.figdata import EXAMPLE
from scripts.plotstyle import BLUE, GRAY, ORANGE


def _arrow(ax, start, end, color=GRAY):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=14, color=color, lw=1.5))


# --8<-- [start:neuron_diagram]
def neuron_diagram(neuron=EXAMPLE):
    """입력 x_i, 가중치 W_i, 합 노드(편향 b), 활성화 함수 f, 출력 y."""
    n = neuron.W.size
    fig, ax = plt.subplots(figsize=(7.6, 3.8))
    ax.set_axis_off()
    ax.set_aspect("equal")
    ax.set_xlim(-1.3, 8.2)
    ax.set_ylim(-3.0, 2.4)
    ys = [1.5 - 3.0 * i / (n - 1) for i in range(n)] if n > 1 else [0.0]
    sum_xy, f_xy, y_xy = (3.6, 0.0), (5.6, 0.0), (7.4, 0.0)
    for i, y in enumerate(ys, start=1):
        ax.add_patch(Circle((0, y), 0.33, fc="white", ec=BLUE, lw=1.8))
        ax.text(0, y, f"$x_{i}$", ha="center", va="center", fontsize=13)
        _arrow(ax, (0.35, y), (sum_xy[0] - 0.5, sum_xy[1] + 0.12 * (y / 1.5)))
        ax.text(1.55, y * 0.68 + 0.12, f"$W_{i}$", color=ORANGE, fontsize=13, ha="center")
    ax.add_patch(Circle(sum_xy, 0.5, fc="#e8eaf6", ec=BLUE, lw=1.8))
    ax.text(*sum_xy, r"$\Sigma$", ha="center", va="center", fontsize=16)
    ax.text(sum_xy[0], 1.75, "$b$", ha="center", fontsize=13, color=ORANGE)
    _arrow(ax, (sum_xy[0], 1.6), (sum_xy[0], 0.52))
    ax.add_patch(FancyBboxPatch((f_xy[0] - 0.45, -0.45), 0.9, 0.9, boxstyle="round,pad=0.05", fc="#fff3e0", ec=ORANGE))
    ax.text(*f_xy, "$f$", ha="center", va="center", fontsize=15)
    _arrow(ax, (sum_xy[0] + 0.5, 0), (f_xy[0] - 0.5, 0))
    ax.text((sum_xy[0] + f_xy[0]) / 2, 0.18, "$z$", ha="center", fontsize=12)
    _arrow(ax, (f_xy[0] + 0.5, 0), (y_xy[0] - 0.3, 0))
    ax.text(y_xy[0], 0, "$y$", ha="center", va="center", fontsize=15)
    for x, label in [
        (0, "입력"),
        (1.55, "가중치"),
        (sum_xy[0], "가중합 z\n(편향 포함)"),
        (f_xy[0], "활성화 함수"),
        (y_xy[0], "출력"),
    ]:
        ax.text(x, -2.2, label, ha="center", va="top", fontsize=12, color=GRAY)
    return fig


# --8<-- [end:neuron_diagram]


FIGURES = {"neuron": neuron_diagram}
