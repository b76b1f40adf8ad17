"""2부 그림: Network 객체에서 그린 신경망 구조, 순전파와 역전파의 흐름, XOR, 기울기 소실."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.patches import Circle, FancyArrowPatch

from reference_nn import Network, sigmoid_grad
from scripts import examples, plotstyle
from scripts.figdata import PROB_COLORS
from scripts.plotstyle import BLUE, GRAY, GREEN, ORANGE, RED


# --8<-- [start:draw_network]
def draw_network(ax, net, title, x0=0.0, gap=2.2, weight_labels=None, top=None):
    """net.sizes에서 층마다 뉴런 수를 읽어 그린다. 입력층은 가중치가 없으므로 흰 원으로 그린다.

    top은 제목과 층 이름의 높이를 정하는 뉴런 수(여러 신경망을 나란히 그릴 때 맞춘다).
    돌려주는 값은 층마다 뉴런 중심 좌표의 목록이다.
    """
    sizes = net.sizes
    top = top or max(sizes)
    centers = []
    for i, n in enumerate(sizes):
        ys = [(n - 1) / 2 - k for k in range(n)]
        centers.append([(x0 + i * gap, y) for y in ys])
    for i in range(len(sizes) - 1):  # 가중치 = 연결선 (n_in x n_out개)
        for a in centers[i]:
            for b in centers[i + 1]:
                ax.plot([a[0], b[0]], [a[1], b[1]], color=GRAY, lw=0.7, alpha=0.6, zorder=1)
        if weight_labels:
            mid = x0 + (i + 0.5) * gap
            ax.text(mid, top / 2 + 0.15, weight_labels[i], ha="center", color=ORANGE, fontsize=12)
    for i, layer in enumerate(centers):
        is_input = i == 0
        for c in layer:
            ax.add_patch(
                Circle(c, 0.28, fc="white" if is_input else "#e8eaf6", ec=GRAY if is_input else BLUE, lw=1.6, zorder=2)
            )
        name = "입력층" if is_input else ("출력층" if i == len(centers) - 1 else "은닉층")
        ax.text(
            layer[0][0], -top / 2 - 0.55, f"{name}\n({len(layer)}개)", ha="center", va="top", fontsize=11, color=GRAY
        )
    ax.text(x0 + (len(sizes) - 1) * gap / 2, top / 2 + 0.75, title, ha="center", fontsize=12)
    return centers


# --8<-- [end:draw_network]


def _canvas(width, height):
    fig, ax = plt.subplots(figsize=(width, height))
    ax.set_axis_off()
    ax.set_aspect("equal")
    return fig, ax


# --8<-- [start:single_vs_deep]
SINGLE = Network([3, 2], "sigmoid")
DEEP = Network([3, 4, 4, 2], ["relu", "relu", "sigmoid"])


def single_vs_deep():
    """단층 신경망과 심층 신경망을 나란히(휴대폰용은 위아래로)."""
    top = max(SINGLE.sizes + DEEP.sizes)
    titles = [f"단층 신경망: 파라미터 {SINGLE.n_params}개", f"심층 신경망: 파라미터 {DEEP.n_params}개"]
    if plotstyle.is_narrow():
        fig, axes = plt.subplots(2, 1, figsize=(plotstyle.NARROW_WIDTH, 7.4))
        for ax, net, title in zip(axes, [SINGLE, DEEP], titles, strict=True):
            ax.set_axis_off()
            ax.set_aspect("equal")
            draw_network(ax, net, title, x0=(len(DEEP.sizes) - len(net.sizes)) * 1.1, top=top)  # 가운데 맞춤
            ax.set_xlim(-1.2, 7.8)
            ax.set_ylim(-3.4, 3.0)
        return fig
    fig, ax = _canvas(8.6, 3.8)
    draw_network(ax, SINGLE, titles[0], x0=0, top=top)
    draw_network(ax, DEEP, titles[1], x0=4.2, top=top)
    ax.set_xlim(-0.8, 11.8)
    ax.set_ylim(-3.4, 3.0)
    return fig


# --8<-- [end:single_vs_deep]


def _flow_arrow(ax, start, end, color, text):
    """그림 아래쪽에 흐름 방향 화살표와 그 설명을 그린다."""
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=22, lw=2.5, color=color))
    ax.text((start[0] + end[0]) / 2, start[1] - 0.45, text, ha="center", color=color, fontsize=11)


# --8<-- [start:forward_backward]
def forward_figure():
    """예제 신경망(입력 2, 은닉 2, 출력 1)을 지나는 순전파: W_h, W_y를 거쳐 y_out으로.

    휴대폰용은 여백 없이 폭을 다 쓰고, 글자를 키우고, 입력값을 뉴런 위에 적는다(본문 폭 약 357 px에서도 가장
    작은 글자가 11 px 넘게).
    """
    net, x, _ = examples.example()
    narrow = plotstyle.is_narrow()
    small = 11 if narrow else 9
    if narrow:
        fig, ax = _canvas(plotstyle.NARROW_WIDTH, 4.4)
        fig.subplots_adjust(left=0, right=1, bottom=0, top=1)
    else:
        fig, ax = _canvas(7.0, 3.6)
    centers = draw_network(ax, net, "순전파: 입력 → 은닉층 → 출력", gap=3.0, weight_labels=["$W_h$", "$W_y$"])
    for W, left, right in zip(net.weights, centers[:-1], centers[1:], strict=True):
        for (i, j), w in np.ndenumerate(W):  # 연결선마다 그 가중치 값(앞 뉴런에서 10분의 3 지점)
            (x0, y0), (x1, y1) = left[i], right[j]
            t = 0.55 if narrow and y0 == y1 else 0.3  # 휴대폰: 큰 글자가 겹치지 않게 수평선의 값은 가운데에
            ax.text(
                x0 + (x1 - x0) * t,
                y0 + (y1 - y0) * t,
                f"{w:g}",
                ha="center",
                va="center",
                fontsize=small,
                color=ORANGE,
                bbox={"fc": "white", "ec": "none", "pad": 0.3},
            )
    for k, (value, (cx, cy)) in enumerate(zip(x, centers[0], strict=True), start=1):  # 예제의 입력값
        if narrow:  # 휴대폰에서는 편향처럼 뉴런 위에 적어 왼쪽 여백을 줄인다
            ax.text(cx, cy + 0.36, f"$x_{k}$ = {value:g}", ha="center", va="bottom", fontsize=small)
        else:
            ax.text(cx - 0.38, cy, f"$x_{k}$ = {value:g}", ha="right", va="center", fontsize=small)
    for bias, layer in zip(net.biases, centers[1:], strict=True):
        for value, (cx, cy) in zip(bias, layer, strict=True):  # 편향은 뉴런 위에
            ax.text(cx, cy + 0.36, f"b = {value:g}", ha="center", va="bottom", fontsize=small, color=BLUE)
    out = centers[-1][0]
    ax.text(out[0] + 0.45, out[1], r"$y_{out}$", va="center", fontsize=13)
    _flow_arrow(ax, (-0.2, -2.9), (6.2, -2.9), BLUE, "데이터가 흐르는 방향")
    ax.set_xlim(-0.7 if narrow else -1.9, 7.2)
    ax.set_ylim(-3.6, 2.1)
    return fig


def backward_figure():
    """역전파: 오차(실젯값 - y_out)가 W_y, 그다음 W_h 쪽으로 거꾸로 전해진다."""
    net, _, _ = examples.example()
    fig, ax = _canvas(7.6, 3.6)
    centers = draw_network(ax, net, "역전파: 오차 → W_y의 기울기 → W_h의 기울기", weight_labels=["$W_h$", "$W_y$"])
    out = centers[-1][0]
    ax.text(out[0] + 0.45, out[1] + 0.1, "오차 = 실젯값 − y_out", va="center", fontsize=11, color=RED)
    _flow_arrow(ax, (4.6, -2.9), (-0.2, -2.9), RED, "기울기가 전해지는 방향")
    ax.set_xlim(-0.8, 7.4)
    ax.set_ylim(-3.6, 2.1)
    return fig


# --8<-- [end:forward_backward]


_PROB_CMAP = LinearSegmentedColormap.from_list("prob", PROB_COLORS)


# --8<-- [start:xor_figure]
def xor_figure():
    """XOR: 두 신경망이 입력 평면의 각 점에 내는 출력(확률)과 손실 곡선.

    출력을 색으로 그대로 그린다. 은닉층이 없는 신경망은 어디서나 0.5를 내므로 한 가지 색이고 경계가 없다
    (출력이 0.5에서 부동소수점 오차만큼 흔들리는 곳에 선을 그으면 의미 없는 '경계'가 생긴다).
    """
    runs = examples.xor_runs()
    # 위에 두 신경망의 출력, 아래에 손실 곡선: 본문 폭(약 690 px)에서 가장 작은 글자도 11 px 넘게
    if plotstyle.is_narrow():  # 휴대폰: 세 칸을 세로로
        layout, size = [["single"], ["hidden"], ["loss"]], (plotstyle.NARROW_WIDTH, 12.0)
    else:
        layout, size = [["single", "hidden"], ["loss", "loss"]], (7.2, 7.6)
    fig, axes = plt.subplot_mosaic(layout, figsize=size, layout="constrained")
    axes = [axes["single"], axes["hidden"], axes["loss"]]
    grid = np.linspace(-0.25, 1.25, 151)
    gx, gy = np.meshgrid(grid, grid)
    points = np.column_stack([gx.ravel(), gy.ravel()])
    titles = {"single": "은닉층 없음 [2, 1]", "hidden": "은닉층 하나 [2, 4, 1]"}
    for ax, name in zip(axes[:2], ["single", "hidden"], strict=True):
        run = runs[name]
        prob = run["net"].forward(points).reshape(gx.shape)
        image = ax.pcolormesh(gx, gy, prob, vmin=0, vmax=1, cmap=_PROB_CMAP, shading="auto")
        if prob.max() - prob.min() > 0.01:  # 출력이 실제로 달라질 때만 0.5 경계를 그린다
            ax.contour(gx, gy, prob, levels=[0.5], colors=[GRAY], linewidths=1.2)
        else:
            ax.text(0.5, 0.5, f"어디서나\n출력 {prob.mean():.2f}", ha="center", va="center", fontsize=12, color=GRAY)
        for (px, py), label in zip(examples.X_XOR, examples.Y_XOR[:, 0], strict=True):
            ax.scatter(
                px, py, s=90, marker="o" if label else "X", color=BLUE if label else ORANGE, edgecolor="black", zorder=3
            )
        ax.set_title(f"{titles[name]}\n정확도 {run['accuracy']:.0%}")
        ax.set_xlabel("$x_1$")
        ax.set_ylabel("$x_2$")
        ax.set_aspect("equal")
        ax.grid(False)
    fig.colorbar(image, ax=axes[:2], orientation="horizontal", label="출력 (XOR = 1일 확률)", shrink=0.7, aspect=30)
    ax = axes[2]
    for name, color in [("single", ORANGE), ("hidden", BLUE)]:
        ax.plot(runs[name]["history"], color=color, label=titles[name])
    ax.set_yscale("log")
    ax.set_xlabel("학습 횟수")
    ax.set_ylabel("손실 (이진 교차 엔트로피)")
    ax.set_title("손실 곡선")
    ax.legend(fontsize=11)
    return fig


# --8<-- [end:xor_figure]


# --8<-- [start:vanishing_figure]
def vanishing_figure():
    """깊이에 따른 첫 번째 층 기울기의 크기: 시그모이드 은닉층과 ReLU 은닉층, 그리고 0.25^(깊이-1)."""
    depths = list(examples.DEPTHS)
    sig = examples.first_layer_gradients("sigmoid")
    rel = examples.first_layer_gradients("relu")
    fig, ax = plt.subplots(figsize=(plotstyle.width(6.4), 3.6), constrained_layout=True)
    ax.plot(depths, sig, "o-", color=ORANGE, label="시그모이드 은닉층")
    ax.plot(depths, rel, "s-", color=GREEN, label="ReLU 은닉층")
    quarter = [sig[0] * sigmoid_grad(0) ** (d - 1) for d in depths]
    ax.plot(depths, quarter, "--", color=RED, lw=1.2, label="0.25^(깊이−1) (깊이 1의 값에서 시작)")
    ax.set_yscale("log")
    ax.set_xticks(depths)
    ax.set_xlabel("은닉층 수 (깊이)")
    ax.set_ylabel("첫 번째 층 기울기의 크기")
    ax.legend(fontsize=10)
    return fig


# --8<-- [end:vanishing_figure]


FIGURES = {
    "single_vs_deep": single_vs_deep,
    "forward": forward_figure,
    "backward": backward_figure,
    "xor": xor_figure,
    "vanishing": vanishing_figure,
}
#: 휴대폰용 그림도 그리는 것(scripts/figures.py가 이름-narrow.webp로)
NARROW = ["single_vs_deep", "forward", "xor", "vanishing"]
