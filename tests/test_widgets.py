"""대화형 요소(docs/javascripts/nn.js)를 실제 브라우저에서: 보이는 숫자가 reference_nn과 같은지.

기대값은 여기서 reference_nn으로 따로 계산한다(페이지에 넣은 데이터를 그대로 믿지 않는다).
"""

import gzip
import re

import numpy as np
import pytest

from reference_nn import Network, Neuron, relu, relu_grad, sigmoid, sigmoid_grad, step, train
from scripts import examples

#: 폼을 채우고 input 이벤트를 보낸 뒤 결과를 읽는다(설정 여러 개를 한 번에)
NEURON_RUN = """(settings) => {
  const form = document.querySelector('.nn-widget[data-widget=neuron] form');
  return settings.map(s => {
    for (const [k, v] of Object.entries(s.fields)) form.elements[k].value = v;
    form.elements.activation.value = s.activation;
    form.elements[s.last].dispatchEvent(new Event('input', {bubbles: true}));
    return [form.elements.z.value, form.elements.y.value, form.querySelector('.nn-msg').textContent];
  });
}"""


def show_widget(page):
    """열린 페이지의 대화형 요소가 있는 곳으로 스크롤하고, 요소가 만들어질 때까지 기다린다(요소는 화면에 가까워질
    때 만들어진다)."""
    page.locator(".nn-widget").evaluate("e => (e.previousElementSibling || e.parentElement).scrollIntoView()")
    page.wait_for_selector(".nn-widget:not([hidden]) .nn-form")


def _open(page, url):
    """페이지를 열고 대화형 요소를 만든다."""
    page.goto(url, wait_until="load")
    show_widget(page)


SHOWN = re.compile(r"^−?\d+\.\d{4,}$")  # 소수 넷째 자리 이상, 빼기 기호는 −


def _number(text):
    assert SHOWN.match(text), f"보인 값의 형식: {text!r}"
    return float(text.replace("−", "-"))


def _agrees(shown, expected):
    """보인 값이 기대값과 보인 자릿수(소수 넷째 자리)까지 같은지."""
    return abs(_number(shown) - expected) <= 0.5e-4 + 1e-12 * abs(expected)


def _settings(n=200, seed=0):
    """무작위 설정 n개: 보통 값, 정수, 극단(±1000), 동점(z = 0)이 섞인다."""
    rng = np.random.default_rng(seed)
    out = []
    for k in range(n):
        kind = k % 4
        if kind == 0:
            x, w, b = rng.uniform(-5, 5, 4), rng.uniform(-3, 3, 4), rng.uniform(-3, 3)
        elif kind == 1:
            x, w, b = rng.integers(-9, 10, 4).astype(float), rng.integers(-4, 5, 4) / 2, float(rng.integers(-3, 4))
        elif kind == 2:  # 극단: 입력, 가중치, 편향에 ±1000
            x = rng.choice([-1000.0, 1000.0, 0.5, -2.0], 4)
            w, b = rng.choice([-1000.0, 1000.0, 1.0, -0.25], 4), float(rng.choice([-1000.0, 1000.0, 0.0]))
        else:  # 동점: z = 0이 정확히 되도록(x1*w1 = -(x2*w2), 나머지 0)
            a = float(rng.integers(1, 6))
            x, w, b = np.array([a, a, 0.0, 0.0]), np.array([1.5, -1.5, rng.uniform(-2, 2), 0.0]), 0.0
        fields = {f"x{i + 1}": repr(float(v)) for i, v in enumerate(x)}
        fields |= {f"w{i + 1}": repr(float(v)) for i, v in enumerate(w)}
        fields["b"] = repr(float(b))
        out.append({"fields": fields, "activation": ["step", "sigmoid", "relu"][k % 3], "last": "b"})
    return out


def test_neuron_explorer_agrees_with_reference_nn(page, base_url):
    _open(page, base_url + "neuron/")
    settings = _settings()
    shown = page.evaluate(NEURON_RUN, settings)
    ties = extremes = 0
    for s, (z, y, msg) in zip(settings, shown, strict=True):
        f = s["fields"]
        neuron = Neuron([float(f[f"w{i}"]) for i in range(1, 5)], float(f["b"]), s["activation"])
        x = [float(f[f"x{i}"]) for i in range(1, 5)]
        assert msg == "", (s, msg)
        assert _agrees(z, neuron.weighted_sum(x)), (s, z, neuron.weighted_sum(x))
        assert _agrees(y, neuron(x)), (s, y, neuron(x))
        ties += neuron.weighted_sum(x) == 0
        extremes += "1000.0" in str(f.values())
    assert ties >= 40
    assert extremes >= 40


def test_neuron_explorer_rules_at_the_edges(page, base_url):
    """step(0) = 0, ReLU(0) = 0, 시그모이드는 ±1000에서도 0과 1(NaN이나 Infinity가 아니다)."""
    _open(page, base_url + "neuron/")
    zero = {"x1": "1", "x2": "1", "x3": "0", "x4": "0", "w1": "2", "w2": "-2", "w3": "0", "w4": "0", "b": "0"}
    big = dict(zero, w2="0", x1="1000", w1="1", b="0")  # z = 1000
    small = dict(big, w1="-1")  # z = -1000
    activations = ("step", "sigmoid", "relu")
    runs = [{"fields": f, "activation": a, "last": "b"} for f in (zero, big, small) for a in activations]
    shown = [(z, y) for z, y, _ in page.evaluate(NEURON_RUN, runs)]
    assert shown[:3] == [("0.0000", "0.0000"), ("0.0000", "0.5000"), ("0.0000", "0.0000")]
    assert shown[3:6] == [("1000.0000", "1.0000"), ("1000.0000", "1.0000"), ("1000.0000", "1000.0000")]
    assert shown[6:] == [("−1000.0000", "0.0000"), ("−1000.0000", "0.0000"), ("−1000.0000", "0.0000")]


def test_neuron_explorer_never_shows_nan_or_infinity(page, base_url):
    """유한하지만 아주 큰 값(1e308)끼리 곱하면 부동소수점 범위를 넘는다: 알림을 보이고 마지막 결과를 둔다."""
    _open(page, base_url + "neuron/")
    ok = {"x1": "1", "x2": "0", "x3": "0", "x4": "0", "w1": "2", "w2": "0", "w3": "0", "w4": "0", "b": "0"}
    huge = dict(ok, x1="1e308", w1="1e308")
    cancel = dict(huge, x2="1e308", w2="-1e308")  # inf - inf = NaN
    runs = [{"fields": f, "activation": "sigmoid", "last": "b"} for f in (ok, huge, cancel)]
    shown = page.evaluate(NEURON_RUN, runs)
    assert shown[0][:2] == ["2.0000", "0.8808"]
    for z, y, message in shown[1:]:
        assert (z, y) == ("2.0000", "0.8808")  # 마지막으로 올바르게 계산한 값
        assert "너무 커서" in message
    text = page.locator(".nn-widget[data-widget=neuron]").inner_text()
    assert "NaN" not in text
    assert "Infinity" not in text


def test_controls_are_labelled_and_results_announced(page, base_url):
    _open(page, base_url + "neuron/")
    widget = page.locator(".nn-widget[data-widget=neuron]")
    for label in ["입력 x1", "입력 x4", "가중치 W1", "가중치 W4", "편향 b"]:
        assert widget.get_by_label(label, exact=True).count() == 1, label
    assert widget.get_by_label("활성화 함수 f").evaluate("e => e.name") == "activation"
    assert widget.locator("[aria-live] output[name=z]").count() == 1
    assert widget.locator("[aria-live] output[name=y]").count() == 1
    _open(page, base_url + "networks/")
    assert page.get_by_label("학습 횟수").count() == 1
    assert page.locator(".nn-widget [aria-live] output[name=loss]").count() == 1


def test_activation_explorer_slider_and_bad_input(page, base_url):
    _open(page, base_url + "sigmoid/")
    widget = page.locator(".nn-widget[data-widget=activation]")
    number = widget.locator("input[name=x]")
    number.fill("")
    assert "숫자를 입력하세요" in widget.locator(".nn-msg").text_content()
    assert number.get_attribute("aria-invalid") == "true"
    assert widget.locator("output[name=f]").text_content() == f"{sigmoid(0.2):.4f}"  # 마지막 결과 그대로
    slider = widget.locator("input[name=x-range]")
    slider.focus()
    page.keyboard.press("ArrowRight")  # 키보드로 슬라이더를 한 칸(0.1)
    assert float(number.input_value()) == pytest.approx(0.3)
    assert number.get_attribute("aria-invalid") == "false"
    assert widget.locator(".nn-msg").text_content() == ""
    assert widget.locator("output[name=f]").text_content() == f"{sigmoid(0.3):.4f}"
    assert widget.locator("output[name=df]").text_content() == f"{sigmoid_grad(0.3):.4f}"
    dot = widget.locator(".nn-dot").first
    before = dot.get_attribute("cx")
    number.fill("1000")  # 그래프 밖: 점은 가장자리에 속을 비워 붙는다
    assert dot.get_attribute("cx") != before
    assert "nn-outside" in dot.get_attribute("class")


#: axe가 위반(violations)만 자세히 모으게 한다. 검사하는 규칙과 찾는 위반은 같다: 역전파 페이지에 일부러 넣은 위반
#: 33곳(글자 대비 31, 대체 글 1, 랜드마크 1)이 두 방법에서 같았다. 통과와 판단 못 함 항목마다 고유 선택자를 만드는
#: 일만 건너뛰어, 13쪽의 axe 시간이 38~44 s에서 25 s로 준다.
AXE_OPTIONS = {"resultTypes": ["violations"]}
#: 두 프레임이 지나면 풀리는 약속(화면을 두 번 그린 뒤)
TWO_FRAMES_JS = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
#: 두 프레임을 기다리고, 끝이 있는 애니메이션(Material의 색, 투명도 전환 등)이 모두 끝날 때까지 기다린다. 끝난 뒤
#: 새로 시작한 것도 기다린다. 끝나지 않는 것이 있어도 멈추지 않게(page.evaluate에는 시간 제한이 없다) 한 번에
#: 3초, 모두 10초까지만 기다린다. 돌려주는 것은 그래도 도는 애니메이션([요소, 속성 또는 이름]; 빈 목록이면 멈춤).
SETTLE_JS = """async () => {
  const frames = TWO_FRAMES;
  const end = performance.now() + 10000;
  let running = [];
  while (performance.now() < end) {
    await frames();
    running = document.getAnimations().filter(a =>
      a.playState === 'running' && Number.isFinite(a.effect.getComputedTiming().endTime));
    if (!running.length) return [];
    const finished = Promise.all(running.map(a => a.finished.catch(() => null)));
    await Promise.race([finished, new Promise(r => setTimeout(r, 3000))]);
  }
  return running.map(a => [a.effect.target.nodeName, a.transitionProperty || a.animationName || '?']);
}""".replace("TWO_FRAMES", TWO_FRAMES_JS)


def axe_problems(page, context=None):
    """화면이 멈춘 뒤(SETTLE_JS) axe를 돌려 심각, 치명적 위반을 ["규칙 (영향) [요소...]"]로 돌려준다. 애니메이션이
    멈추지 않으면 그것도 문제로 돌려준다(그래도 axe는 돌린다).

    바로 돌리면 읽는 사람이 보지 않는 중간 상태를 본다: 전환 중인 글자색(대비), Material이 다음 프레임에 다는
    코드 블록의 tabindex(scrollable-region-focusable: CI에서 한 번 실패).
    """
    from axe_playwright_python.sync_playwright import Axe

    still = page.evaluate(SETTLE_JS)
    problems = [f"10초 기다려도 끝나지 않는 애니메이션 {still[:5]}"] if still else []
    violations = Axe().run(page, context=context, options=AXE_OPTIONS).response["violations"]
    return problems + [
        f"{v['id']} ({v['impact']}) {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.slow(14)
def test_widgets_pass_axe_after_use_in_both_themes(browser, base_url):
    """초점이 단추에 있을 때, 오류 알림이 보일 때, 어두운 테마에서도 axe의 심각한 위반이 없다."""
    problems = []
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 390, "height": 800}, color_scheme=scheme)
        page = context.new_page()
        _open(page, base_url + "backprop/")
        page.locator(".nn-widget").get_by_role("button", name="다음 단계").focus()
        page.keyboard.press("End")
        problems += [f"{scheme} backprop: {p}" for p in axe_problems(page, context=".nn-widget")]
        _open(page, base_url + "neuron/")
        page.locator(".nn-widget input[name=x1]").fill("")
        problems += [f"{scheme} neuron: {p}" for p in axe_problems(page, context=".nn-widget")]
        context.close()
    assert problems == [], "\n".join(problems)


def test_instant_navigation_stays_off():
    """대화형 요소는 페이지를 새로 읽을 때 만든다: Material의 instant 내비게이션은 꺼 둔다(이슈의 약속)."""
    from mkdocs.config import load_config

    from tests.conftest import ROOT

    assert "navigation.instant" not in load_config(str(ROOT / "mkdocs.yml"))["theme"]["features"]


def test_neuron_explorer_bad_input_keeps_last_result(page, base_url):
    _open(page, base_url + "neuron/")
    widget = page.locator(".nn-widget[data-widget=neuron]")
    before = widget.locator("output[name=z]").text_content(), widget.locator("output[name=y]").text_content()
    x1 = widget.locator("input[name=x1]")
    x1.fill("")  # 빈 칸
    message = widget.locator(".nn-msg")
    assert "숫자를 입력하세요" in message.text_content()
    assert "x1" in message.text_content()
    after = widget.locator("output[name=z]").text_content(), widget.locator("output[name=y]").text_content()
    assert after == before
    assert x1.get_attribute("aria-invalid") == "true"
    x1.press_sequentially("abc")  # 숫자 칸은 글자를 받지 않는다: 여전히 빈 칸
    x1.press_sequentially("1e")  # 끝나지 않은 지수 표기: 잘못된 입력
    assert "숫자를 입력하세요" in message.text_content()
    assert "NaN" not in widget.inner_text()
    assert "Infinity" not in widget.inner_text()
    x1.fill("2")
    assert message.text_content() == ""
    assert widget.locator("output[name=z]").text_content() != before[0]  # 다시 계산한다(x1이 1에서 2로)


@pytest.mark.parametrize("name", ["step", "sigmoid", "relu"])
def test_activation_explorer_agrees_with_reference_nn(page, base_url, name):
    _open(page, base_url + f"{name}/")
    widget = page.locator(".nn-widget[data-widget=activation]")
    f, df = {"step": (step, None), "sigmoid": (sigmoid, sigmoid_grad), "relu": (relu, relu_grad)}[name]
    grid = [-1000, -6, -1.5, -0.5, -1e-9, 0, 1e-9, 0.1, 0.2, 0.5, 1, 2.5, 6, 1000]
    for x in grid:
        widget.locator("input[name=x]").fill(repr(float(x)))
        assert _agrees(widget.locator("output[name=f]").text_content(), f(x)), (name, x)
        shown_df = widget.locator("output[name=df]").text_content()
        if df is not None:
            assert _agrees(shown_df, df(x)), (name, x, shown_df)
        elif x == 0:
            assert shown_df == "정의되지 않음"  # 정적 그림의 빈 점과 같다
        else:
            assert shown_df == "0.0000"
        assert float(widget.locator("input[name=x-range]").input_value()) == pytest.approx(min(max(x, -6), 6), abs=0.05)


def _expected_steps():
    """계산 예제의 단계마다 보일 (이름, 값) 목록: reference_nn으로 여기서 따로 계산하고 표의 자릿수로 적는다."""
    net, x, t = examples.example()
    y_out = net.forward(x)
    z_h, h, z_y = net.z[0].copy(), net.a[1].copy(), net.z[1][0]
    loss, dW, db = net.backprop(x, t, "mse")
    train(net, x, t, "mse", examples.learning_rate, epochs=1)
    new_W, new_b = net.weights, net.biases

    def f(v, d=4):
        return f"{v:.{d}f}".replace("-", "−")

    return [
        [("x₁", "0.05"), ("x₂", "0.1"), ("실젯값", "0.01")],
        [("z_h1", f(z_h[0])), ("h1", f(h[0]))],
        [("z_h2", f(z_h[1])), ("h2", f(h[1]))],
        [("z_y", f(z_y)), ("y_out", f(y_out[0]))],
        [("오차", f(t[0] - y_out[0])), ("L", f(loss))],
        [("δ_y", f(db[1][0], 6))],
        [("∂L/∂W_y,11", f(dW[1][0, 0], 6)), ("∂L/∂W_y,21", f(dW[1][1, 0], 6))],
        [("δ_h,1", f(db[0][0], 6)), ("δ_h,2", f(db[0][1], 6))],
        [(f"∂L/∂W_h,{i + 1}{j + 1}", f(dW[0][i, j], 6)) for i in range(2) for j in range(2)],
        [("W_y,11", f(new_W[1][0, 0])), ("W_y,21", f(new_W[1][1, 0])), ("b_y", f(new_b[1][0]))],
        [(f"W_h,{i + 1}{j + 1}", f(new_W[0][i, j])) for i in range(2) for j in range(2)]
        + [("b_h,1", f(new_b[0][0])), ("b_h,2", f(new_b[0][1]))],
        [("y_out", f(net.forward(x)[0])), ("L", f(net.loss(x, t, "mse")))],
    ]


def _read_step(widget):
    names = widget.locator(".nn-values dt").all_text_contents()
    values = widget.locator(".nn-values dd").all_text_contents()
    return list(zip(names, values, strict=True))


@pytest.mark.parametrize("name", ["learning", "backprop"])
def test_stepper_numbers_equal_reference_nn_and_tables(page, base_url, name):
    _open(page, base_url + f"{name}/")
    widget = page.locator(".nn-widget[data-widget=stepper]")
    expected = _expected_steps()
    next_button = widget.get_by_role("button", name="다음 단계")
    next_button.focus()
    seen = [_read_step(widget)]
    for _ in range(len(expected) - 1):
        page.keyboard.press("Enter")  # 키보드만으로 다음 단계
        seen.append(_read_step(widget))
    assert seen == expected
    assert next_button.get_attribute("aria-disabled") == "true"  # 마지막 단계에 닿았다
    page.keyboard.press("Enter")  # 한 번 더 눌러도 마지막 단계에 머문다(초점은 그 단추에)
    assert "단계 12 / 12" in widget.locator("[aria-live]").inner_text()
    assert _read_step(widget) == expected[-1]
    tables = " ".join(page.locator(".md-content table td").all_text_contents())  # 화면 밖의 표도(content-visibility)
    # 페이지의 표에 있는 단계(learning: 순전파 표, backprop: 역전파와 갱신 표)의 숫자는 모두 그 표에 있다
    tabled = seen[1:4] if name == "learning" else seen[5:11]
    missing = [v for step_values in tabled for _, v in step_values if v not in tables]
    assert missing == []
    page.keyboard.press("Home")
    assert _read_step(widget) == expected[0]
    page.keyboard.press("End")
    assert _read_step(widget) == expected[-1]
    page.keyboard.press("Home")
    for _ in range(6):
        page.keyboard.press("Enter")
    highlighted = widget.locator(".nn-on").evaluate_all("els => els.map(e => e.dataset.id)")
    assert sorted(highlighted) == ["Wy11", "Wy21"]  # W_y의 기울기 단계는 W_y 연결선을 강조한다


def test_xor_scrubber_last_frame_equals_table_and_reference_nn(page, base_url):
    _open(page, base_url + "networks/")
    widget = page.locator(".nn-widget[data-widget=xor]")
    scrub = widget.locator("input[name=step]")
    assert scrub.get_attribute("max") == str(examples.XOR_EPOCHS)
    table = page.locator(".md-content table", has_text="학습한 뒤 손실")
    # textContent: 화면 밖이라 아직 그리지 않은(content-visibility) 표에서도 innerText와 달리 글자를 준다
    row = [t.strip() for t in table.locator("tr", has_text="[2, 4, 1]").locator("td").all_text_contents()]
    scrub.fill(str(examples.XOR_EPOCHS))
    assert widget.locator("output[name=loss]").text_content() == row[-1]  # 표의 "2000번 학습한 뒤 손실"
    net = Network([2, 4, 1], "sigmoid", seed=0)  # 그림과 같은 조건으로 따로 학습
    history = train(net, examples.X_XOR, examples.Y_XOR, "binary_cross_entropy", 1.0, examples.XOR_EPOCHS)
    outputs = ", ".join(f"{v:.3f}" for v in net.forward(examples.X_XOR).ravel())
    assert widget.locator("output[name=outputs]").text_content() == outputs
    assert widget.locator("output[name=step]").text_content() == str(examples.XOR_EPOCHS)
    scrub.fill("0")
    assert widget.locator("output[name=loss]").text_content() == f"{history[0]:.4f}"
    scrub.press("End")  # 키보드로도 움직인다
    assert widget.locator("output[name=step]").text_content() == str(examples.XOR_EPOCHS)
    # 색 지도: 끝에서는 (0, 1) 자리가 파랑 쪽(출력 1), (0, 0) 자리가 주황 쪽(출력 0)
    pixel = """([x1, x2]) => { const c = document.querySelector('.nn-map'); const n = c.width;
      const col = Math.floor((x1 + 0.25) / 1.5 * n), row = Math.floor((1.25 - x2) / 1.5 * n);
      return Array.from(c.getContext('2d').getImageData(col, row, 1, 1).data); }"""
    blue = page.evaluate(pixel, [0.0, 1.0])
    orange = page.evaluate(pixel, [0.0, 0.0])
    assert blue[2] > blue[0]
    assert orange[0] > orange[2]


WIDGET_PAGES = ["neuron/", "step/", "sigmoid/", "relu/", "learning/", "backprop/", "networks/"]


@pytest.mark.slow(7)
def test_without_javascript_the_static_page_is_unchanged(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for path in WIDGET_PAGES:
        page.goto(base_url + path, wait_until="load")
        assert page.locator(".nn-widget").count() == 1
        assert not page.locator(".nn-widget").is_visible()  # 자리는 숨겨진 채
        assert page.locator(".nn-form").count() == 0
        images = page.evaluate("() => [...document.querySelectorAll('.md-content img')].map(i => i.naturalWidth)")
        assert images, path
        assert all(w > 0 for w in images), path
    page.goto(base_url + "learning/", wait_until="load")
    assert page.locator(".md-content table").count() >= 1
    context.close()


def test_widget_code_and_data_stay_small(site, pages):
    """페이지마다 더하는 JavaScript와 데이터(gzip)가 20 KiB 이하."""
    script = gzip.compress((site / "javascripts" / "nn.js").read_bytes(), mtime=0)
    for path in WIDGET_PAGES:
        html = pages[path + "index.html"]
        slot = re.search(r'<div class="nn-widget".*?</div>', html, re.DOTALL).group(0)
        added = len(script) + len(gzip.compress(slot.encode(), mtime=0))
        assert added <= 20 * 1024, (path, added)
