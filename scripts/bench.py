"""성능 측정: 예산(budget)과 함께 표로 출력하고 JSON으로 남긴다. 손으로 실행한다(테스트는 --tiny로 돌아가는지만 본다).

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python -m scripts.bench [--tests] [--lighthouse]

- 사이트 빌드: 깨끗한 빌드(빈 캐시 폴더), 바뀐 것 없는 다시 빌드, 페이지 하나를 고친 뒤 다시 빌드(serve의 편집 고리)
- 페이지 무게: 같은 글·그림의 기본 Material 페이지 대비 전송 바이트(브라우저), 선택: Lighthouse 성능 점수
- 그림의 가장 작은 글자가 1280 px와 390 px 화면에서 보이는 크기(CSS px)
- 테스트 전체 시간(--tests)
- reference_nn 학습 한 단계 대 PyTorch(CPU, float64; torch가 설치되어 있을 때)
- 시그모이드 대 ReLU 연산 비용(값 10^6개): 결과를 scripts/activation_cost.json에 써서 페이지가 인용한다
"""

import argparse
import datetime
import itertools
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

import numpy as np

from reference_nn import Network, relu, relu_grad, sigmoid, sigmoid_grad, train

ROOT = Path(__file__).resolve().parent.parent
ACTIVATION_COST_JSON = ROOT / "scripts" / "activation_cost.json"
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
rows = []  # (항목, 측정값, 예산, 통과 여부)


def report(item, value, budget, ok):
    rows.append({"item": item, "value": value, "budget": budget, "ok": ok})
    print(f"{item:58} {value:>22} {budget:>26} {'OK' if ok else '초과'}")


def best(fn, number, repeat=5):
    """가장 빠른 회차의 1회 평균 시간(초). 공유 머신의 잡음을 줄인다."""
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


# ---------------------------------------------------------------- 1. 사이트 빌드
def bench_build():
    # 깨끗한 빌드: 저장소의 .cache는 그대로 두고(다른 빌드가 쓰고 있을 수 있다) 빈 캐시 폴더에서 잰다
    env = dict(ENV, NN_CACHE_DIR=tempfile.mkdtemp(prefix="bench-cache-"))
    out = Path(tempfile.mkdtemp())
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(out)]
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    clean = time.perf_counter() - t0
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    again = time.perf_counter() - t0
    bench_edit_loop(env)
    report("깨끗한 빌드(그림, 노트북 실행 포함)", f"{clean:.1f} s", "<= 15 s", clean <= 15)
    limit = max(3.0, clean / 3)
    report("바뀐 것 없는 다시 빌드", f"{again:.1f} s", f"<= {limit:.1f} s (3 s 또는 1/3)", again <= limit)
    return out


_EDIT_LOOP = """
import json, shutil, statistics, sys, tempfile, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
sys.argv = ["mkdocs", "serve"]  # 훅이 serve일 때처럼 한다(인쇄용 페이지를 만들지 않는다)
docs = Path(tempfile.mkdtemp()) / "docs"
shutil.copytree("docs", docs)
times = []
for i in range(6):  # mkdocs serve처럼: 페이지 하나를 고치고, 설정을 다시 읽고, 다시 빌드한다(첫 회는 준비)
    with open(docs / "index.md", "a", encoding="utf-8") as f:
        f.write(f"\\n고친 줄 {i}\\n")
    t0 = time.perf_counter()
    build(load_config("mkdocs.yml", docs_dir=str(docs), site_dir=tempfile.mkdtemp()))
    times.append(time.perf_counter() - t0)
print(json.dumps(times))
"""


def bench_edit_loop(env):
    """캐시가 찬 상태에서 페이지 하나의 Markdown을 고친 뒤 다시 빌드하는 시간(serve의 편집 고리). 예산 1.5 s."""
    out = subprocess.run([sys.executable, "-c", _EDIT_LOOP], cwd=ROOT, env=env, check=True, capture_output=True)
    times = json.loads(out.stdout)[1:]
    median = sorted(times)[len(times) // 2]
    report("페이지 하나를 고친 뒤 다시 빌드(중앙값, 5회)", f"{median:.2f} s", "<= 1.5 s", median <= 1.5)


# ---------------------------------------------------------------- 2. 페이지 무게
BOOK = "print_page/"  # 모든 페이지를 모은 인쇄용 페이지: 예산 없이 따로 보고한다


def _book_pages(site):
    """사이트 안의 페이지 주소(소개는 ""), 인쇄용 페이지는 빼고."""
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    pages = ["" if p == "." else p + "/" for p in pages if not p.startswith(("search", "assets"))]
    return [p for p in pages if p != BOOK]


def bench_pages(site, lighthouse):
    from playwright.sync_api import sync_playwright

    from scripts import pageweight

    plain = pageweight.build_plain_site(site, Path(tempfile.mkdtemp()) / "plain")
    pages = _book_pages(site)
    serve = pageweight.serve
    with (
        sync_playwright() as p,
        serve(site) as ours_url,
        serve(plain) as plain_url,
        serve(site, gzip=True) as gz_url,
        serve(plain, gzip=True) as plain_gz_url,
    ):
        browser = pageweight.launch_chromium(p)
        ours = pageweight.transfer_bytes(browser, ours_url, [*pages, BOOK])
        reference = pageweight.transfer_bytes(browser, plain_url, pages)
        for path in pages:
            ratio = ours[path] / reference[path]
            report(f"페이지 무게 /{path}", f"{ours[path]:,} B = {ratio:.2f}x", "<= 1.25x 기본 Material", ratio <= 1.25)
        report(f"페이지 무게 /{BOOK} (책 전체, 예산 없음)", f"{ours[BOOK]:,} B", "보고만", True)
        browser.close()
        if lighthouse:  # GitHub Pages처럼 gzip으로 보내는 서버에서 잰다
            bench_lighthouse(gz_url, plain_gz_url, pages)


def bench_figure_text(site):
    """그림의 가장 작은 글자가 화면에서 보이는 크기(CSS px, 1280 px와 390 px 화면, 예산 11 px 이상)."""
    from playwright.sync_api import sync_playwright

    from scripts import cachekey, figures, pageweight

    sizes = figures.text_sizes(cachekey.CACHE / "figures")
    pages = _book_pages(site)
    with sync_playwright() as p, pageweight.serve(site) as url:
        browser = pageweight.launch_chromium(p)
        for width in (1280, 390):
            page = browser.new_page(viewport={"width": width, "height": 900})
            shown = {}
            for path in pages:
                page.goto(url + path, wait_until="load")
                for name, px in pageweight.figure_text_px(page, sizes):
                    shown[name] = min(shown.get(name, 99.0), px)
            for name, px in sorted(shown.items()):
                report(f"그림 글자 {name} ({width} px 화면)", f"{px:.1f} px", ">= 11 px", px >= 11)
            page.close()
        browser.close()


def bench_widgets(site):
    """대화형 요소가 페이지에 더하는 JavaScript와 데이터(gzip 바이트): 예산은 페이지마다 20 KiB."""
    import gzip
    import re

    script = len(gzip.compress((site / "javascripts" / "nn.js").read_bytes(), mtime=0))
    for page in sorted(site.rglob("index.html")):
        slots = re.findall(r'<div class="nn-widget".*?</div>', page.read_text(encoding="utf-8"), re.DOTALL)
        if slots:
            data = sum(len(gzip.compress(s.encode(), mtime=0)) for s in slots)
            path = page.parent.relative_to(site).as_posix()
            added = script + data
            item = f"대화형 요소 /{path}/ (JS {script:,} + 데이터 {data:,})"
            report(item, f"{added:,} B gzip", "<= 20 KiB", added <= 20480)


def bench_lighthouse(base_url, plain_url, pages, runs=3):
    """페이지마다 Lighthouse 성능 점수(모바일, 기본 CPU 4배 감속)의 중앙값. 같은 글·그림의 기본 Material 페이지도 번갈아
    재어 함께 적는다: 이 공유 머신에서는 점수가 날마다 크게 달라(기본 Material 페이지도 0.77~0.87인 날이 있다) 예산을
    못 맞춘 까닭이 우리 페이지인지 머신인지 가른다.

    머신의 빠르기도 함께 적는다. Lighthouse는 실행마다 CPU 벤치마크(benchmarkIndex)를 잰다. 기본 4배 감속은
    benchmarkIndex 약 1500인 빠른 데스크톱에서 중급 휴대폰을 흉내 내는 값이다. 더 느린 머신이면 보고서에 '이 기기의
    CPU가 Lighthouse가 기대하는 것보다 느리다'는 경고를 넣고, 감속 배수를 보정하라고 권한다(lighthouse_multiplier).
    예산은 보정하지 않은 기본값으로 본다."""
    prefix = ROOT / ".cache" / "lighthouse"
    binary = prefix / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(
            ["npm", "i", "-E", "--prefix", str(prefix), "lighthouse@12.2.3"], check=True, capture_output=True
        )
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
    flags = _lighthouse_chrome_flags(prefix)
    for path in pages:
        ours, plain = [], []
        for _ in range(runs):  # 번갈아: 머신이 느려진 때가 두 쪽에 고르게
            ours.append(_lighthouse_once(binary, base_url + path, env, flags))
            plain.append(_lighthouse_once(binary, plain_url + path, env, flags))
        score, reference = (sorted(r["score"] for r in rs)[runs // 2] for rs in (ours, plain))  # 세 번의 가운데 값
        index = sorted(r["benchmark_index"] for r in ours + plain)  # 보정 배수는 가운데 값(짝수 개면 위쪽)으로
        slow = sum(r["slow_host"] for r in ours + plain)
        item = f"Lighthouse 성능 /{path} (중앙값 {runs}회; 기본 Material {reference:.2f})"
        report(item, f"{score:.2f}", ">= 0.95", score >= 0.95)
        print(
            f"    머신: benchmarkIndex {index[0]:.0f}~{index[-1]:.0f}, 느린 CPU 경고 {slow}/{2 * runs}회, "
            f"Lighthouse 보정 계산기가 권하는 감속 {lighthouse_multiplier(index[len(index) // 2])} (기본 4배)"
        )


def lighthouse_multiplier(benchmark_index):
    """Lighthouse 문서(docs/throttling.md)가 안내하는 CPU 감속 계산기의 권장 배수(문자열). benchmarkIndex를 BI라
    하면 1300 이상은 3 + (BI - 1300) / 233배, 800~1300은 2 + (BI - 800) / 500배, 150~800은 1 + (BI - 150) / 650배,
    그보다 느리면 흉내 낼 수 없다.

    >>> lighthouse_multiplier(1533), lighthouse_multiplier(974), lighthouse_multiplier(100)
    ('4.0배', '2.3배', '너무 느림')
    """
    for low, base, span in ((1300, 3, 233), (800, 2, 500), (150, 1, 650)):
        if benchmark_index >= low:
            return f"{base + (benchmark_index - low) / span:.1f}배"
    return "너무 느림"


def _lighthouse_chrome_flags(prefix):
    """Lighthouse가 띄우는 Chromium의 옵션. chrome-launcher가 끄는 기능에 보이지 않는 주소창 팝업
    (pageweight.HIDDEN_POPUP_FEATURES)을 더 끈다: 팝업은 창을 열면 다른 렌더러에서 약 1.5 CPU-s를 쓰며, 두 코어인
    이 머신에서 재는 페이지와 CPU를 나눈다."""
    from scripts import pageweight

    code = "import('chrome-launcher').then(m => console.log(m.Launcher.defaultFlags().join('\\n')))"
    result = subprocess.run(["node", "-e", code], cwd=prefix, capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"chrome-launcher의 기본 옵션을 읽지 못했습니다:\n{result.stderr[-2000:]}")
    option = "--disable-features="
    defaults = [f for line in result.stdout.split() if line.startswith(option) for f in line[len(option) :].split(",")]
    return "--headless --no-sandbox --disable-gpu " + pageweight.with_popup_off(defaults)


def _lighthouse_once(binary, url, env, flags):
    """한 번 잰 {score, benchmark_index, slow_host(Lighthouse가 느린 CPU를 경고했는가)}."""
    out = Path(tempfile.mkdtemp()) / "lh.json"
    subprocess.run(
        [
            str(binary),
            url,
            "--quiet",
            "--only-categories=performance",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={flags}",
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    result = json.loads(out.read_text())
    return {
        "score": result["categories"]["performance"]["score"],
        "benchmark_index": result["environment"]["benchmarkIndex"],
        "slow_host": any("slower CPU" in w for w in result.get("runWarnings", [])),
    }


# ---------------------------------------------------------------- 3. 테스트 시간
def bench_tests():
    """README의 테스트 명령 전체의 시간. 머신 전체의 CPU 시간(/proc/stat)도 적는다: 테스트는 CPU를 쓰는 일(브라우저,
    빌드)이 대부분이라, 시간은 대략 CPU 시간 / 코어 수보다 짧아지지 않는다."""
    t0, busy0 = time.perf_counter(), busy_cpu_seconds()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=ROOT, capture_output=True
    )
    elapsed, busy = time.perf_counter() - t0, busy_cpu_seconds()
    status = "통과" if result.returncode == 0 else f"실패(코드 {result.returncode})"
    report(
        f"테스트 전체(브라우저 포함), {status}",
        f"{elapsed:.0f} s",
        "<= 120 s",
        elapsed <= 120 and not result.returncode,
    )
    if busy is not None:
        cpu, cores = busy - busy0, os.cpu_count()
        print(f"    머신 전체 CPU {cpu:.0f} CPU-s, 코어 {cores}개: CPU 시간 / 코어 수 = {cpu / cores:.0f} s")


def busy_cpu_seconds():
    """이 머신(VM)의 모든 코어가 쉬지 않은 시간의 합(초, /proc/stat). 리눅스가 아니면 None."""
    try:
        with open("/proc/stat") as f:
            fields = [int(v) for v in f.readline().split()[1:]]
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq = fields[:7]
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


# ---------------------------------------------------------------- 4. 학습 한 단계 대 PyTorch
def _numpy_step(sizes, hidden, batch, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.random((batch, sizes[0]))
    y = (rng.random((batch, sizes[-1])) > 0.5).astype(float)
    net = Network(sizes, [hidden] * (len(sizes) - 2) + ["sigmoid"], seed=seed)
    # 순전파, 역전파, 갱신 한 바퀴: reference_nn의 train을 그대로 쓴다
    return lambda: train(net, X, y, "binary_cross_entropy", learning_rate=0.1, epochs=1)


def _torch_step(torch, sizes, hidden, batch, seed=0):
    torch.manual_seed(seed)
    layers = []
    for n_in, n_out in itertools.pairwise(sizes):
        layers += [torch.nn.Linear(n_in, n_out), torch.nn.ReLU() if hidden == "relu" else torch.nn.Sigmoid()]
    layers[-1] = torch.nn.Sigmoid()
    model = torch.nn.Sequential(*layers).double()
    X = torch.rand(batch, sizes[0], dtype=torch.float64)
    y = (torch.rand(batch, sizes[-1], dtype=torch.float64) > 0.5).double()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    loss_fn = torch.nn.BCELoss()

    def step():
        opt.zero_grad()
        loss_fn(model(X), y).backward()
        opt.step()

    return step


def bench_vs_torch(tiny):
    try:
        import torch
    except ImportError:
        print("PyTorch가 없어 비교를 건너뜁니다: pip install torch==2.13.0")
        return
    cases = [
        ("XOR 2-4-1, batch 4", [2, 4, 1], "sigmoid", 4, 1.0),
        ("784-128-10, batch 256", [784, 128, 10], "relu", 256, 1.5),
    ]
    for name, sizes, hidden, batch, budget in cases:
        if tiny:
            name, sizes, batch = f"{name} (tiny: 작게)", [s if s < 20 else 8 for s in sizes], min(batch, 8)
        ours, theirs = _numpy_step(sizes, hidden, batch), _torch_step(torch, sizes, hidden, batch)
        ours(), theirs()
        number = 5 if tiny else (2000 if batch <= 8 else 100)
        t_ours, t_torch = best(ours, number), best(theirs, number)
        ratio = t_ours / t_torch
        report(
            f"학습 한 단계 {name}",
            f"{t_ours * 1e6:.0f} us = {ratio:.2f}x torch",
            f"<= {budget}x PyTorch",
            ratio <= budget,
        )
    print(f"  (PyTorch {torch.__version__}, 스레드 {torch.get_num_threads()})")


# ---------------------------------------------------------------- 5. 시그모이드 대 ReLU
def bench_activations(tiny, write):
    n = 1_000 if tiny else 1_000_000
    x = np.random.default_rng(0).normal(size=n)
    number = 3 if tiny else 20
    times = {
        name: best(lambda f=f: f(x), number)
        for name, f in [("sigmoid", sigmoid), ("relu", relu), ("sigmoid_grad", sigmoid_grad), ("relu_grad", relu_grad)]
    }
    times["numpy_exp_sigmoid"] = best(lambda: 1 / (1 + np.exp(-x)), number)
    times["numpy_maximum_relu"] = best(lambda: np.maximum(x, 0), number)
    ratio = times["sigmoid"] / times["relu"]
    grad_ratio = times["sigmoid_grad"] / times["relu_grad"]
    numpy_ratio = times["numpy_exp_sigmoid"] / times["numpy_maximum_relu"]
    report(f"sigmoid / relu 시간 비 (값 {n:,}개)", f"{ratio:.1f}x", "(측정: 원문의 주장)", True)
    report("sigmoid_grad / relu_grad 시간 비", f"{grad_ratio:.1f}x", "(측정)", True)
    report("NumPy 식 1/(1+exp(-x)) / maximum(x, 0)", f"{numpy_ratio:.1f}x", "(측정)", True)
    result = {
        "n": n,
        "dtype": "float64",
        "ms": {k: round(v * 1e3, 3) for k, v in times.items()},
        "ratio_sigmoid_relu": round(ratio, 1),
        "ratio_grad": round(grad_ratio, 1),
        "ratio_numpy": round(numpy_ratio, 1),
        "numpy": np.__version__,
        "python": platform.python_version(),
        "cpu": platform.machine(),
        "cores": os.cpu_count(),
        "date": datetime.date.today().isoformat(),
    }
    if write:
        ACTIVATION_COST_JSON.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"  -> {ACTIVATION_COST_JSON.relative_to(ROOT)}에 썼습니다(시그모이드·ReLU 페이지가 인용합니다)")
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiny", action="store_true", help="작은 크기로 빨리 돌려 본다(테스트용, 빌드·브라우저 생략)")
    parser.add_argument("--tests", action="store_true", help="테스트 전체 시간도 잰다")
    parser.add_argument("--lighthouse", action="store_true", help="Lighthouse 성능 점수도 잰다(npm 필요)")
    parser.add_argument("--json", type=Path, default=ROOT / ".cache" / "bench.json", help="결과 JSON 경로")
    args = parser.parse_args(argv)

    from threadpoolctl import threadpool_info

    blas = [f"{i['internal_api']} {i.get('architecture', '')} x{i['num_threads']}" for i in threadpool_info()]
    print(f"Python {platform.python_version()}, NumPy {np.__version__}, BLAS {', '.join(blas)}, 코어 {os.cpu_count()}")
    for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        print(f"{var}={os.environ.get(var)}")
    print(f"{'항목':56} {'측정값':>20} {'예산':>24}")
    if not args.tiny:
        site = bench_build()
        bench_widgets(site)
        bench_figure_text(site)
        bench_pages(site, args.lighthouse)
        if args.tests:
            bench_tests()
    bench_vs_torch(args.tiny)
    bench_activations(args.tiny, write=not args.tiny)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"blas": blas, "rows": rows}, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
