"""페이지에 넣는 Markdown 표. 모든 숫자는 reference_nn으로 계산한 scripts.examples에서 온다."""

import json
from itertools import pairwise
from pathlib import Path

import numpy as np

from reference_nn import Network, sigmoid_grad
from scripts import examples


def _f(x, digits=4):
    return f"{float(x):.{digits}f}"


def _vec(v, digits=4):
    return "[" + ", ".join(_f(x, digits) for x in np.ravel(v)) + "]"


def _table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def forward_table():
    """예제 신경망의 순전파: 층마다 가중합 z와 출력 a."""
    fw = examples.worked_step()["forward"]
    rows = [("입력층", "(가중치 없음)", f"$x$ = {_vec(fw['a'][0])}")]
    rows.append(("은닉층", f"$z_h = x W_h + b_h$ = {_vec(fw['z'][0])}", f"$h = \\sigma(z_h)$ = {_vec(fw['a'][1])}"))
    rows.append(
        (
            "출력층",
            f"$z_y = h W_y + b_y$ = {_vec(fw['z'][1])}",
            f"$y_{{\\text{{out}}}} = \\sigma(z_y)$ = {_vec(fw['a'][2])}",
        )
    )
    return _table(["층", "가중합 z", "출력 a"], rows)


def _param_rows(name, sub, values, grads, new_values):
    """W_{y,ij}처럼 원소마다 한 줄. i는 앞 층의 뉴런, j는 다음 층의 뉴런(1부터 센다)."""
    rows = []
    values, grads, new_values = (np.atleast_2d(np.asarray(v)) for v in (values, grads, new_values))
    for (i, j), v in np.ndenumerate(values):
        index = f"{i + 1}{j + 1}" if values.shape[0] > 1 else f"{j + 1}"
        rows.append((f"${name}_{{{sub},{index}}}$", _f(v), _f(grads[i, j], 6), _f(new_values[i, j])))
    return rows


def backward_table():
    """예제 신경망의 역전파와 갱신: 파라미터마다 값, 기울기, 갱신 뒤의 값(출력층 쪽부터)."""
    step = examples.worked_step()
    net, _, _ = examples.example()
    rows = _param_rows("W", "y", net.weights[1], step["dW"][1], step["new_weights"][1])
    rows += _param_rows("b", "y", net.biases[1], step["db"][1], step["new_biases"][1])
    rows += _param_rows("W", "h", net.weights[0], step["dW"][0], step["new_weights"][0])
    rows += _param_rows("b", "h", net.biases[0], step["db"][0], step["new_biases"][0])
    header = ["파라미터", "갱신 전", "기울기 ∂L/∂(파라미터)", f"갱신 뒤 (학습률 {examples.learning_rate:g})"]
    return _table(header, rows)


def _count(sizes):
    terms = " + ".join(f"{a}×{b}" for a, b in pairwise(sizes))
    return terms, sum(sizes[1:])


def params_table():
    """이 사이트에 나오는 신경망들의 파라미터 수."""
    nets = [
        ("단층 신경망(그림)", [3, 2]),
        ("심층 신경망(그림)", [3, 4, 4, 2]),
        ("XOR, 은닉층 없음", [2, 1]),
        ("XOR, 은닉층 하나", [2, 4, 1]),
        ("손글씨 숫자(28×28 픽셀) 분류의 예", [784, 128, 10]),
    ]
    rows = []
    for name, sizes in nets:
        terms, n_bias = _count(sizes)
        total = Network(sizes, "sigmoid").n_params
        rows.append((name, str(sizes), terms, n_bias, f"{total:,}"))
    return _table(["신경망", "층 크기", "가중치 수", "편향 수", "파라미터 합계"], rows)


def xor_table():
    """XOR 학습 결과: 은닉층 유무에 따른 정확도와 마지막 손실."""
    runs = examples.xor_runs()
    rows = [
        (
            "은닉층 없음 [2, 1]",
            runs["single"]["net"].n_params,
            f"{runs['single']['accuracy']:.0%}",
            _f(runs["single"]["history"][-1]),
        ),
        (
            "은닉층 하나 [2, 4, 1]",
            runs["hidden"]["net"].n_params,
            f"{runs['hidden']['accuracy']:.0%}",
            _f(runs["hidden"]["history"][-1]),
        ),
    ]
    return _table(["신경망", "파라미터 수", "정확도", f"{examples.XOR_EPOCHS}번 학습한 뒤 손실"], rows)


def learning_rate_table():
    """학습률에 따른 XOR 학습 결과: 처음과 마지막 손실, 학습 뒤 네 출력의 범위, 정확도."""
    rows = []
    for r in examples.xor_learning_rates():
        outputs = r["outputs"]
        rows.append(
            (
                f"{r['lr']:g}",
                _f(r["first_loss"]),
                _f(r["last_loss"]),
                f"{_f(outputs.min(), 3)} ~ {_f(outputs.max(), 3)}",
                f"{r['accuracy']:.0%}",
            )
        )
    header = ["학습률", "처음 손실", f"{examples.XOR_EPOCHS}번 갱신 뒤 손실", "학습 뒤 네 출력의 범위", "정확도"]
    return _table(header, rows)


def vanishing_table():
    """깊이별 첫 번째 층 기울기의 크기."""
    sig = examples.first_layer_gradients("sigmoid")
    rel = examples.first_layer_gradients("relu")
    rows = []
    for d, s, r in zip(examples.DEPTHS, sig, rel, strict=True):
        rows.append((d, f"{s:.2e}", f"{s / sig[0]:.2e}", f"{sigmoid_grad(0) ** (d - 1):.2e}", f"{r:.2e}"))
    header = ["은닉층 수", "시그모이드: 기울기 크기", "깊이 1에 대한 비율", "0.25^(깊이−1)", "ReLU: 기울기 크기"]
    return _table(header, rows)


def activation_cost():
    """scripts/bench.py가 잰 시그모이드·ReLU 연산 시간(측정한 머신과 날짜를 함께)."""
    path = Path(__file__).with_name("activation_cost.json")
    if not path.exists():
        return '!!! info "측정값 없음"\n\n    아직 `python -m scripts.bench`로 측정하지 않았습니다.'
    c = json.loads(path.read_text(encoding="utf-8"))
    ms = c["ms"]
    rows = [
        ("`sigmoid(x)`", ms["sigmoid"], "`relu(x)`", ms["relu"], f"{c['ratio_sigmoid_relu']}배"),
        ("`sigmoid_grad(x)`", ms["sigmoid_grad"], "`relu_grad(x)`", ms["relu_grad"], f"{c['ratio_grad']}배"),
        (
            "NumPy `1 / (1 + np.exp(-x))`",
            ms["numpy_exp_sigmoid"],
            "NumPy `np.maximum(x, 0)`",
            ms["numpy_maximum_relu"],
            f"{c['ratio_numpy']}배",
        ),
    ]
    table = _table(["시그모이드 쪽", "시간(ms)", "ReLU 쪽", "시간(ms)", "배율(시그모이드 ÷ ReLU)"], rows)
    where = (
        f"{c['date']}, {c['cpu']} CPU {c['cores']}코어, Python {c['python']}, NumPy {c['numpy']}, "
        f"{c['dtype']} 값 {c['n']:,}개, 여러 번 잰 것 중 가장 빠른 값"
    )
    plain, ours = c["ratio_numpy"], c["ratio_sigmoid_relu"]
    if plain > 1:
        verdict = (
            f"이 측정에서 지수 함수로 쓴 가장 단순한 시그모이드(`1 / (1 + np.exp(-x))`)는 "
            f"ReLU보다 약 {plain}배 오래 걸려, 원문 말대로 더 비쌌습니다. "
            f"`reference_nn`의 `sigmoid`는 넘침을 막는 계산(절댓값과 경우 나누기)이 더해져 약 {ours}배입니다."
        )
    else:
        verdict = "이 측정에서는 시그모이드가 ReLU보다 느리지 않았습니다: 원문의 주장과 다릅니다."
    again = "숫자는 머신마다 다르며, `python -m scripts.bench`로 다시 잴 수 있습니다."
    body = f"{table}\n\n{verdict}\n\n측정 조건: {where}. {again}"
    return '!!! info "측정: 시그모이드 대 ReLU의 연산 시간"\n\n' + "\n".join(
        ("    " + line) if line else "" for line in body.splitlines()
    )
