"""손글씨 숫자 페이지의 그림. 휴대폰에서도 읽히도록 한 줄(세로로 쌓은) 배치, 폭 4.6인치, 글자 11pt 이상."""

import matplotlib.pyplot as plt
import numpy as np

from scripts import digits
from scripts.plotstyle import BLUE, GRAY, GREEN, ORANGE, RED

WIDTH = 4.6  # 인치: 휴대폰(본문 폭 약 357 px)에서 11pt 글자가 11 px 이상


def _images(items, title_of, rows):
    images = digits.load()[0]
    cols = int(np.ceil(len(items) / rows))
    fig, axes = plt.subplots(rows, cols, figsize=(WIDTH, 1.25 * rows + 0.2), constrained_layout=True)
    for ax in np.ravel(axes):
        ax.axis("off")
    for ax, item in zip(np.ravel(axes), items, strict=False):
        ax.imshow(images[item[0]], cmap="gray_r", vmin=0, vmax=16, interpolation="nearest")
        ax.set_title(title_of(item), fontsize=11)
    return fig


def samples_figure():
    """학습용 데이터에서 숫자마다 처음 나오는 이미지: 8x8 밝기와 정답."""
    _, _, labels = digits.load()
    train_idx, _ = digits.split(len(labels))
    first = [(int(next(i for i in train_idx if labels[i] == k)),) for k in range(10)]  # 숫자마다 처음 나오는 것
    return _images(first, lambda item: f"정답 {labels[item[0]]}", rows=2)


def curves_figure():
    """본 신경망의 정확도: 학습 데이터와 시험 데이터."""
    run = digits.main()
    fig, ax = plt.subplots(figsize=(WIDTH, 3.0), constrained_layout=True)
    ax.plot(run["steps"], np.array(run["train_acc"]) * 100, color=BLUE, label="학습 데이터")
    ax.plot(run["steps"], np.array(run["test_acc"]) * 100, color=ORANGE, label="시험 데이터")
    ax.set_xlabel("갱신 횟수")
    ax.set_ylabel("정확도 (%)")
    ax.set_ylim(80, 100.5)
    ax.legend(loc="lower right", fontsize=11)
    ax.set_title("[64, 32, 10] 신경망의 정확도", fontsize=11)
    return fig


def confusion_figure():
    """시험 데이터의 혼동 행렬: 행은 정답, 열은 예측, 칸의 수는 그 개수."""
    matrix = digits.confusion_matrix()
    fig, ax = plt.subplots(figsize=(WIDTH, 4.4), constrained_layout=True)
    ax.imshow(np.minimum(matrix, 12), cmap="Blues", vmin=0, vmax=12)
    for (r, c), n in np.ndenumerate(matrix):
        if n:
            ax.text(c, r, str(n), ha="center", va="center", fontsize=11, color="white" if n > 8 else "black")
    ax.set_xticks(range(10))
    ax.set_yticks(range(10))
    ax.set_xlabel("신경망의 답(예측)")
    ax.set_ylabel("정답")
    ax.grid(False)
    ax.set_title("시험 데이터의 혼동 행렬", fontsize=11)
    return fig


def mistakes_figure():
    """시험 데이터에서 틀린 이미지와 신경망의 답."""
    wrong = digits.mistakes()
    return _images(wrong, lambda item: f"정답 {item[1]} → {item[2]}", rows=int(np.ceil(len(wrong) / 5)))


def overfit_figure():
    """학습 데이터 100개로 오래 학습: 학습 정확도는 100%, 시험 정확도는 떨어진다. 위는 정확도, 아래는 손실."""
    run = digits.overfit()
    best = digits.early_stop(run)
    fig, (ax_a, ax_l) = plt.subplots(2, 1, figsize=(WIDTH, 5.4), sharex=True, constrained_layout=True)
    for part, color, name in (("train", BLUE, "학습(100장)"), ("val", GREEN, "검증"), ("test", ORANGE, "시험")):
        ax_a.plot(run["steps"], np.array(run[f"{part}_acc"]) * 100, color=color, label=name)
        ax_l.plot(run["steps"], run[f"{part}_loss"], color=color, label=name)
    for ax in (ax_a, ax_l):
        ax.axvline(run["steps"][best], color=GRAY, ls="--", lw=1.2)
    ax_a.text(run["steps"][best] + 60, 62, "검증 정확도가\n가장 높은 때", color=GRAY, fontsize=11)
    ax_a.set_ylabel("정확도 (%)")
    ax_a.set_ylim(60, 101)
    ax_a.legend(loc="lower right", fontsize=11)
    ax_l.set_ylabel("손실")
    ax_l.set_yscale("log")
    ax_l.set_xlabel("갱신 횟수")
    ax_a.set_title("학습 데이터가 100장일 때", fontsize=11)
    ax_l.annotate(
        "검증·시험 손실이 다시 커진다",
        (run["steps"][-1], run["test_loss"][-1]),
        (1100, 0.02),
        color=RED,
        fontsize=11,
        arrowprops={"arrowstyle": "->", "color": RED},
    )
    return fig


FIGURES = {
    "digits_samples": samples_figure,
    "digits_curves": curves_figure,
    "digits_confusion": confusion_figure,
    "digits_mistakes": mistakes_figure,
    "digits_overfit": overfit_figure,
}
