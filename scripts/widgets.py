"""대화형 요소(docs/javascripts/nn.js)가 쓰는 자리와 데이터. 숫자는 모두 reference_nn에서 빌드 때 만든다.

페이지의 ``{{ widgets.neuron() }}``처럼 부르면, JavaScript가 채울 빈 자리(div)와 그 데이터(JSON)를 넣는다.
JavaScript가 꺼져 있으면 이 자리는 숨겨진 채 비어 있고, 페이지의 정적인 그림과 표는 그대로다.
"""

import json

import numpy as np

from reference_nn import Network, train
from scripts import examples
from scripts.figdata import EXAMPLE, PROB_COLORS

#: XOR 학습 되감기에서 스냅숏 사이의 학습 횟수
XOR_FRAME_EVERY = 20


def _slot(kind, lead, data=None, **attrs):
    """JavaScript가 채울 자리. lead는 그 위에 보일 한 문장, data는 안에 JSON으로 넣는다('<'는 이스케이프)."""
    extra = "".join(f' data-{k}="{v}"' for k, v in attrs.items())
    payload = f'<p class="nn-lead">{lead}</p>'

    if data is not None:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
        payload += f'<script type="application/json">{text}</script>'
    return f'<div class="nn-widget" data-widget="{kind}"{extra} hidden>{payload}</div>'


def neuron():
    """뉴런 탐색기: 입력 4개, 가중치 4개, 편향, 활성화 함수(본문 예제의 뉴런에서 시작)."""
    # 그림의 뉴런(figdata.EXAMPLE)과, 본문 예제(neuron.md)의 입력 1, 2, 3, 4
    start = {"x": [1.0, 2.0, 3.0, 4.0], "w": EXAMPLE.W.tolist(), "b": EXAMPLE.b, "activation": EXAMPLE.activation}
    lead = (
        "직접 움직여 보기: 입력, 가중치, 편향을 바꾸고 활성화 함수를 고르면 가중합 z와 출력 y가 바로 다시 계산되고, "
        "그래프 위의 점 (z, y)가 움직입니다. 처음 값은 위 예제의 뉴런입니다."
    )
    return _slot("neuron", lead, start)


def activation(name):
    """활성화 함수 탐색기: 입력 x 하나로 f(x)와 f'(x)."""
    lead = (
        "직접 움직여 보기: 슬라이더나 숫자 칸으로 입력 x를 바꾸면 함숫값 f(x)와 기울기 f′(x), "
        "두 그래프 위의 점이 바뀝니다."
    )
    return _slot("activation", lead, fn=name)


def _fmt_fixed(x, digits):
    return f"{float(x):.{digits}f}".replace("-", "−")


def worked_steps(page="backprop"):
    """계산 예제(scripts.examples)의 순전파 -> 오차 -> 역전파 -> 갱신 -> 새 손실을 한 단계씩.

    숫자는 페이지의 표와 같은 자릿수로 적는다: 가중합과 출력은 4자리, 기울기는 6자리, 갱신한 값은 4자리.
    highlight는 그림에서 강조할 뉴런(x1, h1, y)과 연결선(Wh11, Wy21)의 이름이다.
    """
    step = examples.worked_step()
    fw = step["forward"]
    z_h, z_y = fw["z"][0], fw["z"][1][0]
    h, y_out = fw["a"][1], fw["y_out"][0]
    x, t, lr = examples.x, examples.target[0], examples.learning_rate
    (dW_h, dW_y), (db_h, db_y) = step["dW"], step["db"]
    (W_h2, W_y2), (b_h2, b_y2) = step["new_weights"], step["new_biases"]
    f4 = lambda v: _fmt_fixed(v, 4)  # noqa: E731
    f6 = lambda v: _fmt_fixed(v, 6)  # noqa: E731
    steps = [
        {
            "title": "시작: 입력과 파라미터",
            "text": f"입력 x = ({x[0]:g}, {x[1]:g}), 실젯값 {t:g}. "
            "가중치는 연결선에, 편향은 뉴런 아래에 적혀 있습니다.",
            "values": [["x₁", f"{x[0]:g}"], ["x₂", f"{x[1]:g}"], ["실젯값", f"{t:g}"]],
            "highlight": ["x1", "x2"],
        }
    ]
    for j in range(2):
        steps.append(
            {
                "title": f"순전파: 은닉 뉴런 {j + 1}",
                "text": f"가중합 z_h{j + 1} = W_h,1{j + 1}·x₁ + W_h,2{j + 1}·x₂ + b_h,{j + 1}, "
                f"출력 h{j + 1} = σ(z_h{j + 1})",
                "values": [[f"z_h{j + 1}", f4(z_h[j])], [f"h{j + 1}", f4(h[j])]],
                "highlight": [f"h{j + 1}", f"Wh1{j + 1}", f"Wh2{j + 1}"],
            }
        )
    steps += [
        {
            "title": "순전파: 출력 뉴런",
            "text": "가중합 z_y = W_y,11·h₁ + W_y,21·h₂ + b_y, 출력 y_out = σ(z_y)",
            "values": [["z_y", f4(z_y)], ["y_out", f4(y_out)]],
            "highlight": ["y", "Wy11", "Wy21"],
        },
        {
            "title": "오차와 손실",
            "text": "오차 = 실젯값 − y_out, 손실 L = (y_out − 실젯값)²",
            "values": [["오차", f4(step["error"])], ["L", f4(step["loss"])]],
            "highlight": ["y"],
        },
        {
            "title": "역전파: 출력 뉴런의 δ",
            "text": "δ_y = ∂L/∂z_y = 2(y_out − 실젯값)·σ′(z_y). 편향의 기울기 ∂L/∂b_y와 같습니다.",
            "values": [["δ_y", f6(db_y[0])]],
            "highlight": ["y"],
        },
        {
            "title": "역전파: W_y의 기울기",
            "text": "∂L/∂W_y,j1 = h_j · δ_y",
            "values": [["∂L/∂W_y,11", f6(dW_y[0, 0])], ["∂L/∂W_y,21", f6(dW_y[1, 0])]],
            "highlight": ["Wy11", "Wy21"],
        },
        {
            "title": "역전파: 은닉 뉴런의 δ",
            "text": "δ_h,j = δ_y · W_y,j1 · σ′(z_h,j). 편향의 기울기 ∂L/∂b_h,j와 같습니다.",
            "values": [["δ_h,1", f6(db_h[0])], ["δ_h,2", f6(db_h[1])]],
            "highlight": ["h1", "h2"],
        },
        {
            "title": "역전파: W_h의 기울기",
            "text": "∂L/∂W_h,ij = x_i · δ_h,j",
            "values": [[f"∂L/∂W_h,{i + 1}{j + 1}", f6(dW_h[i, j])] for i in range(2) for j in range(2)],
            "highlight": ["Wh11", "Wh12", "Wh21", "Wh22"],
        },
        {
            "title": f"갱신: 출력층 (학습률 {lr:g})",
            "text": "W ← W − η·∂L/∂W, b ← b − η·∂L/∂b",
            "values": [["W_y,11", f4(W_y2[0, 0])], ["W_y,21", f4(W_y2[1, 0])], ["b_y", f4(b_y2[0])]],
            "highlight": ["Wy11", "Wy21", "y"],
        },
        {
            "title": f"갱신: 은닉층 (학습률 {lr:g})",
            "text": "W ← W − η·∂L/∂W, b ← b − η·∂L/∂b",
            "values": [[f"W_h,{i + 1}{j + 1}", f4(W_h2[i, j])] for i in range(2) for j in range(2)]
            + [["b_h,1", f4(b_h2[0])], ["b_h,2", f4(b_h2[1])]],
            "highlight": ["Wh11", "Wh12", "Wh21", "Wh22", "h1", "h2"],
        },
        {
            "title": "다시 순전파: 새 손실",
            "text": "갱신한 파라미터로 다시 계산하면 출력이 실젯값에 가까워지고 손실이 줄어듭니다.",
            "values": [["y_out", f4(step["new_y_out"])], ["L", f4(step["new_loss"])]],
            "highlight": ["y"],
        },
    ]
    weights = {f"Wh{i + 1}{j + 1}": f"{examples.W_h[i][j]:g}" for i in range(2) for j in range(2)}
    weights |= {f"Wy{i + 1}1": f"{examples.W_y[i][0]:g}" for i in range(2)}
    biases = {"h1": f"{examples.b_h[0]:g}", "h2": f"{examples.b_h[1]:g}", "y": f"{examples.b_y[0]:g}"}
    new_out = {f"Wy{i + 1}1": f4(W_y2[i, 0]) for i in range(2)} | {"by": f4(b_y2[0])}
    new_hidden = {f"Wh{i + 1}{j + 1}": f4(W_h2[i, j]) for i in range(2) for j in range(2)}
    new_hidden |= {"bh1": f4(b_h2[0]), "bh2": f4(b_h2[1])}
    steps[-3]["labels"] = new_out  # 갱신한 값을 그림에도 적는다(그 뒤 단계도)
    steps[-2]["labels"] = new_out | new_hidden
    steps[-1]["labels"] = new_out | new_hidden
    lead = (
        "한 단계씩 따라가기: '다음 단계'를 누르면 순전파, 오차, 역전파, 갱신, 새 손실을 차례로 계산하고, "
        "그 단계에 쓰인 뉴런과 가중치를 그림에서 강조합니다. 숫자는 위의 표와 같은 계산에서 나옵니다."
    )
    if page == "learning":
        first = next(k for k, s in enumerate(steps, start=1) if s["title"] == "오차와 손실")
        lead += f' {first}단계부터(오차, 역전파, 갱신)는 <a href="../backprop/">다음 페이지</a>에서 설명합니다.'
    return _slot("stepper", lead, {"steps": steps, "weights": weights, "biases": biases})


@examples.cache
def xor_snapshots(every=XOR_FRAME_EVERY):
    """XOR [2, 4, 1] 신경망(그림과 같은 시드, 학습률, 횟수)을 every번마다 멈춰 파라미터와 손실을 기록한다.

    전체 배치 경사 하강법은 난수를 쓰지 않으므로 나눠 학습해도 한 번에 학습한 것과 같다(테스트가 확인한다).
    """
    net = Network([2, 4, 1], "sigmoid", seed=0)
    X, Y = examples.X_XOR, examples.Y_XOR
    frames = []
    for done in range(0, examples.XOR_EPOCHS + 1, every):
        if done:
            train(net, X, Y, "binary_cross_entropy", examples.XOR_LEARNING_RATE, every)
        frames.append(
            {
                "step": done,
                "params": [W.copy() for W in net.weights] + [b.copy() for b in net.biases],
                "loss": net.loss(X, Y, "binary_cross_entropy"),
                "outputs": net.forward(X).ravel().copy(),
            }
        )
    return frames


def xor_scrubber():
    """XOR 학습 되감기: 학습 횟수를 고르면 그때의 출력 지도와 손실. 손실과 네 점의 출력은 reference_nn이 낸 값."""
    frames = []
    for f in xor_snapshots():
        W1, W2, b1, b2 = f["params"]
        params = np.concatenate([W1.ravel(), W2.ravel(), b1, b2])
        frames.append(
            {
                "step": f["step"],
                "p": [float(f"{v:.5g}") for v in params],  # 색 지도용(5자리면 색이 구분되지 않을 만큼 같다)
                "loss": _fmt_fixed(f["loss"], 4),  # 표(tables.xor_table)와 같은 자릿수
                "out": [_fmt_fixed(v, 3) for v in f["outputs"]],
            }
        )
    lead = (
        "학습 되감기: 슬라이더로 학습 횟수를 고르면 그때 은닉층이 있는 신경망이 입력 평면의 각 점에 내는 출력(색)과 "
        f"손실을 보여 줍니다. 슬라이더 끝({examples.XOR_EPOCHS}번)은 위 그림·표와 같은 결과입니다."
    )
    points, labels = examples.X_XOR.tolist(), examples.Y_XOR.ravel().tolist()
    data = {"frames": frames, "points": points, "labels": labels, "colors": PROB_COLORS}
    return _slot("xor", lead, data)
