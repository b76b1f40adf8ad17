"""모든 그림을 그리는 진입점. 그리는 코드의 해시로 캐시한다.

직접 실행하면 그림을 폴더에 그린다: ``python -m scripts.figures 출력폴더``
"""

import importlib
import json
import shutil
import sys
from pathlib import Path

from scripts import cachekey, plotstyle

ROOT = Path(__file__).resolve().parent.parent
#: 그림 모듈(페이지마다 하나). 각 모듈은 FIGURES = {"이름": 그리는 함수}를 가진다(파일은 이름.webp).
NARROW_SUFFIX = "-narrow"  # 휴대폰용 그림 파일 이름의 꼬리
TEXT_SIZES = "text-sizes.json"  # 캐시 폴더 안에만(사이트에는 올리지 않는다)
MODULES = ["scripts.fig_neuron", "scripts.fig_activations", "scripts.fig_networks", "scripts.fig_digits"]


def source_hash(module_name):
    """그림을 결정하는 모든 것의 해시: 그 모듈, 그 모듈이 (간접으로라도) 불러오는 scripts 모듈, reference_nn 전체,
    글꼴 파일, 라이브러리 버전(cachekey.digest)."""
    return cachekey.digest(ROOT / (module_name.replace(".", "/") + ".py"))


def render_module(module_name, cache_dir):
    """한 모듈의 그림을 (캐시에 없을 때만) 그리고, {파일이름: 경로}를 돌려준다.

    여러 빌드가 동시에 그려도 안전하다: 고유한 임시 폴더에 그린 뒤 한 번에 옮긴다(cachekey.publish).
    """
    short = module_name.rsplit(".", 1)[-1]
    out = Path(cache_dir) / f"{short}-{source_hash(module_name)}"
    module = importlib.import_module(module_name)
    files = {name: f"{name}.{plotstyle.FORMAT}" for name in module.FIGURES}
    narrow = {name: f"{name}{NARROW_SUFFIX}.{plotstyle.FORMAT}" for name in getattr(module, "NARROW", [])}
    if not cachekey.lookup(out):
        tmp = cachekey.temporary(cache_dir, out.name)
        plotstyle.setup()
        with plotstyle.strict_glyphs():  # 글꼴에 없는 글자는 빌드 실패
            text = {files[name]: plotstyle.save(draw(), tmp / files[name]) for name, draw in module.FIGURES.items()}
            with plotstyle.narrow():  # 휴대폰용(세로로 쌓은) 그림: 페이지는 <picture>로 좁은 화면에 이것을 보인다
                for name in narrow:
                    text[narrow[name]] = plotstyle.save(module.FIGURES[name](), tmp / narrow[name])
        (tmp / TEXT_SIZES).write_text(json.dumps(text, sort_keys=True), encoding="utf-8")
        cachekey.publish(tmp, out)
    cachekey.prune(cache_dir, f"{short}-", keep=out)
    return {f: out / f for f in [*files.values(), *narrow.values()]}


def text_sizes(cache_dir):
    """{그림 파일 이름: 가장 작은 글자의 크기(저장한 그림의 픽셀)} (tests/test_browser.py가 보이는 크기를 잰다)."""
    sizes = {}
    for path in {p.parent for p in render_all(cache_dir).values()}:
        sizes.update(json.loads((path / TEXT_SIZES).read_text(encoding="utf-8")))
    return sizes


def render_all(cache_dir):
    """모든 그림을 그리고 {사이트 안의 경로 "figures/...": 파일 경로}를 돌려준다."""
    result = {}
    for module_name in MODULES:
        for name, path in render_module(module_name, cache_dir).items():
            result[f"figures/{name}"] = path
    return result


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "figures-out")
    target.mkdir(parents=True, exist_ok=True)
    for uri, path in render_all(cachekey.CACHE / "figures").items():
        shutil.copyfile(path, target / Path(uri).name)
        print(target / Path(uri).name)
