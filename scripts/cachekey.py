"""캐시의 열쇠: 결과를 정하는 파일들, reference_nn 전체, 라이브러리 버전의 해시.

그림(figures.py), 노트북 실행(notebooks.py), 예제 계산(examples.py)의 캐시가 모두 이 함수를 쓴다.
reference_nn이나 그리는 스크립트가 바뀌면 열쇠가 바뀌므로 옛 결과를 보여 주지 않는다.
"""

import hashlib
from pathlib import Path

import matplotlib
import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def digest(*files, extra=""):
    """files와 reference_nn/*.py의 내용, NumPy·matplotlib 버전, extra의 해시(16자리)."""
    h = hashlib.sha256()
    for f in [*map(Path, files), *sorted((ROOT / "reference_nn").glob("*.py"))]:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    h.update(f"numpy {np.__version__} matplotlib {matplotlib.__version__} {extra}".encode())
    return h.hexdigest()[:16]
