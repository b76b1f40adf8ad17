/* 대화형 요소: 뉴런 탐색기, 활성화 함수 탐색기, 계산 예제 한 단계씩, XOR 학습 되감기.
   페이지의 <div class="nn-widget" data-widget="..."> 자리를 채운다(scripts/widgets.py가 만든 자리와 데이터).
   JavaScript가 없으면 자리는 숨겨진 채로 남고, 페이지의 그림과 표는 그대로다.
   함수의 규칙은 reference_nn과 같다: step(0) = 0, ReLU(0) = 0, ReLU'(0) = 0, 넘치지 않는 시그모이드.
   브라우저 테스트(tests/test_widgets.py)가 보이는 숫자를 reference_nn과 비교한다. */
(function () {
  "use strict";

  // --- 활성화 함수(reference_nn/activations.py와 같은 규칙) ---
  function sigmoid(x) {
    var e = Math.exp(-Math.abs(x)); // 0 <= e <= 1: 넘치지 않는다
    return (x >= 0 ? 1 : e) / (1 + e);
  }
  var FUNCS = {
    step: { name: "계단 함수", f: function (x) { return x > 0 ? 1 : 0; },
            df: function (x) { return x === 0 ? null : 0; }, y: [-0.2, 1.2] }, // 0에서는 정의되지 않음
    sigmoid: { name: "시그모이드 함수", f: sigmoid,
               df: function (x) { var s = sigmoid(x); return s * (1 - s); }, y: [-0.1, 1.1] },
    relu: { name: "ReLU 함수", f: function (x) { return x > 0 ? x : 0; },
            df: function (x) { return x > 0 ? 1 : 0; }, y: [-0.5, 6] }
  };

  // --- 작은 도우미 ---
  function el(tag, attrs, children) {
    var svg = /^(svg|path|circle|line|text|tspan|g)$/.test(tag);
    var node = svg ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.append(c); });
    return node;
  }
  function fixed(v, digits) { // 빼기 기호(−)를 쓰고, 반올림해 0이 되면 부호를 떼고, 아주 큰 수는 지수 표기로
    var s = Math.abs(v) >= 1e21 ? v.toExponential(digits) : v.toFixed(digits);
    if (/^-0\.0*$/.test(s)) s = s.slice(1);
    return s.charAt(0) === "-" ? "−" + s.slice(1) : s;
  }
  var HINT = "숫자를 입력하세요(예: 0.5, -2, 1e3).";
  function readNumber(input) { // 유한한 수가 아니면 null
    if (input.validity && input.validity.badInput) return null;
    var text = input.value.trim();
    if (text === "") return null;
    var v = Number(text);
    return isFinite(v) ? v : null;
  }
  function field(name, label, value, sub) { // sub: 아래 첨자(보이는 기호 x₁처럼)
    var input = el("input", { type: "number", name: name, step: "any", value: value, inputmode: "decimal" });
    var text = el("span", {}, [label]);
    if (sub) text.append(el("sub", {}, [sub]));
    return { label: el("label", {}, [text, input]), input: input };
  }

  // 함수 그래프(SVG): 곡선과 움직이는 점. 범위 밖의 점은 가장자리에 붙이고 속을 비운다.
  function graph(fn, xr, yr, title) {
    var W = 260, H = 150, P = 22;
    function sx(x) { return P + (x - xr[0]) / (xr[1] - xr[0]) * (W - 2 * P); }
    function sy(y) { return H - P - (y - yr[0]) / (yr[1] - yr[0]) * (H - 2 * P); }
    var d = "", pen = false, last = 0;
    for (var i = 0; i <= 240; i++) {
      var x = xr[0] + (xr[1] - xr[0]) * i / 240, y = fn(x);
      if (y === null || y < yr[0] || y > yr[1]) { pen = false; continue; }
      if (pen && Math.abs(y - last) > (yr[1] - yr[0]) / 4) pen = false; // 계단처럼 뛰는 곳은 잇지 않는다
      d += (pen ? "L" : "M") + sx(x).toFixed(1) + " " + sy(y).toFixed(1);
      pen = true;
      last = y;
    }
    var dot = el("circle", { r: 5, "class": "nn-dot" });
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, "class": "nn-graph", role: "img", "aria-label": title }, [
      el("line", { x1: P, x2: W - P, y1: sy(0), y2: sy(0), "class": "nn-axis" }),
      el("line", { x1: sx(0), x2: sx(0), y1: P / 2, y2: H - P, "class": "nn-axis" }),
      el("path", { d: d, "class": "nn-curve" }),
      el("text", { x: W - P, y: sy(0) + 14, "text-anchor": "end" }, [fixed(xr[1], 0)]),
      el("text", { x: P, y: sy(0) + 14 }, [fixed(xr[0], 0)]),
      el("text", { x: sx(0) + 4, y: 12 }, [title]),
      dot
    ]);
    svg.move = function (x, y) {
      if (y === null) { dot.setAttribute("visibility", "hidden"); return; }
      var cx = Math.min(Math.max(x, xr[0]), xr[1]), cy = Math.min(Math.max(y, yr[0]), yr[1]);
      dot.setAttribute("visibility", "visible");
      dot.setAttribute("cx", sx(cx));
      dot.setAttribute("cy", sy(cy));
      dot.classList.toggle("nn-outside", cx !== x || cy !== y);
    };
    return svg;
  }

  // --- 1. 뉴런 탐색기 ---
  function neuron(root, data) {
    var form = el("form", { "class": "nn-form", "aria-label": "뉴런 탐색기" });
    var names = [], fields = {};
    [["x", "입력", data.x], ["w", "가중치", data.w]].forEach(function (group) {
      var box = el("fieldset", {}, [el("legend", {}, [group[1] + " " + group[0].replace("w", "W")])]);
      group[2].forEach(function (v, i) {
        var name = group[0] + (i + 1);
        var f = field(name, group[1] + " " + group[0].replace("w", "W"), v, String(i + 1));
        fields[name] = f.input; names.push(name); box.append(f.label);
      });
      form.append(box);
    });
    var b = field("b", "편향 b", data.b);
    fields.b = b.input; names.push("b");
    var select = el("select", { name: "activation" });
    Object.keys(FUNCS).forEach(function (k) {
      select.append(el("option", { value: k }, [FUNCS[k].name]));
    });
    select.value = data.activation;
    var z = el("output", { name: "z" }), y = el("output", { name: "y" });
    var msg = el("p", { "class": "nn-msg", role: "status" });
    var plots = {};
    Object.keys(FUNCS).forEach(function (k) {
      plots[k] = graph(FUNCS[k].f, [-6, 6], FUNCS[k].y, "y = f(z), " + FUNCS[k].name);
    });
    var plotBox = el("div", { "class": "nn-plots" });
    form.append(el("div", { "class": "nn-row" }, [b.label, el("label", {}, [el("span", {}, ["활성화 함수 f"]), select])]),
      el("p", { "class": "nn-result", "aria-live": "polite" }, ["가중합 z = ", z, ", 출력 y = f(z) = ", y]),
      msg, plotBox);
    function update() {
      var v = {}, bad = [];
      names.forEach(function (n) {
        v[n] = readNumber(fields[n]);
        fields[n].setAttribute("aria-invalid", v[n] === null ? "true" : "false");
        if (v[n] === null) bad.push(n.replace("w", "W"));
      });
      if (bad.length) { // 마지막으로 계산한 값은 그대로 둔다
        msg.textContent = bad.join(", ") + ": " + HINT + " 위의 z, y는 마지막으로 올바르게 계산한 값입니다.";
        return;
      }
      var s = v.b;
      for (var i = 1; i <= 4; i++) s += v["w" + i] * v["x" + i];
      var fn = FUNCS[select.value], out = fn.f(s);
      if (!isFinite(s) || !isFinite(out)) { // 곱이 부동소수점 범위를 넘었다(NaN이나 Infinity는 보이지 않는다)
        msg.textContent = "값이 너무 커서 계산할 수 없습니다. 위의 z, y는 마지막으로 올바르게 계산한 값입니다.";
        return;
      }
      msg.textContent = "";
      z.value = fixed(s, 4);
      y.value = fixed(out, 4);
      plotBox.replaceChildren(plots[select.value]);
      plots[select.value].move(s, out);
    }
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    root.append(form);
    update();
  }

  // --- 2. 활성화 함수 탐색기 ---
  function activation(root) {
    var fn = FUNCS[root.dataset.fn];
    var form = el("form", { "class": "nn-form", "aria-label": fn.name + " 탐색기" });
    var slider = el("input", { type: "range", name: "x-range", min: -6, max: 6, step: 0.1, value: 0.2 });
    var num = field("x", "입력 x (숫자)", 0.2);
    var fx = el("output", { name: "f" }), dfx = el("output", { name: "df" });
    var msg = el("p", { "class": "nn-msg", role: "status" });
    var gf = graph(fn.f, [-6, 6], fn.y, "f(x)");
    var gd = graph(fn.df, [-6, 6], [-0.1, root.dataset.fn === "sigmoid" ? 0.3 : 1.2], "f′(x)");
    form.append(el("div", { "class": "nn-row" }, [el("label", {}, [el("span", {}, ["입력 x (슬라이더)"]), slider]), num.label]),
      el("p", { "class": "nn-result", "aria-live": "polite" }, ["f(x) = ", fx, ", 기울기 f′(x) = ", dfx]),
      msg, el("div", { "class": "nn-plots" }, [gf, gd]));
    function show(x) {
      var y = fn.f(x), d = fn.df(x);
      fx.value = fixed(y, 4);
      dfx.value = d === null ? "정의되지 않음" : fixed(d, 4);
      gf.move(x, y);
      gd.move(x, d);
    }
    slider.addEventListener("input", function () {
      num.input.value = slider.value;
      num.input.setAttribute("aria-invalid", "false");
      msg.textContent = "";
      show(Number(slider.value));
    });
    num.input.addEventListener("input", function () {
      var x = readNumber(num.input);
      num.input.setAttribute("aria-invalid", x === null ? "true" : "false");
      if (x === null) { msg.textContent = "x: " + HINT + " 위의 값은 마지막으로 올바르게 계산한 값입니다."; return; }
      msg.textContent = "";
      slider.value = Math.min(Math.max(x, -6), 6);
      show(x);
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    root.append(form);
    show(0.2);
  }

  // --- 3. 계산 예제 한 단계씩 ---
  var NODES = { x1: ["x", "1", 30, 50], x2: ["x", "2", 30, 140], h1: ["h", "1", 150, 50], h2: ["h", "2", 150, 140],
                y: ["y", "out", 270, 95] };
  function svgLabel(x, y, base, sub) { // SVG 안의 아래 첨자(x₁ 같은 기호가 잘 보이도록)
    return el("text", { x: x, y: y, "text-anchor": "middle" },
              [base, el("tspan", { "baseline-shift": "sub", "font-size": "75%" }, [sub])]);
  }
  function stepper(root, data) {
    var svg = el("svg", { viewBox: "0 0 310 185", "class": "nn-diagram", role: "img",
                          "aria-label": "예제 신경망: 입력 2개, 은닉 뉴런 2개, 출력 1개. 연결선에 가중치, 뉴런 아래에 편향" });
    var labels = {};
    Object.keys(data.weights).forEach(function (id) { // Wh12: 입력 1 -> 은닉 2, Wy21: 은닉 2 -> 출력
      var a = NODES[(id.charAt(1) === "h" ? "x" : "h") + id.charAt(2)];
      var q = NODES[id.charAt(1) === "h" ? "h" + id.charAt(3) : "y"];
      var s = id.charAt(1) === "y" ? 0.55 : (id.charAt(2) === id.charAt(3) ? 0.3 : 0.7);
      labels[id] = el("text", { x: a[2] + (q[2] - a[2]) * s, y: a[3] + (q[3] - a[3]) * s - 4, "text-anchor": "middle" });
      svg.append(el("g", { "data-id": id }, [el("line", { x1: a[2], y1: a[3], x2: q[2], y2: q[3] }), labels[id]]));
    });
    Object.keys(NODES).forEach(function (id) {
      var n = NODES[id];
      var g = el("g", { "data-id": id }, [el("circle", { cx: n[2], cy: n[3], r: 17 }), svgLabel(n[2], n[3] + 5, n[0], n[1])]);
      if (data.biases[id] !== undefined) {
        var above = id === "h1"; // 편향: h₁은 위, 나머지는 아래(연결선의 가중치와 겹치지 않게)
        labels["b" + id] = el("text", { x: n[2], y: above ? n[3] - 23 : n[3] + 32, "text-anchor": "middle", "class": "nn-bias" });
        g.append(labels["b" + id]);
      }
      svg.append(g);
    });
    var counter = el("span", { "class": "nn-counter" });
    var prev = el("button", { type: "button", "class": "md-button" }, ["이전 단계"]);
    var next = el("button", { type: "button", "class": "md-button md-button--primary" }, ["다음 단계"]);
    var title = el("strong"), text = el("p"), values = el("dl", { "class": "nn-values" });
    var live = el("div", { "class": "nn-step", "aria-live": "polite", "aria-atomic": "true" }, [counter, title, text, values]);
    var box = el("div", { "class": "nn-form", role: "group", "aria-label": "계산 예제 한 단계씩" },
      [svg, el("div", { "class": "nn-row" }, [prev, next]), live]);
    var i = 0, steps = data.steps;
    function show(k) {
      i = Math.min(Math.max(k, 0), steps.length - 1);
      var s = steps[i], shown = Object.assign({}, data.weights, s.labels || {});
      counter.textContent = "단계 " + (i + 1) + " / " + steps.length + ": ";
      title.textContent = s.title;
      text.textContent = s.text;
      values.replaceChildren();
      s.values.forEach(function (pair) {
        values.append(el("dt", {}, [pair[0]]), el("dd", {}, [pair[1]]));
      });
      Object.keys(labels).forEach(function (id) { // 갱신 뒤의 단계는 새 가중치와 편향을 그림에 적는다
        labels[id].textContent = id.charAt(0) === "b" ? "b = " + (shown[id] || data.biases[id.slice(1)]) : shown[id];
      });
      svg.querySelectorAll("[data-id]").forEach(function (g) {
        g.classList.toggle("nn-on", s.highlight.indexOf(g.dataset.id) >= 0);
      });
      // disabled 대신 aria-disabled: 끝에 닿아도 초점이 그 단추에 남는다(키보드 사용자가 엉뚱한 단추를 누르지 않게)
      prev.setAttribute("aria-disabled", String(i === 0));
      next.setAttribute("aria-disabled", String(i === steps.length - 1));
    }
    prev.addEventListener("click", function () { show(i - 1); });
    next.addEventListener("click", function () { show(i + 1); });
    box.addEventListener("keydown", function (e) { // Home/End: 처음과 마지막 단계
      if (e.key === "Home" || e.key === "End") { e.preventDefault(); show(e.key === "Home" ? 0 : steps.length - 1); }
    });
    root.append(box);
    show(0);
  }

  // --- 4. XOR 학습 되감기 ---
  function rgb(hex) { return [1, 3, 5].map(function (k) { return parseInt(hex.slice(k, k + 2), 16); }); }
  function colour(colors, p) { // 출력 0, 0.5, 1의 색(정적 그림과 같은 PROB_COLORS) 사이를 잇는다
    var a = p < 0.5 ? colors[0] : colors[1], b = p < 0.5 ? colors[1] : colors[2], t = p < 0.5 ? p * 2 : p * 2 - 1;
    return a.map(function (c, k) { return Math.round(c + (b[k] - c) * t); });
  }
  function xorOutput(p, x1, x2) { // [2, 4, 1]: p = W1(2x4, 행 우선), W2(4), b1(4), b2
    var s = p[16];
    for (var j = 0; j < 4; j++) s += p[8 + j] * sigmoid(x1 * p[j] + x2 * p[4 + j] + p[12 + j]);
    return sigmoid(s);
  }
  function xor(root, data) {
    var N = 60, lo = -0.25, hi = 1.25, frames = data.frames, last = frames[frames.length - 1].step;
    var colors = data.colors.map(rgb);
    var canvas = el("canvas", { width: N, height: N, "class": "nn-map", role: "img",
                                "aria-label": "입력 평면의 각 점에서 신경망이 내는 출력(색)과 XOR의 네 점" });
    var marks = el("svg", { viewBox: "0 0 " + N + " " + N, "class": "nn-marks", "aria-hidden": "true" });
    data.points.forEach(function (q, k) {
      var cx = (q[0] - lo) / (hi - lo) * N, cy = N - (q[1] - lo) / (hi - lo) * N;
      marks.append(data.labels[k] ? el("circle", { cx: cx, cy: cy, r: 2.6, "class": "nn-one" }) // 정적 그림처럼 1은 원, 0은 X
                                  : el("path", { d: "M" + (cx - 2.4) + " " + (cy - 2.4) + "l4.8 4.8m0 -4.8l-4.8 4.8", "class": "nn-zero" }));
    });
    var range = el("input", { type: "range", name: "step", min: 0, max: last, step: frames[1].step - frames[0].step, value: last });
    var stepOut = el("output", { name: "step" }), loss = el("output", { name: "loss" }), outs = el("output", { name: "outputs" });
    var box = el("div", { "class": "nn-form", role: "group", "aria-label": "XOR 학습 되감기" }, [
      el("label", { "class": "nn-wide" }, [el("span", {}, ["학습 횟수"]), range]),
      el("p", { "class": "nn-result", "aria-live": "polite" },
         ["학습 ", stepOut, "번 뒤: 손실 ", loss, ", 네 점 (0,0), (0,1), (1,0), (1,1)의 출력 ", outs]),
      el("div", { "class": "nn-mapbox" }, [canvas, marks]),
      el("p", { "class": "nn-legend" }, ["색: 출력 0은 주황, 0.5는 흰색, 1은 파랑. 원은 XOR = 1, X는 XOR = 0인 점(왼쪽 아래가 (0, 0), 오른쪽 위가 (1, 1))."])
    ]);
    var ctx = canvas.getContext("2d"), img = ctx.createImageData(N, N);
    function show() {
      var f = frames[Math.round(Number(range.value) / (frames[1].step - frames[0].step))];
      for (var r = 0; r < N; r++) for (var c = 0; c < N; c++) {
        var px = colour(colors, xorOutput(f.p, lo + (c + 0.5) / N * (hi - lo), hi - (r + 0.5) / N * (hi - lo))), o = 4 * (r * N + c);
        img.data[o] = px[0]; img.data[o + 1] = px[1]; img.data[o + 2] = px[2]; img.data[o + 3] = 255;
      }
      ctx.putImageData(img, 0, 0);
      stepOut.value = String(f.step);
      loss.value = f.loss;
      outs.value = f.out.join(", ");
    }
    range.addEventListener("input", show);
    root.append(box);
    show();
  }

  var BUILD = { neuron: neuron, activation: activation, stepper: stepper, xor: xor };
  function build(root) {
    var script = root.querySelector("script[type='application/json']");
    BUILD[root.dataset.widget](root, script ? JSON.parse(script.textContent) : null);
    root.hidden = false;
  }
  // 화면에 들어올 때 만든다(페이지를 여는 동안에는 만들지 않는다)
  function init() {
    document.querySelectorAll(".nn-widget[hidden]:not([data-pending])").forEach(function (root) {
      root.dataset.pending = "";
      var anchor = root.previousElementSibling || root.parentElement; // 숨긴 자리는 크기가 없어 앞 요소를 본다
      if (!("IntersectionObserver" in window)) { build(root); return; }
      var watch = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) { watch.disconnect(); build(root); }
      });
      watch.observe(anchor);
    });
  }
  if (typeof document$ !== "undefined") document$.subscribe(init); else init();
})();
